import { NO_READ_CACHE, startTestServer, testNeo4j, uniqueId, type TestServer } from '../support/harness';

// Later pages of an impact come from the walk kept by the server, never walking the graph again,
// and never from before a write: on this server or on another replica of the same database.

const IMPACT = `query ($urn: ID!, $first: Int, $after: String) {
  impact(urn: $urn, first: $first, after: $after) { total pageInfo { hasNextPage endCursor } items { degree entity { urn name } } } }`;

let a: TestServer;
let b: TestServer;
/** A replica with the read cache off (READ_CACHE_ENTRIES=0): no shared version read to ask. */
let off: TestServer;
beforeAll(async () => {
  [a, b, off] = await Promise.all([startTestServer(), startTestServer(), startTestServer(testNeo4j(), NO_READ_CACHE)]);
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close(), off?.close()]);
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

/** Writes `batch` through `server`'s ingest. */
async function ingest(server: TestServer, batch: object) {
  const res = await server.gql(`mutation ($b: IngestBatchInput!) { ingest(batch: $b) { created } }`, { b: batch });
  expect(res.errors).toBeUndefined();
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

  it('keeps the entities it read with the walk, its root among them: the same question again reads the version alone', async () => {
    const once = await page(a, root, 50);
    expect(once.impact.total).toBe(20);
    const again = await page(a, root, 50);
    expect(again.names).toEqual(['system/graph-version']);
    expect(again.impact).toEqual(once.impact);
    // Concurrent requests share that read: those that ask in the same turn, one statement.
    const asked: string[] = [];
    const stop = a.graph.onStatement((e) => asked.push(e.query));
    try {
      const answers = await Promise.all(Array.from({ length: 8 }, () => a.gql(IMPACT, { urn: root, first: 50 })));
      for (const res of answers) expect(res.data!.impact).toEqual(once.impact);
    } finally {
      stop();
    }
    expect(asked.every((n) => n === 'system/graph-version')).toBe(true);
    expect(asked.length).toBeLessThan(8);
    // Without the read cache, the root and the version in one statement of the question's own.
    await page(off, root, 50);
    const offAgain = await page(off, root, 50);
    expect(offAgain.names).toEqual(['lineage/start']);
    expect(offAgain.startUrns).toEqual([[]]);
    expect(offAgain.impact).toEqual(once.impact);
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
    // The entities held with the walk were read at the version before: the page's are read again
    // (with the new walk's signature).
    expect(after.names.at(-1)).toBe('lineage/start');
    expect(after.startUrns.at(-1)).toHaveLength(21);
    const late = after.impact.items.find((i: { entity: { urn: string } }) => i.entity.urn === ds('late'));
    expect(late.entity.name).toBe('late');
    const described = `query ($urn: ID!, $first: Int, $after: String) {
      impact(urn: $urn, first: $first, after: $after) { total items { entity { urn ... on Dataset { description } } } } }`;
    await page(a, root, 50, null, described);
    const held = await page(a, root, 50, null, described);
    expect(held.names).toEqual(['system/graph-version']);
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
    expect((await page(a, root, 50, null, q)).names).toEqual(['system/graph-version']); // held
    const res = await b.gql(`mutation ($p: String!, $up: [String!]) { upsertDataset(input: { platform: $p, name: "d7", upstreams: $up, description: "changed on b" }) { urn } }`, {
      p,
      up: [root],
    });
    expect(res.errors).toBeUndefined();
    const after = await page(a, root, 50, null, q);
    expect(after.impact.items.find((i: { entity: { urn: string } }) => i.entity.urn === ds('d7')).entity.description).toBe('changed on b');
  });
});

