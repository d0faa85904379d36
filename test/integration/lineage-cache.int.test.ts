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

/** The impact page, the names of the statements it sent and the rows each returned. */
async function page(server: TestServer, urn: string, first: number, after?: string | null) {
  const names: string[] = [];
  const rows: number[] = [];
  const stop = server.graph.onStatement((e) => {
    names.push(e.query);
    rows.push(e.rows);
  });
  try {
    const res = await server.gql(IMPACT, { urn, first, after });
    expect(res.errors).toBeUndefined();
    return { impact: res.data!.impact, names, rows };
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

  it('is walked again after a write on another replica, so no page is stale', async () => {
    const before = await page(a, root, 50);
    expect(before.impact.total).toBe(20);
    expect((await page(a, root, 50)).names.filter((n) => /-levels?$/.test(n))).toEqual([]); // kept
    // Server b (a replica with its own cache) adds a dataset downstream of d3.
    const res = await b.gql(`mutation ($p: String!, $up: [String!]) { upsertDataset(input: { platform: $p, name: "late", upstreams: $up }) { urn } }`, {
      p,
      up: [ds('d3')],
    });
    expect(res.errors).toBeUndefined();
    const after = await page(a, root, 50);
    expect(after.names.filter((n) => /-levels?$/.test(n)).length).toBeGreaterThan(0);
    expect(after.impact.total).toBe(21);
    expect(after.impact.items.map((i: { entity: { urn: string } }) => i.entity.urn)).toContain(ds('late'));
    // the first statement read the kept page's 20 entities; only the new one is read after the walk
    expect(after.names.at(-1)).toBe('entities/by-urns');
    expect(after.rows.at(-1)).toBe(1);
    const late = after.impact.items.find((i: { entity: { urn: string } }) => i.entity.urn === ds('late'));
    expect(late.entity.name).toBe('late');
    // Archiving through b hides it and what only it reached: a status change moves the version too.
    const archive = await b.gql(`mutation ($u: ID!) { setStatus(urn: $u, status: ARCHIVED) { status } }`, { u: ds('d3') });
    expect(archive.errors).toBeUndefined();
    const archived = await page(a, root, 50);
    expect(archived.impact.total).toBe(18); // d3, its model and "late" are gone
  });
});
