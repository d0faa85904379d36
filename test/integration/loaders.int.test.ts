import { entitiesRead, uniqueId } from '../support/harness';
import { useTestServer } from '../support/live-server';

// What the per-request loaders read from the real Neo4j: relationship lists are cut in Cypher (a
// slice of a huge list never ships the whole list), and a write inside a request makes every loader
// of that request read again (entities, relationship lists, counts, aliases).

const t = useTestServer();
const { ok } = t;

describe('relationship lists are filtered, ordered and cut in Neo4j', () => {
  const token = uniqueId('lh');
  const hub = `urn:li:dataset:(urn:li:dataPlatform:${token},hub,PROD)`;
  const fanout = 100_000;

  beforeAll(async () => {
    await ok(`mutation ($p: String!) { upsertDataset(input: { platform: $p, name: "hub" }) { urn } }`, { p: token });
    // 100,000 downstream datasets, written straight into the store as the writer stores them (the
    // API would take minutes to register them), in batches so no transaction grows large.
    const session = t.driver.session();
    try {
      await session.run(
        `UNWIND range(0, $n - 1) AS i
         CALL (i) {
           MATCH (hub:Entity {urn: $hub})
           WITH hub, 'urn:li:dataset:(urn:li:dataPlatform:' + $token + ',d' + right('00000' + toString(i), 6) + ',PROD)' AS urn
           CREATE (d:Entity:Dataset {urn: urn, type: 'DATASET', name: 'd' + toString(i), platform: $token, env: 'PROD',
                   status: 'ACTIVE', revision: 1, createdAt: datetime(), updatedAt: datetime(), createdBy: 'test', updatedBy: 'test'})
           CREATE (d)-[:DERIVED_FROM {validFrom: datetime(), createdAt: datetime(), createdBy: 'test', source: 'test'}]->(hub)
         } IN TRANSACTIONS OF 20000 ROWS`,
        { n: fanout, hub, token },
      );
    } finally {
      await session.close();
    }
  }, 300_000);

  afterAll(async () => {
    const session = t.driver.session();
    try {
      await session.run(`MATCH (d:Dataset) WHERE d.platform = $token CALL (d) { DETACH DELETE d } IN TRANSACTIONS OF 20000 ROWS`, { token });
    } finally {
      await session.close();
    }
  }, 300_000);

  it('downstreams(first: 10) of a dataset with 100,000 downstreams reads 12 rows (the dataset, 11 of the list), not 100,000', async () => {
    const events: { query: string; rows: number }[] = [];
    const stop = t.graph.onStatement((e) => events.push({ query: e.query, rows: entitiesRead(e) }));
    let data: any;
    try {
      data = await ok(`query ($u: ID!) { dataset(urn: $u) { downstreams(first: 10) { urn name } } }`, { u: hub });
    } finally {
      stop();
    }
    const expected = Array.from({ length: 10 }, (_, i) => `urn:li:dataset:(urn:li:dataPlatform:${token},d${String(i).padStart(6, '0')},PROD)`);
    expect(data.dataset.downstreams.map((d: { urn: string }) => d.urn)).toEqual(expected);
    expect(data.dataset.downstreams[3].name).toBe('d3');
    // One statement (the dataset's list is read with the dataset, lookahead.ts): the dataset, its 10
    // downstreams and one more that tells the list goes on.
    expect(events.map((e) => [e.query, e.rows])).toEqual([['edges/related', 12]]);
    expect(events.reduce((sum, e) => sum + e.rows, 0)).toBeLessThan(20);
  });

  it('pages through the same list after a URN, and says when a list without first was cut', async () => {
    const after = `urn:li:dataset:(urn:li:dataPlatform:${token},d099995,PROD)`;
    const tail = await ok(`query ($u: ID!, $a: String) { dataset(urn: $u) { downstreams(first: 10, after: $a) { urn } } }`, { u: hub, a: after });
    expect(tail.dataset.downstreams.map((d: { urn: string }) => /,(d\d+),PROD\)$/.exec(d.urn)![1])).toEqual(['d099996', 'd099997', 'd099998', 'd099999']);
    const whole = await t.gql(`query ($u: ID!) { dataset(urn: $u) { downstreams { urn } } }`, { u: hub });
    expect(whole.data!.dataset.downstreams).toHaveLength(1000);
    expect(whole.extensions?.warnings).toEqual([expect.objectContaining({ code: 'LIST_TRUNCATED', urn: hub, field: 'downstreams' })]);
  });
});