describe('a question that selects no stored property', () => {
  const p = uniqueId('wb');
  const ds = (name: string) => `urn:li:dataset:(urn:li:dataPlatform:${p},${name},PROD)`;
  const root = ds('raw');
  const BARE = `query ($urn: ID!, $first: Int, $after: String) {
    impact(urn: $urn, first: $first, after: $after) { total items { degree entity { urn __typename } path { relationship from { urn } to { urn __typename } } } } }`;
  const NAMED = BARE.replace(/entity \{ urn __typename \}/, 'entity { urn __typename name }');

  it('gets its page from the walk: no statement reads the entities', async () => {
    // raw -> d0..d5 (derived), each trained a model; d0 -> late.
    const res = await off.gql(`mutation ($b: IngestBatchInput!) { ingest(batch: $b) { created } }`, {
      b: {
        datasets: [
          { platform: p, name: 'raw' },
          ...Array.from({ length: 6 }, (_, i) => ({ platform: p, name: `d${i}`, upstreams: [root] })),
          { platform: p, name: 'late', upstreams: [ds('d0')] },
        ],
        models: Array.from({ length: 6 }, (_, i) => ({ platform: p, name: `m${i}`, trainingDatasets: [ds(`d${i}`)] })),
      },
    });
    expect(res.errors).toBeUndefined();
    const bare = await page(off, root, 50, null, BARE);
    expect(bare.impact.total).toBe(13);
    expect(bare.names.filter((n) => /-levels?$/.test(n)).length).toBeGreaterThan(0);
    expect(bare.names).not.toContain('entities/by-urns');
    expect(bare.startUrns.every((urns) => urns.length === 0)).toBe(true);
    // The same URNs, types, degrees and paths as a question that reads the entities (their names).
    const named = await page(off, root, 50, null, NAMED);
    expect(named.names.some((n) => n === 'entities/by-urns' || n === 'lineage/start')).toBe(true);
    const strip = (items: { entity: Record<string, unknown> }[]) => items.map((i) => ({ ...i, entity: { urn: i.entity.urn, __typename: i.entity.__typename } }));
    expect(strip(named.impact.items)).toEqual(bare.impact.items);
    expect(new Set(bare.impact.items.map((i: { entity: { __typename: string } }) => i.entity.__typename))).toEqual(new Set(['Dataset', 'Model']));
    const late = bare.impact.items.find((i: { entity: { urn: string } }) => i.entity.urn === ds('late'));
    expect(late.degree).toBe(2);
    expect(late.path.map((h: { from: { urn: string } }) => h.from.urn)).toEqual([root, ds('d0')]);
  });
});

