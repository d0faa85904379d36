import { NO_READ_CACHE, startTestServer, testNeo4j, uniqueId, type TestServer } from '../support/harness';

// A query asked again under an unchanged graph is answered from what the server kept, with one
// statement (the graph's version); after any write, on this server or another replica of the same
// database, it is read again: never an answer from before a write.

const PAGE = `query ($p: String!) { entities(filter: { platform: $p, types: [MODEL] }, first: 10) { totalCount edges { node {
  urn name description ... on Model { groups(first: 5) { name } trainingDatasets(first: 5) { name } } } } } }`;

let a: TestServer;
let b: TestServer;
let off: TestServer;
beforeAll(async () => {
  [a, b, off] = await Promise.all([startTestServer(), startTestServer(), startTestServer(testNeo4j(), NO_READ_CACHE)]);
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close(), off?.close()]);
});

/** The answer of `query` on `server` and the statements it sent. */
async function ask(server: TestServer, query: string, variables: Record<string, unknown>) {
  const names: string[] = [];
  const stop = server.graph.onStatement((e) => names.push(e.query));
  try {
    const res = await server.gql(query, variables);
    expect(res.errors).toBeUndefined();
    return { data: res.data!, names };
  } finally {
    stop();
  }
}

const p = uniqueId('rc');
const ds = (name: string) => `urn:li:dataset:(urn:li:dataPlatform:${p},${name},PROD)`;
const modelInput = (name: string, extra: Record<string, unknown> = {}) => ({ platform: p, name, ...extra });
const UPSERT_MODEL = `mutation ($m: UpsertModelInput!) { upsertModel(input: $m) { urn description } }`;
const names = (data: any) => data.entities.edges.map((e: any) => e.node.name);

beforeAll(async () => {
  const res = await a.gql(`mutation ($b: IngestBatchInput!) { ingest(batch: $b) { created } }`, {
    b: {
      datasets: [{ platform: p, name: 'raw' }, { platform: p, name: 'other' }],
      modelGroups: [{ platform: p, name: 'churn' }],
      models: [
        modelInput('m1', { groups: [`urn:li:mlModelGroup:(urn:li:dataPlatform:${p},churn,PROD)`], trainingDatasets: [ds('raw')] }),
        modelInput('m2', { trainingDatasets: [ds('raw')] }),
      ],
    },
  });
  expect(res.errors).toBeUndefined();
});

describe('the read cache', () => {
  it('answers a query asked again with the graph version alone, and the same answer', async () => {
    const first = await ask(a, PAGE, { p });
    expect(names(first.data)).toEqual(['m1', 'm2']);
    expect(first.names).toEqual(expect.arrayContaining(['browse/entities-page-of-platform', 'edges/related']));
    const again = await ask(a, PAGE, { p });
    expect(again.names).toEqual(['system/graph-version']);
    expect(again.data).toEqual(first.data);
  });

  it('keeps an answer that found nothing: an empty page', async () => {
    const none = { p: `${p}-none` };
    const first = await ask(a, PAGE, none);
    expect(first.data.entities).toEqual({ totalCount: 0, edges: [] });
    const again = await ask(a, PAGE, none);
    expect(again.names).toEqual(['system/graph-version']);
    expect(again.data).toEqual(first.data);
  });

  it('reads again after a write on this server: a changed property, a new entity, a new edge', async () => {
    await ask(a, PAGE, { p });
    await a.gql(UPSERT_MODEL, { m: modelInput('m1', { description: 'retrained' }) });
    const changed = await ask(a, PAGE, { p });
    expect(changed.names).toContain('browse/entities-page-of-platform');
    expect(changed.data.entities.edges[0].node.description).toBe('retrained');

    await a.gql(UPSERT_MODEL, { m: modelInput('m3', { trainingDatasets: [ds('other')] }) });
    const added = await ask(a, PAGE, { p });
    expect(names(added.data)).toEqual(['m1', 'm2', 'm3']);
    expect(added.data.entities.totalCount).toBe(3);

    const link = await a.gql(`mutation ($from: ID!, $to: ID!) { link(from: $from, relationship: TRAINED_ON, to: $to) { changed } }`, {
      from: `urn:li:mlModel:(urn:li:dataPlatform:${p},m2,PROD)`,
      to: ds('other'),
    });
    expect(link.errors).toBeUndefined();
    const linked = await ask(a, PAGE, { p });
    const m2 = linked.data.entities.edges.find((e: any) => e.node.name === 'm2').node;
    expect(m2.trainingDatasets.map((d: { name: string }) => d.name)).toEqual(['other', 'raw']);
  });

  it('reads again after a write on another replica of the same database', async () => {
    const kept = await ask(a, PAGE, { p });
    expect((await ask(a, PAGE, { p })).names).toEqual(['system/graph-version']);
    await b.gql(UPSERT_MODEL, { m: modelInput('m2', { description: `from b ${Date.now()}` }) });
    const after = await ask(a, PAGE, { p });
    expect(after.names).toContain('browse/entities-page-of-platform');
    const m2 = after.data.entities.edges.find((e: any) => e.node.name === 'm2').node;
    expect(m2.description).toMatch(/^from b /);
    expect(after.data).not.toEqual(kept.data);
  });

  it('reads again after an alias moves (aliases are edge properties, recorded as changes of the models)', async () => {
    const group = `urn:li:mlModelGroup:(urn:li:dataPlatform:${p},churn,PROD)`;
    const model = `urn:li:mlModel:(urn:li:dataPlatform:${p},m1,PROD)`;
    const ALIASES = `query ($u: ID!) { model(urn: $u) { aliases } }`;
    expect((await ask(a, ALIASES, { u: model })).data.model.aliases).toEqual([]);
    expect((await ask(a, ALIASES, { u: model })).names).toEqual(['system/graph-version']);
    const set = await b.gql(`mutation ($g: ID!, $m: ID!) { setModelAlias(group: $g, alias: "champion", model: $m) { changed } }`, { g: group, m: model });
    expect(set.errors).toBeUndefined();
    expect((await ask(a, ALIASES, { u: model })).data.model.aliases).toEqual(['champion']);
  });

  it('is not used by mutations, whose reads see their own writes', async () => {
    await ask(a, PAGE, { p });
    const READ = `query ($u: ID!) { model(urn: $u) { description } }`;
    const model = `urn:li:mlModel:(urn:li:dataPlatform:${p},m3,PROD)`;
    await ask(a, READ, { u: model });
    const res = await ask(a, UPSERT_MODEL, { m: modelInput('m3', { description: 'in a mutation' }) });
    expect(res.data.upsertModel.description).toBe('in a mutation');
    expect(res.names).not.toContain('system/graph-version');
    // Two writes of the same entity in one mutation, each answer read after its own write.
    const twice = await ask(
      a,
      `mutation ($one: UpsertModelInput!, $two: UpsertModelInput!) { one: upsertModel(input: $one) { description } two: upsertModel(input: $two) { description } }`,
      { one: modelInput('m3', { description: 'first' }), two: modelInput('m3', { description: 'second' }) },
    );
    expect([twice.data.one.description, twice.data.two.description]).toEqual(['first', 'second']);
  });

  it('is off with READ_CACHE_ENTRIES=0: every query reads, and no version is asked', async () => {
    await ask(off, PAGE, { p });
    const again = await ask(off, PAGE, { p });
    expect(again.names).toEqual(expect.arrayContaining(['browse/entities-page-of-platform', 'edges/related']));
    expect(again.names).not.toContain('system/graph-version');
  });
});
