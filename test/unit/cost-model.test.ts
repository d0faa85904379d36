import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { DEFAULT_QUERY_LIMITS } from '../../src/config';
import { COLUMN_WALK_WEIGHT, COUNT_WEIGHT, estimateCost, WALK_WEIGHT } from '../../src/limits/cost';
import { createSchema } from '../../src/schema';

// The cost model on the real schema: what a UI and the examples ask passes the default
// MAX_QUERY_COST; the shapes that took the server down are far over it.

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await createSchema();
}, 60_000);

const cost = (query: string, variables: Record<string, unknown> = {}, operationName?: string) =>
  estimateCost(schema, parse(query), variables, operationName);
const { maxCost } = DEFAULT_QUERY_LIMITS;
const P = 'urn:li:dataset:(urn:li:dataPlatform:kafka,events,PROD)';

/** The UI page of README and the benchmarks: 100 models with their neighbours, 20 of each. */
export const UI_PAGE = `query ($platform: String!, $first: Int) {
  entities(filter: { types: [MODEL], platform: $platform }, first: $first) {
    totalCount
    edges { node { urn ... on Model {
      groups(first: 20) { urn name }
      features(first: 20) { urn name }
      trainingRuns(first: 20) { urn name inputs(first: 20) { urn name } }
      deployments(first: 20) { urn name }
    } } }
  }
}`;

