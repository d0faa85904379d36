import { getNamedType, Kind, type FieldNode, type GraphQLCompositeType, type GraphQLResolveInfo, type SelectionSetNode, type ValueNode } from 'graphql';
import { ENTITY_TYPES, type EntityType } from '../../model/entity-type';
import { RELATION_FIELDS } from '../../model/relationship-type';
import { entityTypeOfUrn } from '../../model/urn';
import type { NestedList, RelatedKey } from './entity.loaders';
import { RELATION_MAX_FIRST, type RelatedList } from './graphql/relation-fields.resolver';
import { entityClassOf } from './graphql/entity-classes';

/** A relationship list a selection set selects on the entities it applies to, with `first`/`after` as written. */
interface SelectedList {
  list: RelatedList;
  single: boolean;
  first: ValueNode | undefined;
  after: ValueNode | undefined;
  /** The list field itself: what it selects on its own entities is the next level. */
  node: FieldNode;
}

/**
 * The relationship lists a field selects on the entities it returns (`model(urn)`, `entity(urn)`, a
 * relationship list such as `trainingRuns`), by entity type (through inline fragments and
 * fragments), each with one set of arguments; a list selected under an alias or twice is left out
 * (its resolver reads it, as for any other list). The relationship loader reads these lists in the
 * statement that reads the entities themselves: a getter's entity with its tabs is one statement
 * (loadWithLists puts them in RequestScope.ahead), and a list's entities come with their own
 * selected lists (a page's models' runs with the runs' inputs). Only the field's own selection
 * counts: what the cost model counted for it, never more.
 */
type Lookahead = ReadonlyMap<EntityType, readonly SelectedList[]>;

const cache = new WeakMap<FieldNode, Lookahead>();
let typeOfObject: Map<string, EntityType> | undefined;

function lookaheadOf(info: GraphQLResolveInfo, fieldNodes: readonly FieldNode[], returns: GraphQLCompositeType): Lookahead {
  const node = fieldNodes[0];
  const cached = fieldNodes.length === 1 ? cache.get(node) : undefined;
  if (cached) return cached;
  const lists = new Map<EntityType, Map<string, SelectedList | null>>();
  const seen = new Set<string>();
  const visit = (set: SelectionSetNode | undefined, on: GraphQLCompositeType | undefined) => {
    if (!set || !on) return;
    for (const sel of set.selections) {
      if (sel.kind === Kind.INLINE_FRAGMENT) visit(sel.selectionSet, sel.typeCondition ? (info.schema.getType(sel.typeCondition.name.value) as GraphQLCompositeType) : on);
      else if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = info.fragments[sel.name.value];
        if (!fragment || seen.has(`${sel.name.value}@${on.name}`)) continue;
        seen.add(`${sel.name.value}@${on.name}`);
        visit(fragment.selectionSet, info.schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType);
      } else {
        const type = (typeOfObject ??= new Map(ENTITY_TYPES.map((t) => [entityClassOf(t).name, t]))).get(on.name);
        const spec = type && RELATION_FIELDS[type].find((f) => f.field === sel.name.value);
        if (!type || !spec) continue;
        const own = lists.get(type) ?? lists.set(type, new Map()).get(type)!;
        const arg = (name: string) => sel.arguments?.find((a) => a.name.value === name)?.value;
        const list = { types: [spec.type], direction: spec.direction, target: spec.target };
        const selected = { list, single: Boolean(spec.single), first: arg('first'), after: arg('after'), node: sel };
        // Asked twice (or under an alias): the resolvers read it, with whatever arguments each place gives.
        own.set(spec.field, own.has(spec.field) || sel.alias ? null : selected);
      }
    }
  };
  for (const field of fieldNodes) visit(field.selectionSet, returns);
  const out = new Map<EntityType, SelectedList[]>();
  for (const [type, own] of lists) {
    const kept = [...own.values()].filter((l): l is SelectedList => l !== null);
    if (kept.length) out.set(type, kept);
  }
  if (fieldNodes.length === 1) cache.set(node, out);
  return out;
}

/** An argument's value: a literal, or the (coerced) variable's value; undefined when it is neither. */
function valueOf(node: ValueNode | undefined, variables: Readonly<Record<string, unknown>>): unknown {
  if (!node || node.kind === Kind.NULL) return null;
  if (node.kind === Kind.VARIABLE) return variables[node.name.value] ?? null;
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.STRING) return node.value;
  return undefined;
}

/**
 * The lists as relatedEntities asks them (`first` absent: up to RELATION_MAX_FIRST; a single field:
 * one). Arguments the resolver would refuse, and a `first` of 0, are left to it.
 */
function slicesOf(lists: readonly SelectedList[], variables: Readonly<Record<string, unknown>>): (NestedList & { node: FieldNode })[] {
  const out: (NestedList & { node: FieldNode })[] = [];
  for (const s of lists) {
    const first = s.single ? 1 : valueOf(s.first, variables);
    const after = s.single ? null : valueOf(s.after, variables);
    if (first !== null && !(typeof first === 'number' && Number.isInteger(first) && first > 0 && first <= RELATION_MAX_FIRST)) continue;
    if (after !== null && typeof after !== 'string') continue;
    out.push({ ...s.list, first: first ?? RELATION_MAX_FIRST, after, node: s.node });
  }
  return out;
}

// The lists read ahead of one list field's entities, per field node and operation variables: the
// handler of a list runs once per entity of a page, and the same array (the same slice id) serves all.
const nestedCache = new WeakMap<FieldNode, { variables: unknown; nested: readonly NestedList[] }>();
const NONE: readonly NestedList[] = [];

/**
 * The lists the relationship-list field of `info` (whose entities are of type `target`) selects on
 * its entities, as relatedEntities will ask them: read in the statement that reads the list.
 */
export function nestedAhead(info: GraphQLResolveInfo, target: EntityType): readonly NestedList[] {
  const node = info.fieldNodes[0];
  const cached = info.fieldNodes.length === 1 ? nestedCache.get(node) : undefined;
  if (cached && cached.variables === info.variableValues) return cached.nested;
  const nested = nestedOf(info, info.fieldNodes, target);
  if (info.fieldNodes.length === 1) nestedCache.set(node, { variables: info.variableValues, nested });
  return nested;
}

/**
 * The relationship-list keys the resolvers will ask of the entity `urn` that the field of `info`
 * returns, made as relatedEntities makes them, each with the lists selected on its own entities.
 */
export function keysAhead(info: GraphQLResolveInfo, urn: string): RelatedKey[] {
  const type = entityTypeOfUrn(urn);
  const lists = type ? lookaheadOf(info, info.fieldNodes, getNamedType(info.returnType) as GraphQLCompositeType).get(type) : undefined;
  if (!lists) return [];
  return slicesOf(lists, info.variableValues).map(({ node, ...list }) => ({ urn, ...list, nested: nestedOf(info, [node], list.target) }));
}

/** The lists the list field `fieldNodes` (entities of type `target`) selects on its entities; NONE when none. */
function nestedOf(info: GraphQLResolveInfo, fieldNodes: readonly FieldNode[], target: EntityType): readonly NestedList[] {
  const lists = lookaheadOf(info, fieldNodes, info.schema.getType(entityClassOf(target).name) as GraphQLCompositeType).get(target);
  const nested = lists ? slicesOf(lists, info.variableValues).map(({ node: _, ...list }) => list) : [];
  return nested.length ? nested : NONE;
}