describe('a walk kept across writes that do not change it', () => {
  const p = uniqueId('ws');
  const ds = (name: string) => `urn:li:dataset:(urn:li:dataPlatform:${p},${name},PROD)`;
  const m0 = `urn:li:mlModel:(urn:li:dataPlatform:${p},m0,PROD)`;
  const UPSTREAM = `query ($urn: ID!) { lineage(urn: $urn, direction: UPSTREAM, first: 50) { total items { degree entity { urn name } } } }`;

  /** The upstream lineage of `urn` on `server`, the statements it sent and the entities lineage/start was asked to sign. */
  async function upstream(server: TestServer, urn: string) {
    const names: string[] = [];
    const signed: string[][] = [];
    const stop = server.graph.onStatement((e) => {
      names.push(e.query);
      if (e.query === 'lineage/start') signed.push((e.params as { signed: string[] }).signed);
    });
    try {
      const res = await server.gql(UPSTREAM, { urn });
      expect(res.errors).toBeUndefined();
      const urns = res.data!.lineage.items.map((i: { entity: { urn: string } }) => i.entity.urn).sort();
      return { lineage: res.data!.lineage, urns, names, walked: names.filter((n) => /-levels?$/.test(n)).length, signed };
    } finally {
      stop();
    }
  }

  beforeAll(async () => {
    // raw and old -> d0 -> m0; old is ARCHIVED, so upstream of m0 is d0 and raw.
    await ingest(a, {
      datasets: [{ platform: p, name: 'raw' }, { platform: p, name: 'old' }, { platform: p, name: 'd0', upstreams: [ds('raw'), ds('old')] }],
      models: [{ platform: p, name: 'm0', trainingDatasets: [ds('d0')] }],
    });
    const archive = await a.gql(`mutation ($u: ID!) { setStatus(urn: $u, status: ARCHIVED) { status } }`, { u: ds('old') });
    expect(archive.errors).toBeUndefined();
  });

  it('stays the answer after writes on another replica that touch nothing it reached on its side', async () => {
    const first = await upstream(a, m0);
    expect(first.urns).toEqual([ds('d0'), ds('raw')].sort());
    expect((await upstream(a, m0)).names).toEqual(['system/graph-version']); // kept, its entities held
    // A question's first walk is kept under the version alone; asked again after a write, it is
    // walked again and kept with its signature.
    await ingest(b, { datasets: [{ platform: p, name: 'elsewhere0' }] });
    const second = await upstream(a, m0);
    expect(second.walked).toBeGreaterThan(0);
    expect(second.lineage).toEqual(first.lineage);
    // Signed with what the kept walk reached, read with the start before the walk (a signature read
    // after it would be dropped whenever a write committed meanwhile): no statement after the walk.
    // (The version read first showed the write; the start is the walk's transaction's.)
    expect(second.signed.at(-1)).toEqual([m0, ds('d0'), ds('raw')]);
    expect(second.names[0]).toBe('system/graph-version');
    expect(second.names.filter((n) => n === 'lineage/start')).toHaveLength(1);
    expect(second.names.indexOf('lineage/start')).toBeLessThan(second.names.findIndex((n) => /-levels?$/.test(n)));
    // On b: an entity nothing here reaches, and a new consumer of raw (downstream of what the walk
    // reached: an upstream walk does not step there).
    await ingest(b, { datasets: [{ platform: p, name: 'elsewhere' }, { platform: p, name: 'late', upstreams: [ds('raw')] }] });
    const after = await upstream(a, m0);
    expect(after.walked).toBe(0);
    expect(after.lineage).toEqual(first.lineage);
    expect(after.signed.at(-1)).toEqual([m0, ds('d0'), ds('raw')]); // the signature was read: m0 first, then what it reached
    // Kept under the new version: asked again, the version alone.
    const again = await upstream(a, m0);
    expect(again.names).toEqual(['system/graph-version']);
    // An upstream of raw (a change of raw itself) changes the walk: walked again.
    await ingest(b, { datasets: [{ platform: p, name: 'src' }, { platform: p, name: 'raw', upstreams: [ds('src')] }] });
    const changed = await upstream(a, m0);
    expect(changed.walked).toBeGreaterThan(0);
    expect(changed.urns).toEqual([ds('d0'), ds('raw'), ds('src')].sort());
  });

  it('is walked again after a status change next to it, though nothing it reached changed', async () => {
    const before = await upstream(a, m0);
    expect(before.urns).not.toContain(ds('old'));
    expect((await upstream(a, m0)).walked).toBe(0);
    const restore = await b.gql(`mutation ($u: ID!) { setStatus(urn: $u, status: ACTIVE) { status } }`, { u: ds('old') });
    expect(restore.errors).toBeUndefined();
    const after = await upstream(a, m0);
    expect(after.walked).toBeGreaterThan(0);
    expect(after.urns).toContain(ds('old'));
  });

  it('is walked again when an edge it followed closes, recorded on either end', async () => {
    await ingest(b, { datasets: [{ platform: p, name: 'elsewhere1' }] });
    const kept = await upstream(a, m0);
    expect(kept.walked).toBe(0);
    expect(kept.urns).toContain(ds('raw'));
    // d0 no longer derives from raw (recorded as a change of d0, which the walk reached).
    await ingest(b, { datasets: [{ platform: p, name: 'd0', upstreams: [ds('old')] }] });
    const after = await upstream(a, m0);
    expect(after.walked).toBeGreaterThan(0);
    expect(after.urns).not.toContain(ds('raw'));
    expect(after.urns).not.toContain(ds('src'));
    // It reached nothing the walk before it had not: signed with the values read with the start
    // (after the version that showed the write), no statement after the walk for its signature...
    expect(after.names.filter((n) => n === 'lineage/start')).toHaveLength(1);
    expect(after.names.indexOf('lineage/start')).toBeLessThan(after.names.findIndex((n) => /-levels?$/.test(n)));
    // ...and kept on across a write elsewhere.
    await ingest(b, { datasets: [{ platform: p, name: 'elsewhere2' }] });
    const keptOn = await upstream(a, m0);
    expect(keptOn.walked).toBe(0);
    expect(keptOn.urns).toEqual(after.urns);
  });

  it('is walked again when something it reached gains an edge on its side, recorded only on the new entity', async () => {
    const impact = async (server: TestServer) => {
      const names: string[] = [];
      const stop = server.graph.onStatement((e) => names.push(e.query));
      try {
        const res = await server.gql(IMPACT, { urn: ds('old'), first: 50 });
        expect(res.errors).toBeUndefined();
        return { urns: res.data!.impact.items.map((i: { entity: { urn: string } }) => i.entity.urn).sort(), walked: names.filter((n) => /-levels?$/.test(n)).length };
      } finally {
        stop();
      }
    };
    expect((await impact(a)).urns).toEqual([ds('d0'), m0].sort());
    await ingest(b, { datasets: [{ platform: p, name: 'elsewhere3' }] });
    expect((await impact(a)).walked).toBeGreaterThan(0); // walked again, and signed
    expect((await impact(a)).walked).toBe(0);
    // A new consumer of d0: a change of the new dataset only; d0 has one more downstream edge.
    await ingest(b, { datasets: [{ platform: p, name: 'late2', upstreams: [ds('d0')] }] });
    const after = await impact(a);
    expect(after.walked).toBeGreaterThan(0);
    expect(after.urns).toEqual([ds('d0'), ds('late2'), m0].sort());
  });
});

