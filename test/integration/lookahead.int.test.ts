import { entitiesRead, NO_READ_CACHE, startTestServer, testNeo4j, uniqueId, type TestServer } from '../support/harness';
import { urnsFor } from '../support/ingest-batch';

// The relationship lists an operation selects on the entities it loads by URN are read in the
// entity loader's own statement (src/modules/entities/lookahead.ts): an entity's page with its
// tabs is one statement, with the same answer as when each list is read by its resolver. An aliased
// list is read by its resolver, so the aliased form of a query is the answer to compare with.

let t: TestServer;
const token = uniqueId('la');
const u = urnsFor(token);

beforeAll(async () => {
  // Without the read cache: the tests count the statements of operations asked more than once.
  t = await startTestServer(testNeo4j(), NO_READ_CACHE);
  const res = await t.gql(`mutation ($b: IngestBatchInput!) { ingest(batch: $b) { created } }`, {
    b: {
      models: [
        {
          platform: token,
          name: 'churn-v7',
          groups: [u.group('churn'), u.group('all')],
          trainingRuns: [u.run('trial-1')],
          deployments: [u.deployment('a'), u.deployment('b'), u.deployment('c')],
        },
        { platform: token, name: 'churn-v8', groups: [u.group('churn')], deployments: [u.deployment('d')] },
      ],
      trainingRuns: [{ id: `${token}-trial-1`, name: 'trial 1', experiment: u.experiment('exp') }],
      experiments: [{ id: `${token}-exp`, name: 'churn experiment' }],
      modelGroups: [{ platform: token, name: 'churn' }, { platform: token, name: 'all' }],
      deployments: ['a', 'b', 'c', 'd'].map((name) => ({ platform: token, name })),
    },
  });
  expect(res.errors).toBeUndefined();
});
afterAll(() => t.close());

/** The answer and the names of the statements one request sent. */
async function run(query: string, variables: Record<string, unknown> = {}) {
  const names: string[] = [];
  const stop = t.graph.onStatement((e) => names.push(e.query));
  try {
    return { ...(await t.gql(query, variables)), names };
  } finally {
    stop();
  }
}

/** The same selection with every list under an alias of its own name: read by the resolvers. */
const aliased = (q: string) => q.replace(/\b(groups|deployments|trainingRuns|experiment|models)\b(?=[ ({])/g, '$1: $1');

describe('an entity loaded by URN, with the lists its operation selects', () => {
  const ONE = `query ($m: ID!, $n: Int, $after: String) { model(urn: $m) { urn name
    groups { urn name models(first: 10) { urn } }
    deployments(first: $n, after: $after) { urn }
    trainingRuns(first: 5) { urn experiment { urn name } } } }`;

  it('is one statement, and answers as the lists read one by one do', async () => {
    const variables = { m: u.model('churn-v7'), n: 2, after: u.deployment('a') };
    const ahead = await run(ONE, variables);
    expect(ahead.errors).toBeUndefined();
    const alone = await run(aliased(ONE), variables);
    expect(alone.errors).toBeUndefined();
    expect(ahead.data).toEqual(alone.data);
    expect(ahead.data!.model.deployments).toEqual([{ urn: u.deployment('b') }, { urn: u.deployment('c') }]);
    expect(ahead.data!.model.groups.map((g: any) => g.urn)).toEqual([u.group('all'), u.group('churn')].sort());
    // Lists of listed entities (a group's models, a run's experiment) are read in the same statement.
    expect(ahead.names).toEqual(['edges/related']);
    expect(alone.names).toEqual(['entities/by-urns', 'edges/related', 'edges/related']);
  });

  it('reads through inline fragments on the Entity interface, and gives null for a URN that is not stored', async () => {
    const q = `query ($a: ID!, $b: ID!) { a: entity(urn: $a) { urn ... on Model { groups { urn } } } b: entity(urn: $b) { urn ... on Model { groups { urn } } } }`;
    const res = await run(q, { a: u.model('churn-v8'), b: u.model('nowhere') });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ a: { urn: u.model('churn-v8'), groups: [{ urn: u.group('churn') }] }, b: null });
    expect(res.names).toEqual(['edges/related']);
  });

  it("reads only the lists of the field's own selection: another entity loaded in the same statement gets none", async () => {
    const rows: number[] = [];
    const stop = t.graph.onStatement((e) => rows.push(entitiesRead(e)));
    try {
      const res = await t.gql(`query ($a: ID!, $b: ID!) { a: model(urn: $a) { urn } b: model(urn: $b) { groups { urn } } }`, { a: u.model('churn-v7'), b: u.model('churn-v8') });
      expect(res.errors).toBeUndefined();
      expect(res.data!.b.groups).toEqual([{ urn: u.group('churn') }]);
    } finally {
      stop();
    }
    // Both models and churn-v8's one group; churn-v7's two groups are not read.
    expect(rows).toEqual([3]);
  });

  it('leaves a list asked twice with other arguments, first 0 and refused arguments to the resolver, with the same answers and errors', async () => {
    const twice = `query ($m: ID!) { model(urn: $m) { deployments(first: 1) { urn } more: deployments(first: 3) { urn } none: groups(first: 0) { urn } } }`;
    const res = await run(twice, { m: u.model('churn-v7') });
    expect(res.errors).toBeUndefined();
    expect(res.data!.model).toEqual({ deployments: [{ urn: u.deployment('a') }], more: ['a', 'b', 'c'].map((d) => ({ urn: u.deployment(d) })), none: [] });
    const refused = await run(`query ($m: ID!) { model(urn: $m) { deployments(first: 5000) { urn } } }`, { m: u.model('churn-v7') });
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.names).toEqual(['entities/by-urns']);
  });
});

