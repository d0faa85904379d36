import { createServer, type MlgraphServer } from '../../src/server';
import { testGraph, testLog, uniqueId } from '../support/harness';
import { realisticBatch, urnsFor } from '../support/ingest-batch';
import type { Graph } from '../../src/graph';

// The same operations through a server that runs them compiled (graphql-jit, the default) and one
// that runs them with graphql-js: the answers, errors included, are the same, word for word. The
// compiled server compiles an operation the second time it sees it, so each runs there twice.

const token = uniqueId('jit');
const u = urnsFor(token);
let graph: Graph;
let compiled: MlgraphServer;
let plain: MlgraphServer;

async function gql(server: MlgraphServer, query: string, variables?: Record<string, unknown>) {
  const res = await server.apollo.executeOperation({ query, variables }, { contextValue: server.contextFor() });
  if (res.body.kind !== 'single') throw new Error('unexpected incremental response');
  return JSON.parse(JSON.stringify(res.body.singleResult));
}

beforeAll(async () => {
  graph = testGraph();
  const config = { bodyLimit: '10mb', introspection: true, landingPage: false };
  compiled = await createServer({ config, graph, log: testLog });
  plain = await createServer({ config: { ...config, executor: 'graphql-js' }, graph, log: testLog });
  await compiled.readiness.migrateWhenReachable();
  const res = await gql(plain, 'mutation ($b: IngestBatchInput!) { ingest(batch: $b) { created } }', { b: realisticBatch(token, 6) });
  expect(res.errors).toBeUndefined();
});
afterAll(async () => {
  await compiled.stop();
  await plain.stop();
  await graph.close();
});

const ROW = `urn name version status createdAt trainingMetrics { name value }
  groups(first: 10) { urn name } features(first: 20) { urn name dataType }
  trainingRuns(first: 10) { urn name runStatus inputs(first: 20) { urn name platform } }
  deployments(first: 10) { urn name deploymentStatus }`;

const OPERATIONS: { name: string; query: string; variables?: Record<string, unknown> }[] = [
  {
    name: 'the UI page: models with their lists, through a fragment on the interface',
    query: `query Page($p: String) { entities(filter: { types: [MODEL], platform: $p }, first: 100) { edges { node { ... on Model { ${ROW} } } } } }`,
    variables: { p: token },
  },
  { name: 'a lookup by URN', query: 'query One($urn: ID!) { model(urn: $urn) { urn name version groups { urn name } deployments { urn name } } }', variables: { urn: u.model('churn-v3') } },
  {
    name: 'impact with paths, counts and a cursor',
    query: `query Impact($urn: ID!, $first: Int) { impact(urn: $urn, types: [MODEL, DEPLOYMENT], first: $first, maxDepth: 10) {
      total isPartial countsByType { type count } pageInfo { hasNextPage endCursor }
      items { degree entity { __typename urn name } path { relationship from { urn } to { urn } } } } }`,
    variables: { urn: u.dataset('events_raw_2'), first: 1 },
  },
  { name: 'a URN that is not stored is null', query: '{ model(urn: "urn:li:mlModel:(urn:li:dataPlatform:nowhere,x,PROD)") { urn } }' },
  { name: 'a malformed URN is an error beside the data that answered', query: `{ a: model(urn: "not-a-urn") { urn } b: model(urn: "${u.model('churn-v1')}") { urn } }` },
  { name: 'an argument out of range names the field', query: `query ($urn: ID!) { model(urn: $urn) { deployments(first: -1) { urn } } }`, variables: { urn: u.model('churn-v1') } },
  { name: 'a bad enum value in a variable', query: 'query ($t: [EntityType!]) { entities(filter: { types: $t }, first: 1) { edges { node { urn } } } }', variables: { t: ['NOPE'] } },
  { name: 'skip and include with variables', query: `query ($urn: ID!, $yes: Boolean!) { model(urn: $urn) { urn name @skip(if: $yes) groups @include(if: $yes) { urn } } }`, variables: { urn: u.model('churn-v2'), yes: true } },
];

describe('the compiled executor answers as graphql-js does', () => {
  it.each(OPERATIONS)('$name', async ({ query, variables }) => {
    const expected = await gql(plain, query, variables);
    const before = compiled.compiledQueries!.compiled;
    expect(await gql(compiled, query, variables)).toEqual(expected);
    expect(await gql(compiled, query, variables)).toEqual(expected);
    expect(compiled.compiledQueries!.compiled).toBe(before + 1);
  });

  it('answers something in the operations above (the comparison is not between two empty answers)', async () => {
    const page = await gql(compiled, OPERATIONS[0].query, OPERATIONS[0].variables);
    expect(page.data.entities.edges).toHaveLength(6);
    expect(page.data.entities.edges[0].node.trainingRuns[0].inputs.length).toBeGreaterThan(0);
    const impact = await gql(compiled, OPERATIONS[2].query, OPERATIONS[2].variables);
    expect(impact.data.impact.items[0].path.length).toBeGreaterThan(0);
    expect(impact.data.impact.pageInfo.hasNextPage).toBe(true);
    const errors = await gql(compiled, OPERATIONS[4].query);
    expect(errors.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(errors.data.b).toEqual({ urn: u.model('churn-v1') });
  });

  it('runs every operation with graphql-js when GRAPHQL_EXECUTOR=graphql-js', () => {
    expect(plain.compiledQueries).toBeUndefined();
  });
});