describe('a walk extended by the writes of its own server', () => {
  const p = uniqueId('we');
  const ds = (name: string) => `urn:li:dataset:(urn:li:dataPlatform:${p},${name},PROD)`;
  const model = (name: string) => `urn:li:mlModel:(urn:li:dataPlatform:${p},${name},PROD)`;
  const root = ds('raw');
  const PATHS = `query ($urn: ID!, $first: Int) {
    impact(urn: $urn, first: $first) { total isPartial countsByType { type count }
      items { degree entity { urn } path { from { urn } relationship to { urn } } } } }`;
  const NAMED = `query ($urn: ID!, $first: Int) { impact(urn: $urn, first: $first) { total items { degree entity { urn name } } } }`;

  /** The impact of raw on `server` (all of it: fewer than 100 entities), and how many level statements it sent. */
  async function impact(server: TestServer, query = PATHS) {
    const names: string[] = [];
    const stop = server.graph.onStatement((e) => names.push(e.query));
    try {
      const res = await server.gql(query, { urn: root, first: 100 });
      expect(res.errors).toBeUndefined();
      return { impact: res.data!.impact, walked: names.filter((n) => /-levels?$/.test(n)).length };
    } finally {
      stop();
    }
  }
  beforeAll(async () => {
    // raw <- d0..d3, d0 <- d4, m0 trained on d4.
    await ingest(a, {
      datasets: [
        { platform: p, name: 'raw' },
        ...[0, 1, 2, 3].map((i) => ({ platform: p, name: `d${i}`, upstreams: [root] })),
        { platform: p, name: 'd4', upstreams: [ds('d0')] },
      ],
      models: [{ platform: p, name: 'm0', trainingDatasets: [ds('d4')] }],
    });
  });

  it('answers after writes of new entities on the same server without walking again, as a new walk answers', async () => {
    expect((await impact(a)).impact.total).toBe(6);
    await impact(a); // kept under the version, with a signature-free walk
    const datasets = [ds('d0'), ds('d1'), ds('d2'), ds('d3'), ds('d4')];
    let random = 11;
    const pick = <T>(xs: T[]) => xs[(random = (random * 1103515245 + 12345) % 2 ** 31) % xs.length];
    for (let round = 0; round < 6; round++) {
      // New datasets derived from one or two reached datasets, and a model trained on one.
      const made = [`n${round}a`, `n${round}b`];
      await ingest(a, {
        datasets: made.map((name) => ({ platform: p, name, upstreams: [...new Set([pick(datasets), pick(datasets)])] })),
        models: [{ platform: p, name: `mn${round}`, trainingDatasets: [ds(made[0])] }],
      });
      datasets.push(...made.map(ds));
      const extended = await impact(a);
      expect(extended.walked).toBe(0);
      const fresh = await impact(off); // another replica: these writes are not its own, so it walks
      expect(fresh.walked).toBeGreaterThan(0);
      expect(extended.impact).toEqual(fresh.impact);
    }
    expect((await impact(a)).impact.total).toBe(6 + 6 * 3);
    expect((await impact(a)).impact.countsByType).toEqual((await impact(off)).impact.countsByType);
    // An operation that reads names gets the new entities' names read (the walk gives URNs and types only).
    await ingest(a, { datasets: [{ platform: p, name: 'late', upstreams: [ds('d1')], description: 'late one' }] });
    const named = await impact(a, NAMED);
    expect(named.walked).toBe(0);
    expect(named.impact.items.find((i: { entity: { urn: string } }) => i.entity.urn === ds('late')).entity.name).toBe('late');
    expect(named.impact).toEqual((await impact(off, NAMED)).impact);
  });

  it('walks again after a write on another replica, which its own writes cannot account for', async () => {
    await impact(a);
    await ingest(b, { datasets: [{ platform: p, name: 'from-b', upstreams: [ds('d2')] }] });
    const after = await impact(a);
    expect(after.walked).toBeGreaterThan(0);
    expect(after.impact.items.map((i: { entity: { urn: string } }) => i.entity.urn)).toContain(ds('from-b'));
    // Extended again by its own writes after that.
    await ingest(a, { datasets: [{ platform: p, name: 'after-b', upstreams: [ds('from-b')] }] });
    const extended = await impact(a);
    expect(extended.walked).toBe(0);
    expect(extended.impact).toEqual((await impact(off)).impact);
  });

  it('walks again when its own write shortens a path, links an entity it did not reach or changes a status', async () => {
    await impact(a);
    // d4 (degree 2, via d0) now derives from raw too: degree 1, and m0 moves up with it.
    await ingest(a, { datasets: [{ platform: p, name: 'd4', upstreams: [ds('d0'), root] }] });
    const shorter = await impact(a);
    expect(shorter.walked).toBeGreaterThan(0);
    expect(shorter.impact.items.find((i: { entity: { urn: string } }) => i.entity.urn === model('m0')).degree).toBe(2);
    expect(shorter.impact).toEqual((await impact(off)).impact);
    // A dataset stored before, outside the walk, now derived from d3.
    await ingest(a, { datasets: [{ platform: p, name: 'outside' }] });
    await impact(a);
    await ingest(a, { datasets: [{ platform: p, name: 'outside', upstreams: [ds('d3')] }] });
    const linked = await impact(a);
    expect(linked.walked).toBeGreaterThan(0);
    expect(linked.impact).toEqual((await impact(off)).impact);
    // Archived on this server: it and what only it reached leave the answer.
    await impact(a);
    const archive = await a.gql(`mutation ($u: ID!) { setStatus(urn: $u, status: ARCHIVED) { status } }`, { u: ds('d3') });
    expect(archive.errors).toBeUndefined();
    const archived = await impact(a);
    expect(archived.walked).toBeGreaterThan(0);
    expect(archived.impact.items.map((i: { entity: { urn: string } }) => i.entity.urn)).not.toContain(ds('outside'));
    expect(archived.impact).toEqual((await impact(off)).impact);
  });
});
