import { Arg, Ctx, FieldResolver, Int, Resolver, Root, type ClassType } from 'type-graphql';
import { BadUserInputError } from '../../../errors/errors';
import type { Context } from '../../../context';
import type { EntityType } from '../../../model/entity-type';
import { RELATION_FIELDS, type RelationField } from '../../../model/relationship-type';
import { parseUrn } from '../../../model/urn';
import type { EntityRecord } from '../entity.loaders';
import { entityClassOf } from './entity-classes';

/** Most items one relationship list returns per call when `first` is given. */
export const RELATION_MAX_FIRST = 1000;

/** A slice of a relationship list, in URN order: at most `first` items after the URN `after`. */
export interface RelatedSlice {
  first?: number | null;
  after?: string | null;
}

/** The entities at the other end of `spec` for `root`, in URN order, through the request's loaders. */
export async function loadRelated(ctx: Context, root: { urn: string }, spec: RelationField, slice: RelatedSlice = {}): Promise<EntityRecord[]> {
  const urns = await ctx.loaders.related.load({ urn: root.urn, type: spec.type, direction: spec.direction });
  let ofType = urns.filter((u) => parseUrn(u)?.type === spec.target);
  if (slice.after != null) ofType = ofType.filter((u) => u > slice.after!);
  if (slice.first != null) ofType = ofType.slice(0, slice.first);
  const loaded = await ctx.loaders.entity.loadMany(ofType);
  return loaded.filter((e): e is EntityRecord => e !== null && !(e instanceof Error));
}

function checkFirst(first: number | null | undefined): void {
  if (first != null && (first < 0 || first > RELATION_MAX_FIRST)) {
    throw new BadUserInputError(`first must be between 0 and ${RELATION_MAX_FIRST}`, 'first', { first });
  }
}

/**
 * Builds the resolver of every relationship field of `type` from RELATION_FIELDS (the one table),
 * so adding a relationship there adds its GraphQL field on both ends.
 */
export function relationFieldsResolver(type: EntityType, cls: ClassType): ClassType {
  @Resolver(() => cls)
  class RelationFieldsResolver {}
  const proto = RelationFieldsResolver.prototype as unknown as Record<string, unknown>;

  for (const spec of RELATION_FIELDS[type]) {
    proto[spec.field] = async function (root: EntityRecord, ctx: Context, first?: number | null, after?: string | null) {
      checkFirst(first);
      const related = await loadRelated(ctx, root, spec, { first, after });
      return spec.single ? (related[0] ?? null) : related;
    };
    Reflect.defineMetadata('design:paramtypes', spec.single ? [Object, Object] : [Object, Object, Number, String], proto, spec.field);
    Reflect.defineMetadata('design:returntype', Promise, proto, spec.field);
    Root()(proto, spec.field, 0);
    Ctx()(proto, spec.field, 1);
    if (!spec.single) {
      Arg('first', () => Int, {
        nullable: true,
        description: `At most this many (0 to ${RELATION_MAX_FIRST}); all of them when absent. The list is in URN order.`,
      })(proto, spec.field, 2);
      Arg('after', () => String, { nullable: true, description: 'Only those whose URN sorts after this one (the last URN of the previous slice).' })(
        proto,
        spec.field,
        3,
      );
    }
    const descriptor = Object.getOwnPropertyDescriptor(proto, spec.field)!;
    FieldResolver(() => (spec.single ? entityClassOf(spec.target) : [entityClassOf(spec.target)]), {
      description: spec.description,
      nullable: Boolean(spec.single),
    })(proto, spec.field, descriptor);
  }
  Object.defineProperty(RelationFieldsResolver, 'name', { value: `${cls.name}RelationsResolver` });
  return RelationFieldsResolver;
}