describe("a relationship list's entities, with the lists the operation selects on them", () => {
  /** Names of the statements one request sent, and the entities each read. */
  async function traced(query: string, variables: Record<string, unknown> = {}) {
    const sent: { name: string; rows: number }[] = [];
    const stop = t.graph.onStatement((e) => sent.push({ name: e.query, rows: entitiesRead(e) }));
    try {
      return { ...(await t.gql(query, variables)), sent };
    } finally {
      stop();
    }
  }

  it('reads them in the statement that reads the list, once per entity however many lists hold it, and not for the row that only tells the list goes on', async () => {
    const q = `query ($p: String!, $n: Int) { entities(filter: { types: [MODEL_GROUP], platform: $p }, first: 10) { edges { node {
      ... on ModelGroup { urn models(first: $n) { urn deployments { urn } } } } } } }`;
    const ahead = await traced(q, { p: token, n: 1 });
    expect(ahead.errors).toBeUndefined();
    const alone = await traced(aliased(q), { p: token, n: 1 });
    expect(alone.errors).toBeUndefined();
    expect(ahead.data).toEqual(alone.data);
    const v7 = { urn: u.model('churn-v7'), deployments: ['a', 'b', 'c'].map((d) => ({ urn: u.deployment(d) })) };
    expect(ahead.data!.entities.edges.map((e: any) => e.node)).toEqual([u.group('churn'), u.group('all')].sort().map((urn) => ({ urn, models: [v7] })));
    // One statement, each entity once: the groups' models (all: v7; churn: v7, and v8, the row
    // that says more) and v7's three deployments, read once though both groups list v7; v8's
    // deployment d is not read.
    expect(ahead.sent.filter((s) => s.name === 'edges/related')).toEqual([{ name: 'edges/related', rows: 5 }]);
    expect(alone.sent.filter((s) => s.name === 'edges/related')).toHaveLength(2);
  });

  it('reads a third level by its resolvers, with the same answer', async () => {
    const q = `query ($m: ID!) { model(urn: $m) { urn groups { urn models(first: 5) { urn deployments(first: 2) { urn } } } } }`;
    const ahead = await traced(q, { m: u.model('churn-v8') });
    expect(ahead.errors).toBeUndefined();
    const alone = await traced(aliased(q), { m: u.model('churn-v8') });
    expect(ahead.data).toEqual(alone.data);
    expect(ahead.data!.model.groups[0].models).toEqual([
      { urn: u.model('churn-v7'), deployments: [{ urn: u.deployment('a') }, { urn: u.deployment('b') }] },
      { urn: u.model('churn-v8'), deployments: [{ urn: u.deployment('d') }] },
    ]);
    // The model, its group and the group's models in one statement; the models' deployments in a second.
    expect(ahead.sent.map((s) => s.name)).toEqual(['edges/related', 'edges/related']);
  });
});
