import type { GraphQLResolveInfo, GraphQLSchema } from 'graphql';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root, type ClassType } from 'type-graphql';
import { BadUserInputError } from '../../../errors/errors';
import { firstOrCap, relationCountsCost } from '../../../limits/cost';
import type { Context } from '../../../context';
import type { EntityType } from '../../../model/entity-type';
import { RELATION_FIELDS, type Direction, type RelationField, type RelationshipType } from '../../../model/relationship-type';
import type { EntityRecord, NestedList } from '../entity.loaders';
import { nestedAhead } from '../lookahead';
import { resolveDirectly } from './direct-resolvers';
import { entityClassOf, objectTypeNameOf } from './entity-classes';
import { RelationCount } from './relation-count.type';
import { RelatedEdge } from './edge-properties.types';

/**
 * Most items one relationship list returns per call: the largest `first`, and the cut of a list read
 * without `first` (which then says so in `extensions.warnings`, code LIST_TRUNCATED).
 */
export const RELATION_MAX_FIRST = 1000;

/** A slice of a relationship list, in URN order: at most `first` items after the URN `after`. */
export interface RelatedSlice {
  first?: number | null;
  after?: string | null;
}

/** Which list: relationship types, their stored direction, and the type of the entities listed. */
export interface RelatedList {
  types: readonly RelationshipType[];
  direction: Direction;
  target: EntityType;
}

/**
 * The entities of one relationship list of `owner` (URN order, `slice` applied: `first` checked to
 * be 0..RELATION_MAX_FIRST), read through the request's loaders: Neo4j filters, orders and cuts the
 * list, and sends the listed entities with it. Without `first`, a list longer than
 * RELATION_MAX_FIRST is cut there with a LIST_TRUNCATED warning naming `owner` and `field`.
 */
export function relatedEntities(ctx: Context, owner: string, list: RelatedList, slice: RelatedSlice, field: string, nested?: readonly NestedList[]): Promise<EntityRecord[]> {
  const { first, after } = slice;
  if (first != null && (first < 0 || first > RELATION_MAX_FIRST)) {
    return Promise.reject(new BadUserInputError(`first must be between 0 and ${RELATION_MAX_FIRST}`, 'first', { first }));
  }
  const limit = first ?? RELATION_MAX_FIRST;
  if (limit === 0) return Promise.resolve([]);
  // One promise per list (the loader's), not one per async step: a page asks for hundreds of lists.
  const key = { urn: owner, types: list.types, direction: list.direction, target: list.target, first: limit, after: after ?? null, nested };
  return ctx.loaders.related.load(key).then(({ records, more }) => {
    if (first == null && more) {
      ctx.warnings.push({
        code: 'LIST_TRUNCATED',
        urn: owner,
        field,
        message: `${field} of ${owner} lists more than ${RELATION_MAX_FIRST} entities; the first ${RELATION_MAX_FIRST} are returned. Page with first and after.`,
      });
    }
    // The entities came with the list: hand them out as the entity loader would (each counted into
    // the answer), without a promise per entity.
    for (const record of records) ctx.scope.answer.charge(record);
    return records;
  });
}

/** The `first` and `after` arguments of every relationship list. */
export const FIRST_ARG = {
  nullable: true,
  description: `At most this many (0 to ${RELATION_MAX_FIRST}); absent: all of them up to ${RELATION_MAX_FIRST}, with a LIST_TRUNCATED warning past that. The list is in URN order.`,
} as const;
export const AFTER_ARG = { nullable: true, description: 'Only those whose URN sorts after this one (the last URN of the previous slice).' } as const;

/** Declares the `first` and `after` arguments of a relationship list at parameters 2 and 3. */
function declareSliceArgs(proto: object, field: string): void {
  Arg('first', () => Int, FIRST_ARG)(proto, field, 2);
  Arg('after', () => String, AFTER_ARG)(proto, field, 3);
}

type ListHandler = (root: EntityRecord, ctx: Context, first?: number | null, after?: string | null, info?: GraphQLResolveInfo) => Promise<unknown>;

// The handlers of the relationship fields (lists, their edges, relationCounts) by entity type and
// field name, as relationFieldsResolver declares them; see resolveRelationFieldsDirectly.
const handlers = new Map<EntityType, Map<string, ListHandler>>();

/**
 * Lets graphql-js call the relationship fields' handlers itself (resolveDirectly): type-graphql
 * made three promises for each list of each entity of an answer. `first` and `after` are scalars
 * that relatedEntities checks. Call once on the schema buildSchema returns.
 */
export function resolveRelationFieldsDirectly(schema: GraphQLSchema): void {
  for (const [type, own] of handlers) {
    for (const [name, handler] of own) resolveDirectly(schema, objectTypeNameOf(type), name, handler, name === 'relationCounts' ? [] : ['first', 'after']);
  }
}

/**
 * Builds the resolver of every relationship field of `type` from RELATION_FIELDS (derived from the
 * kinds' declarations), so declaring a relationship adds its GraphQL field on both ends.
 */