describe('the cost model', () => {
  it('computes the cost of an operation without variables once per document, and of one with variables every time', () => {
    const fixed = parse(`query A { dataset(urn: "${P}") { downstreams(first: 7) { urn } } } query B { dataset(urn: "${P}") { downstreams { urn } } }`);
    expect(estimateCost(schema, fixed, {}, 'A')).toBe(9);
    expect(estimateCost(schema, fixed, {}, 'B')).toBe(1002); // kept per operation name
    // Changing the parsed document (which Apollo never does) shows that A is not computed again.
    const first = (fixed.definitions[0] as any).selectionSet.selections[0].selectionSet.selections[0].arguments[0];
    first.value = { ...first.value, value: '70' };
    expect(estimateCost(schema, fixed, {}, 'A')).toBe(9);
    expect(estimateCost(schema, parse(`query A { dataset(urn: "${P}") { downstreams(first: 70) { urn } } }`), {}, 'A')).toBe(72);
    const withVariables = parse(`query ($n: Int) { dataset(urn: "${P}") { downstreams(first: $n) { urn } } }`);
    expect(estimateCost(schema, withVariables, { n: 7 })).toBe(9);
    expect(estimateCost(schema, withVariables, { n: 70 })).toBe(72);
  });

  it('counts a relationship list by its first, and by its cap of 1,000 without it', () => {
    const one = cost(`{ dataset(urn: "${P}") { downstreams(first: 7) { urn } } }`);
    const all = cost(`{ dataset(urn: "${P}") { downstreams { urn } } }`);
    expect(one).toBe(1 + (1 + 7 * 1));
    expect(all).toBe(1 + (1 + 1000 * 1));
  });

  it('counts a page by its first, its count statement once, and a walk by its own weight', () => {
    const page = (first: number) => cost(`{ entities(first: ${first}) { totalCount edges { node { urn } } } }`);
    expect(page(10) - COUNT_WEIGHT).toBeLessThan(100);
    expect(page(100) - page(10)).toBe(90 * 2); // edge + node.urn per item; totalCount is not multiplied
    expect(cost(`{ impact(urn: "${P}", first: 0) { total } }`)).toBeGreaterThanOrEqual(WALK_WEIGHT);
    expect(cost(`{ a: impact(urn: "${P}", first: 0) { total } b: impact(urn: "${P}", first: 0) { total } }`)).toBeGreaterThanOrEqual(2 * WALK_WEIGHT);
  });

  it('weighs a column-level walk double, and counts its column lists by their first', () => {
    expect(cost(`{ impact(urn: "${P}", columns: ["a"], first: 0) { total } }`) - cost(`{ impact(urn: "${P}", first: 0) { total } }`)).toBe(COLUMN_WALK_WEIGHT - WALK_WEIGHT);
    expect(cost(`{ columnImpact(urn: "${P}", columns: ["a"], first: 0) { total } }`)).toBeGreaterThanOrEqual(COLUMN_WALK_WEIGHT);
    const hops = (first?: number) =>
      cost(`{ impact(urn: "${P}", columns: ["a"], first: 1, maxDepth: 1) { items { path { columns${first === undefined ? '' : `(first: ${first})`} { from { field } } } } } }`);
    expect(hops(40) - hops(20)).toBe(20 * 2); // per link: from and its field
    expect(hops()).toBe(hops(20)); // the default is what is counted
    const columns = (first?: number) => cost(`{ dataset(urn: "${P}") { columns${first === undefined ? '' : `(first: ${first})`} { fieldPath } } }`);
    expect(columns(10)).toBeLessThan(columns());
    expect(columns()).toBeGreaterThan(1_000);
  });

  it('counts a lineage path as long as the walk may go, and lineageGraph by maxNodes per side', () => {
    const path = (maxDepth: number) => cost(`{ lineage(urn: "${P}", direction: UPSTREAM, maxDepth: ${maxDepth}, first: 10) { items { path { relationship } } } }`);
    expect(path(100) - path(10)).toBe(10 * 90 * 1);
    const graph = (maxNodes: number, sides: string) => cost(`{ lineageGraph(urn: "${P}", maxNodes: ${maxNodes}, ${sides}) { nodes { degree } } }`);
    expect(graph(1000, 'upstreamDepth: 3, downstreamDepth: 3') - graph(500, 'upstreamDepth: 3, downstreamDepth: 3')).toBe(2 * 500 * 1);
    expect(graph(1000, 'upstreamDepth: 0, downstreamDepth: 3') - graph(500, 'upstreamDepth: 0, downstreamDepth: 3')).toBe(500 * 1);
  });

  it('lets the UI page of 100 models with 20 of each neighbour list pass the default limit', () => {
    expect(cost(UI_PAGE, { platform: 'mlflow', first: 100 })).toBeLessThan(maxCost);
  });

  it('lets every operation in schema/examples/ pass the default limit', () => {
    const dir = path.join(__dirname, '..', '..', 'schema', 'examples');
    const costs: Record<string, number> = {};
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.graphql'))) {
      const document = parse(fs.readFileSync(path.join(dir, file), 'utf8'));
      for (const op of document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)) {
        // Required variables without defaults get a plausible value; their kind is all that matters.
        const variables = Object.fromEntries(
          (op.variableDefinitions ?? []).filter((v) => !v.defaultValue).map((v) => [v.variable.name.value, /Int/.test(JSON.stringify(v.type)) ? 10 : /Boolean/.test(JSON.stringify(v.type)) ? false : /DateTime/.test(JSON.stringify(v.type)) ? '2024-06-30T00:00:00Z' : 'urn:li:dataset:(urn:li:dataPlatform:s3,x,PROD)']),
        );
        costs[`${file} ${op.name?.value}`] = estimateCost(schema, document, variables, op.name?.value);
      }
    }
    expect(Object.keys(costs).length).toBeGreaterThan(10);
    expect(Object.entries(costs).filter(([, c]) => c > maxCost)).toEqual([]);
  });

  it.each([
    ['lists without first nested four deep around a dataset', `{ dataset(urn: "${P}") { downstreams { upstreams { downstreams { upstreams { urn } } } } } }`],
    ['lists without first nested two deep', `{ dataset(urn: "${P}") { downstreams { downstreams { urn } } } }`],
    ['lineageGraph(maxNodes: 5000) with a list under each node', `{ lineageGraph(urn: "${P}", maxNodes: 5000) { nodes { entity { ... on Dataset { downstreams { urn } } } } } }`],
    ['a deep lineage page with paths', `{ lineage(urn: "${P}", direction: DOWNSTREAM, maxDepth: 1000, first: 500) { items { path { from { urn } to { urn } } } } }`],
    ['100 aliased impact walks', `{ ${Array.from({ length: 100 }, (_, i) => `i${i}: impact(urn: "${P}", first: 0) { total }`).join(' ')} }`],
  ])('puts %s over the default limit', (_name, query) => {
    expect(cost(query)).toBeGreaterThan(maxCost);
  });
});
