import { startTestServer, uniqueId, type TestServer } from '../support/harness';

// Later pages of an impact come from the walk kept by the server, never walking the graph again,
// and never from before a write: on this server or on another replica of the same database.

const IMPACT = `query ($urn: ID!, $first: Int, $after: String) {
  impact(urn: $urn, first: $first, after: $after) { total pageInfo { hasNextPage endCursor } items { degree entity { urn name } } } }`;

let a: TestServer;
let b: TestServer;
beforeAll(async () => {
  [a, b] = await Promise.all([startTestServer(), startTestServer()]);
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
});

/** The impact page, the names of the statements it sent, the rows each returned and the entities lineage/start was asked for. */
async function page(server: TestServer, urn: string, first: number, after?: string | null, query = IMPACT) {
  const names: string[] = [];
  const rows: number[] = [];
  const startUrns: string[][] = [];
  const stop = server.graph.onStatement((e) => {
    names.push(e.query);
    rows.push(e.rows);
    if (e.query === 'lineage/start') startUrns.push((e.params as { urns: string[] }).urns);
  });
  try {
    const res = await server.gql(query, { urn, first, after });
    expect(res.errors).toBeUndefined();
    return { impact: res.data!.impact, names, rows, startUrns };
  } finally {
    stop();
  }
}

describe('the walk behind an impact answer', () => {
  const p = uniqueId('wc');
  const ds = (name: string) => `urn:li:dataset:(urn:li:dataPlatform:${p},${name},PROD)`;
  const root = ds('raw');

  beforeAll(async () => {
    // raw -> d0..d9 (derived), each trained a model: 20 entities downstream of raw.
    const res = await a.gql(`mutation ($b: IngestBatchInput!) { ingest(batch: $b) { created } }`, {
      b: {
        datasets: [{ platform: p, name: 'raw' }, ...Array.from({ length: 10 }, (_, i) => ({ platform: p, name: `d${i}`, upstreams: [root] }))],
        models: Array.from({ length: 10 }, (_, i) => ({ platform: p, name: `m${i}`, trainingDatasets: [ds(`d${i}`)] })),
      },
    });
    expect(res.errors).toBeUndefined();
  });

  it('is walked once: a later page is one statement, its entities read with the root and the version', async () => {
    const first = await page(a, root, 8);
    expect(first.impact.total).toBe(20);
    expect(first.names.filter((n) => /^lineage\/.*-levels?$/.test(n)).length).toBeGreaterThan(0);
    const seen = first.impact.items.map((i: { entity: { urn: string } }) => i.entity.urn);
    let after = first.impact.pageInfo.endCursor;
    while (after) {
      const next = await page(a, root, 8, after);
      expect(next.names.filter((n) => /-levels?$/.test(n))).toEqual([]);
      expect(next.names).toEqual(['lineage/start']);
      seen.push(...next.impact.items.map((i: { entity: { urn: string } }) => i.entity.urn));
      // the entities came from that one statement: each item has its stored name
      for (const i of next.impact.items) expect(i.entity.name).toMatch(/^[dm][0-9]$/);
      after = next.impact.pageInfo.endCursor;
      if (!next.impact.pageInfo.hasNextPage) break;
    }
    expect(new Set(seen).size).toBe(20);
  });

  it('keeps the entities it read with the walk: the same question again reads the root and the version alone', async () => {
    const once = await page(a, root, 50);
    expect(once.impact.total).toBe(20);
    const again = await page(a, root, 50);
    expect(again.names).toEqual(['lineage/start']);
    expect(again.startUrns).toEqual([[]]);
    expect(again.impact).toEqual(once.impact);
    // Another selection of fields (another projection) does not use records read for this one.
    const other = `query ($urn: ID!, $first: Int, $after: String) {
      impact(urn: $urn, first: $first, after: $after) { total pageInfo { hasNextPage endCursor } items { degree entity { urn name status } } } }`;
    const withStatus = await page(a, root, 50, null, other);
    expect(withStatus.names).toEqual(['lineage/start']);
    expect(withStatus.startUrns[0]).toHaveLength(20);
    for (const i of withStatus.impact.items) expect(i.entity.status).toBe('ACTIVE');
  });

  it('is walked again after a write on another replica, so no page and no entity is stale', async () => {
    const before = await page(a, root, 50);
    expect(before.impact.total).toBe(20);
    expect((await page(a, root, 50)).names.filter((n) => /-levels?$/.test(n))).toEqual([]); // kept
    // Server b (a replica with its own cache) renames d5 and adds a dataset downstream of d3.
    const res = await b.gql(
      `mutation ($p: String!, $up: [String!], $d5: [String!]) {
        late: upsertDataset(input: { platform: $p, name: "late", upstreams: $up }) { urn }
        d5: upsertDataset(input: { platform: $p, name: "d5", upstreams: $d5, description: "renamed" }) { urn } }`,
      { p, up: [ds('d3')], d5: [root] },
    );
    expect(res.errors).toBeUndefined();
    const after = await page(a, root, 50);
    expect(after.names.filter((n) => /-levels?$/.test(n)).length).toBeGreaterThan(0);
    expect(after.impact.total).toBe(21);
    expect(after.impact.items.map((i: { entity: { urn: string } }) => i.entity.urn)).toContain(ds('late'));
    // The entities held with the walk were read at the version before: the page's are read again.
    expect(after.names.at(-1)).toBe('entities/by-urns');
    expect(after.rows.at(-1)).toBe(21);
    const late = after.impact.items.find((i: { entity: { urn: string } }) => i.entity.urn === ds('late'));
    expect(late.entity.name).toBe('late');
    const described = `query ($urn: ID!, $first: Int, $after: String) {
      impact(urn: $urn, first: $first, after: $after) { total items { entity { urn ... on Dataset { description } } } } }`;
    await page(a, root, 50, null, described);
    const held = await page(a, root, 50, null, described);
    expect(held.names).toEqual(['lineage/start']);
    expect(held.impact.items.find((i: { entity: { urn: string } }) => i.entity.urn === ds('d5')).entity.description).toBe('renamed');
    // Archiving through b hides it and what only it reached: a status change moves the version too.
    const archive = await b.gql(`mutation ($u: ID!) { setStatus(urn: $u, status: ARCHIVED) { status } }`, { u: ds('d3') });
    expect(archive.errors).toBeUndefined();
    const archived = await page(a, root, 50);
    expect(archived.impact.total).toBe(18); // d3, its model and "late" are gone
  });

  it('never answers from entities held before a write that changed only their properties', async () => {
    const q = `query ($urn: ID!, $first: Int, $after: String) {
      impact(urn: $urn, first: $first, after: $after) { total items { entity { urn ... on Dataset { description } } } } }`;
    await page(a, root, 50, null, q);
    expect((await page(a, root, 50, null, q)).names).toEqual(['lineage/start']); // held
    const res = await b.gql(`mutation ($p: String!, $up: [String!]) { upsertDataset(input: { platform: $p, name: "d7", upstreams: $up, description: "changed on b" }) { urn } }`, {
      p,
      up: [root],
    });
    expect(res.errors).toBeUndefined();
    const after = await page(a, root, 50, null, q);
    expect(after.impact.items.find((i: { entity: { urn: string } }) => i.entity.urn === ds('d7')).entity.description).toBe('changed on b');
  });
});
