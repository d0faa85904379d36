import {
  getArgumentValues,
  getNamedType,
  getOperationAST,
  isCompositeType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type GraphQLField,
  type GraphQLSchema,
  type SelectionSetNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { fieldExtensionsEstimator, getComplexity, type ComplexityEstimator, type ComplexityEstimatorArgs } from 'graphql-query-complexity';

// The cost model (README, "Security"). One unit is about one field of the answer; a list multiplies
// its items' cost by how many it can hold; statements that read a lot weigh what they read. The
// numbers are declared with the fields they belong to (`complexity` and `@Extensions(listSizes(...))`
// on the resolvers); this file holds the weights and the machinery.

/** One lineage walk (lineage, impact, each side of lineageGraph): up to LINEAGE_MAX_NODES entities and 10 s. */
export const WALK_WEIGHT = 10_000;
/**
 * A column-level walk (lineage or impact with `columns`, columnImpact): two statements per level,
 * and each reads the column edges of the entities it reaches (about 20 per dataset on the benchmark graph).
 */
export const COLUMN_WALK_WEIGHT = 2 * WALK_WEIGHT;
/** A walk whose arguments may ask for column level: its weight follows `columns`. */
export const walkCost: ComplexityEstimator = ({ args, childComplexity }) => (args.columns == null ? WALK_WEIGHT : COLUMN_WALK_WEIGHT) + childComplexity;
/** One count statement over a filtered set (`totalCount`). */
export const COUNT_WEIGHT = 1_000;
/** One entity's relationship counts (`relationCounts`): every open edge of the entity is read. */
export const RELATION_COUNTS_WEIGHT = 100;
/** A page statement (entities, search, history), beside what the page holds. */
export const PAGE_WEIGHT = 10;
/** Stored lineage edges assumed per drawn entity of a lineageGraph (generated ML graphs have 2-4). */
export const EDGES_PER_DRAWN_ENTITY = 4;

/** Child list sizes a field sets, by path below it ("edges", "items.path"); see {@link listSizes}. */
export type ListSizes = (args: Record<string, any>) => Record<string, number>;

/**
 * Extensions for a field whose arguments bound lists below it: a page's `first` bounds its `edges`,
 * lineage's `maxDepth` bounds `items.path`. The lists named carry {@link sizedListCost}.
 */
export function listSizes(sizes: ListSizes): { listSizes: ListSizes } {
  return { listSizes: sizes };
}

/** A field that costs `weight` plus its selection once (a statement, a count). */
export const weighted =
  (weight: number): ComplexityEstimator =>
  ({ childComplexity }) =>
    weight + childComplexity;

/** A list whose length is its `first` argument, or `cap` without it (relationship lists). */
export const firstOrCap =
  (cap: number, weight = 1): ComplexityEstimator =>
  ({ args, childComplexity }) =>
    weight + Math.max(0, typeof args.first === 'number' ? args.first : cap) * childComplexity;

/** A list of `first` items, `fallback` when absent (the list's own default, e.g. a hop's columns). */
export const firstOrDefault =
  (fallback: number): ComplexityEstimator =>
  ({ args, childComplexity }) =>
    1 + Math.max(0, typeof args.first === 'number' ? args.first : fallback) * childComplexity;

/**
 * A list whose length an ancestor's arguments bound (see {@link listSizes}); `cap` when the
 * ancestor could not be seen (a fragment spread in between), which never underestimates.
 */
export const sizedListCost =
  (cap: number): ComplexityEstimator =>
  ({ node, context, childComplexity }: ComplexityEstimatorArgs) =>
    1 + ((context as CostContext | undefined)?.sizes.get(node) ?? cap) * childComplexity;

/** A list of at most `n` items whose length no argument sets (e.g. counts by type). */
export const atMost =
  (n: number): ComplexityEstimator =>
  ({ childComplexity }) =>
    1 + n * childComplexity;

/** `relationCounts`: a count statement reading every open edge of the entity, one row per relationship field. */
export const relationCountsCost =
  (fields: number): ComplexityEstimator =>
  ({ childComplexity }) =>
    RELATION_COUNTS_WEIGHT + fields * childComplexity;

/**
 * Every other field: 1 plus its selection, once. Lists of values stored on an entity (tags,
 * owners, columns) count once, as they are loaded with it; the response-size cap bounds them.
 */
export const fallbackEstimator: ComplexityEstimator = ({ childComplexity }) => 1 + childComplexity;

/** What the list estimators learn from the pre-pass: the size of each list field node. */
export interface CostContext {
  sizes: WeakMap<FieldNode, number>;
}

/**
 * Walks the operation once before the cost is computed and, for every field that declares
 * {@link listSizes}, records the size of the lists it names (direct children, or their children for
 * "a.b" paths, through inline fragments) from its arguments with the request's variables.
 * A list reached in several places keeps its largest size.
 */
export function costContext(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>): CostContext {
  const sizes = new WeakMap<FieldNode, number>();
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const def = typeInfo.getFieldDef() as GraphQLField<unknown, unknown> | null;
        const declared = def?.extensions?.listSizes as ListSizes | undefined;
        if (!def || !declared || !isCompositeType(getNamedType(def.type))) return;
        let args: Record<string, unknown>;
        try {
          args = getArgumentValues(def, node, variables);
        } catch {
          return; // bad variables: execution refuses them before any resolver runs
        }
        for (const [path, size] of Object.entries(declared(args))) {
          for (const list of fieldsAt(node.selectionSet, path.split('.'))) sizes.set(list, Math.max(size, sizes.get(list) ?? 0));
        }
      },
    }),
  );
  return { sizes };
}

function fieldsAt(set: SelectionSetNode | undefined, path: string[]): FieldNode[] {
  if (!set || !path.length) return [];
  const [head, ...rest] = path;
  return set.selections.flatMap((s) => {
    if (s.kind === Kind.INLINE_FRAGMENT) return fieldsAt(s.selectionSet, path);
    if (s.kind !== Kind.FIELD || s.name.value !== head) return [];
    return rest.length ? fieldsAt(s.selectionSet, rest) : [s];
  });
}

/** Selections the cost check walks at most (graphql-query-complexity's default); more throws. */
export const MAX_COST_NODES = 10_000;

/**
 * The estimated cost of one operation of `document` with `variables`: the numbers declared with
 * the fields, {@link fallbackEstimator} for the rest. Throws a GraphQLError when the variables do
 * not fit their types or the operation selects more than MAX_COST_NODES fields.
 */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
  operationName?: string,
): number {
  // An operation that declares no variables costs the same on every request: computed once per
  // parsed document (Apollo hands the same document to every request with the same text).
  const fixed = getOperationAST(document, operationName)?.variableDefinitions?.length === 0;
  const ofSchema = fixed ? (fixedCosts.get(schema) ?? fixedCosts.set(schema, new WeakMap()).get(schema)!) : undefined;
  const byName = ofSchema && (ofSchema.get(document) ?? ofSchema.set(document, new Map()).get(document)!);
  const known = byName?.get(operationName ?? '');
  if (known !== undefined) return known;
  const cost = computeCost(schema, document, variables, operationName);
  byName?.set(operationName ?? '', cost);
  return cost;
}

const fixedCosts = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, number>>>();

function computeCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, operationName?: string): number {
  return getComplexity({
    schema,
    query: document,
    variables,
    operationName,
    estimators: [fieldExtensionsEstimator(), fallbackEstimator],
    maxQueryNodes: MAX_COST_NODES,
    context: costContext(schema, document, variables),
  });
}