export function relationFieldsResolver(type: EntityType, cls: ClassType): ClassType {
  @Resolver(() => cls)
  class RelationFieldsResolver {}
  const proto = RelationFieldsResolver.prototype as unknown as Record<string, ListHandler>;
  const own = new Map<string, ListHandler>();
  handlers.set(type, own);

  for (const spec of RELATION_FIELDS[type]) {
    const list: RelatedList = { types: [spec.type], direction: spec.direction, target: spec.target };
    proto[spec.field] = function (root: EntityRecord, ctx: Context, first?: number | null, after?: string | null, info?: GraphQLResolveInfo) {
      // What the operation selects on the listed entities' own lists is read with this list.
      const nested = info ? nestedAhead(info, spec.target) : undefined;
      if (!spec.single) return relatedEntities(ctx, root.urn, list, { first, after }, spec.field, nested);
      return relatedEntities(ctx, root.urn, list, { first: 1 }, spec.field, nested).then((related) => related[0] ?? null);
    };
    own.set(spec.field, proto[spec.field]);
    Reflect.defineMetadata('design:paramtypes', spec.single ? [Object, Object] : [Object, Object, Number, String], proto, spec.field);
    Reflect.defineMetadata('design:returntype', Promise, proto, spec.field);
    Root()(proto, spec.field, 0);
    Ctx()(proto, spec.field, 1);
    if (!spec.single) declareSliceArgs(proto, spec.field);
    const descriptor = Object.getOwnPropertyDescriptor(proto, spec.field)!;
    FieldResolver(() => (spec.single ? entityClassOf(spec.target) : [entityClassOf(spec.target)]), {
      description: spec.description,
      nullable: Boolean(spec.single),
      // Without first, a list can hold RELATION_MAX_FIRST entities, and costs that many.
      complexity: spec.single ? undefined : firstOrCap(RELATION_MAX_FIRST),
    })(proto, spec.field, descriptor);
  }
  for (const spec of RELATION_FIELDS[type]) if (spec.edgesField) own.set(spec.edgesField, declareEdgesField(proto, spec));
  const specs = RELATION_FIELDS[type];
  proto.relationCounts = async function (root: EntityRecord, ctx: Context): Promise<RelationCount[]> {
    const counts = await ctx.loaders.edgeCounts.load(root.urn);
    return specs.map((spec) => ({
      field: spec.field,
      relationship: spec.type,
      count: counts
        .filter((c) => c.type === spec.type && c.direction === spec.direction && c.target === spec.target)
        .reduce((sum, c) => sum + c.count, 0),
    }));
  };
  own.set('relationCounts', proto.relationCounts);
  Reflect.defineMetadata('design:paramtypes', [Object, Object], proto, 'relationCounts');
  Reflect.defineMetadata('design:returntype', Promise, proto, 'relationCounts');
  Root()(proto, 'relationCounts', 0);
  Ctx()(proto, 'relationCounts', 1);
  FieldResolver(() => [RelationCount], {
    description: 'How many entities each relationship field lists now, zeros included: tab sizes for a UI, one statement per page.',
    complexity: relationCountsCost(specs.length),
  })(proto, 'relationCounts', Object.getOwnPropertyDescriptor(proto, 'relationCounts')!);
  Object.defineProperty(RelationFieldsResolver, 'name', { value: `${cls.name}RelationsResolver` });
  return RelationFieldsResolver;
}

/**
 * Declares `<field>Edges(first, after)` of a relationship list whose edges carry properties: the
 * same open edges in the same order, each with its entity and what it records.
 */
function declareEdgesField(proto: Record<string, ListHandler>, spec: RelationField): ListHandler {
  const name = spec.edgesField!;
  const list: RelatedList = { types: [spec.type], direction: spec.direction, target: spec.target };
  proto[name] = async function (root: EntityRecord, ctx: Context, first?: number | null, after?: string | null) {
    const related = await relatedEntities(ctx, root.urn, list, { first, after }, name);
    const edges = await ctx.loaders.edge.loadMany(
      related.map((e) => ({ ...(spec.direction === 'out' ? { from: root.urn, to: e.urn } : { from: e.urn, to: root.urn }), type: spec.type, asOf: null })),
    );
    return related.flatMap((node, i) => {
      const edge = edges[i];
      return edge && !(edge instanceof Error) ? [{ node, properties: edge.properties, validFrom: edge.validFrom, createdBy: edge.createdBy }] : [];
    });
  };
  Reflect.defineMetadata('design:paramtypes', [Object, Object, Number, String], proto, name);
  Reflect.defineMetadata('design:returntype', Promise, proto, name);
  Root()(proto, name, 0);
  Ctx()(proto, name, 1);
  declareSliceArgs(proto, name);
  FieldResolver(() => [RelatedEdge], {
    description: `${spec.description.replace(/\.$/, '')}, each edge with what it records (${spec.properties.map((p) => p.name).join(', ')}).`,
    complexity: firstOrCap(RELATION_MAX_FIRST),
  })(proto, name, Object.getOwnPropertyDescriptor(proto, name)!);
  return proto[name];
}