describe('entities are read with the properties the operation selects', () => {
  const p = uniqueId('lp');
  const model = `urn:li:mlModel:(urn:li:dataPlatform:${p},card,PROD)`;

  it('does not read what is not selected: an unreadable stored value harms only the fields that show it', async () => {
    await ok(`mutation ($p: String!) { upsertModel(input: { platform: $p, name: "card", hyperParams: [{ name: "lr", value: "0.1" }] }) { urn } }`, { p });
    // Stored JSON text that no longer parses (as a hand edit might leave it).
    await t.raw('MATCH (m:Entity {urn: $u}) SET m.hyperParams = $bad', { u: model, bad: '[{"name": "lr", "value":' });
    const shown = await ok(
      `query ($u: ID!, $p: String!) {
        model(urn: $u) { name version }
        entities(filter: { types: [MODEL], platform: $p }) { edges { node { urn ... on Model { name } } } }
      }`,
      { u: model, p },
    );
    expect(shown.model.name).toBe('card');
    expect(shown.entities.edges.map((e: any) => e.node.name)).toEqual(['card']);
    const broken = await t.gql(`query ($u: ID!) { model(urn: $u) { name hyperParams { name } } }`, { u: model });
    expect(broken.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
  });
});

describe('a write clears every loader of its request', () => {
  const p = uniqueId('lw');
  const source = `urn:li:dataset:(urn:li:dataPlatform:${p},source,PROD)`;
  const group = `urn:li:mlModelGroup:(urn:li:dataPlatform:${p},churn,PROD)`;
  const model = `urn:li:mlModel:(urn:li:dataPlatform:${p},churn-v1,PROD)`;

  beforeAll(async () => {
    await ok(
      `mutation ($b: IngestBatchInput!) { ingest(batch: $b) { created } }`,
      { b: { datasets: [{ platform: p, name: 'source' }, { platform: p, name: 'derived' }], modelGroups: [{ platform: p, name: 'churn' }], models: [{ platform: p, name: 'churn-v1', groups: [group] }] } },
    );
  });

  it('reads relationship lists, counts and aliases as they are after a link and an alias move in the same request', async () => {
    // The same fields before and after the writes, in one operation: mutations run in order, and
    // the answers after the writes must not come from what the loaders read before them.
    const READ = `upsertDataset(input: { platform: $p, name: "source" }) {
        downstreams { name } relationCounts { field count } }
      model: upsertModel(input: { platform: $p, name: "churn-v1" }) { aliases }`;
    const data = await ok(
      `mutation ($p: String!, $from: ID!, $to: ID!, $group: ID!, $model: ID!) {
        before: ${READ.replace('model:', 'modelBefore:')}
        link(from: $from, relationship: DERIVED_FROM, to: $to) { changed }
        setModelAlias(group: $group, alias: "champion", model: $model) { changed }
        after: ${READ.replace('model:', 'modelAfter:')}
      }`,
      { p, from: `urn:li:dataset:(urn:li:dataPlatform:${p},derived,PROD)`, to: source, group, model },
    );
    const downstreams = (x: any) => x.downstreams.map((d: { name: string }) => d.name);
    const count = (x: any) => x.relationCounts.find((c: { field: string }) => c.field === 'downstreams').count;
    expect(downstreams(data.before)).toEqual([]);
    expect(count(data.before)).toBe(0);
    expect(data.modelBefore.aliases).toEqual([]);
    expect(data.link.changed).toBe(true);
    expect(data.setModelAlias.changed).toBe(true);
    expect(downstreams(data.after)).toEqual(['derived']);
    expect(count(data.after)).toBe(1);
    expect(data.modelAfter.aliases).toEqual(['champion']);
  });
});
