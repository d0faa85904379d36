import { EntityType } from '../../src/model/entity-type';
import type { RelationshipType } from '../../src/model/relationship-type';
import { LineageDirection, storedEnds } from '../../src/modules/lineage/lineage-steps';
import { seed, seedLattice, seedWorkflow, type Seed } from '../support/lineage-fixtures';
import { uniqueId } from '../support/harness';
import { useTestServer } from '../support/live-server';

// lineage, impact and lineageGraph through the real server on a real Neo4j, on hand-built graphs
// whose answers are known. Every test seeds its own names (uniqueId).

const { DATASET, MODEL, DEPLOYMENT } = EntityType;

const t = useTestServer();

const RESULT = `
  root { urn }
  total
  isPartial
  partialReason
  countsByType { type count }
  pageInfo { hasNextPage endCursor }
  items { degree cursor entity { urn type name status } path { relationship from { urn } to { urn } } }`;

const IMPACT = `
  query ($urn: ID!, $types: [EntityType!], $statuses: [Status!], $asOf: DateTime, $first: Int, $after: String, $maxDepth: Int) {
    impact(urn: $urn, types: $types, statuses: $statuses, asOf: $asOf, first: $first, after: $after, maxDepth: $maxDepth) { ${RESULT} }
  }`;

const LINEAGE = `
  query ($urn: ID!, $direction: LineageDirection!, $types: [EntityType!], $maxDepth: Int, $first: Int) {
    lineage(urn: $urn, direction: $direction, types: $types, maxDepth: $maxDepth, first: $first) { ${RESULT} }
  }`;

interface Item {
  degree: number;
  cursor: string;
  entity: { urn: string; type: EntityType; name: string; status: string };
  path: { relationship: RelationshipType; from: { urn: string }; to: { urn: string } }[];
}
interface Result {
  root: { urn: string };
  total: number;
  isPartial: boolean;
  partialReason: string | null;
  countsByType: { type: EntityType; count: number }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  items: Item[];
}

// Pages of 100 with paths: impact walks up to 1,000 steps by default, and a page of 500 paths that
// long costs more than the default MAX_QUERY_COST allows (README, "Security").
async function impact(variables: Record<string, unknown>): Promise<Result> {
  const res = await t.gql<{ impact: Result }>(IMPACT, { first: 100, ...variables });
  expect(res.errors).toBeUndefined();
  return res.data!.impact;
}

async function lineage(variables: Record<string, unknown>): Promise<Result> {
  const res = await t.gql<{ lineage: Result }>(LINEAGE, { first: 100, ...variables });
  expect(res.errors).toBeUndefined();
  return res.data!.lineage;
}

/** [urn, degree] pairs in the order the API promises: by degree, then urn. */
const byDegreeThenUrn = (pairs: (string | number)[][]) =>
  [...pairs].sort((a, b) => (a[1] as number) - (b[1] as number) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

/** The items as [urn, degree], in result order. */
const degrees = (r: Result) => r.items.map((i) => [i.entity.urn, i.degree]);

/**
 * Every item's path starts at the root, ends at the item, has `degree` hops, chains hop to hop, and
 * every hop is an open stored edge of its type in the direction LINEAGE_STEPS gives.
 */
async function expectRealPaths(result: Result, direction: LineageDirection): Promise<void> {
  for (const item of result.items) {
    expect(item.path).toHaveLength(item.degree);
    expect(item.path[0].from.urn).toBe(result.root.urn);
    expect(item.path[item.path.length - 1].to.urn).toBe(item.entity.urn);
    item.path.forEach((hop, i) => i > 0 && expect(hop.from.urn).toBe(item.path[i - 1].to.urn));
    for (const hop of item.path) {
      const { start, end } = storedEnds(direction, { from: hop.from.urn, to: hop.to.urn, relationship: hop.relationship });
      const { records } = await t.driver.executeQuery(
        'MATCH (:Entity {urn: $start})-[r]->(:Entity {urn: $end}) WHERE type(r) = $type AND r.validTo IS NULL RETURN count(r) AS n',
        { start, end, type: hop.relationship },
      );
      expect({ hop, stored: records[0].get('n') }).toEqual({ hop, stored: 1 });
    }
  }
}

/** Counts the statements `work` sends, by query name. */
async function counting<T>(work: () => Promise<T>): Promise<{ value: T; statements: Map<string, number> }> {
  const statements = new Map<string, number>();
  const off = t.graph.onStatement((e) => statements.set(e.query, (statements.get(e.query) ?? 0) + 1));
  try {
    return { value: await work(), statements };
  } finally {
    off();
  }
}

describe('impact: which models and deployments break if this dataset changes?', () => {
  it('finds everything downstream with shortest degrees and real paths', async () => {
    const w = await seedWorkflow(t.graph, uniqueId('imp'));
    const r = await impact({ urn: w.users });
    expect(r.root.urn).toBe(w.users);
    expect(degrees(r)).toEqual(
      byDegreeThenUrn([
        [w.sessions, 1],
        [w.fAge, 1],
        [w.run2, 1],
        [w.fEngagement, 2],
        [w.run1, 2],
        [w.v1, 2],
        [w.v2, 2],
        [w.predictions, 3],
        [w.group, 3],
        [w.endpoint, 3],
      ]),
    );
    expect(r.total).toBe(10);
    expect(r.isPartial).toBe(false);
    expect(r.partialReason).toBeNull();
    expect(r.countsByType).toEqual([
      { type: 'DATASET', count: 2 },
      { type: 'FEATURE', count: 2 },
      { type: 'MODEL', count: 2 },
      { type: 'RUN', count: 2 },
      { type: 'DEPLOYMENT', count: 1 },
      { type: 'MODEL_GROUP', count: 1 },
    ]);
    await expectRealPaths(r, LineageDirection.DOWNSTREAM);
    // Grouping is not lineage: the experiment and the feature table (upstream of its features) stay out.
    expect(r.items.map((i) => i.entity.urn)).not.toContain(w.experiment);
    expect(r.items.map((i) => i.entity.urn)).not.toContain(w.table);
  });

  it('explains an item with one shortest path, hops in walk order', async () => {
    const w = await seedWorkflow(t.graph, uniqueId('path'));
    const r = await impact({ urn: w.clicks });
    const endpoint = r.items.find((i) => i.entity.urn === w.endpoint)!;
    expect(endpoint.degree).toBe(3);
    expect(endpoint.path.map((h) => [h.from.urn, h.relationship, h.to.urn])).toEqual([
      [w.clicks, 'DERIVED_FROM', w.sessions],
      [w.sessions, 'TRAINED_ON', w.v1],
      [w.v1, 'DEPLOYED_TO', w.endpoint],
    ]);
    expect(degrees(r).map(([u]) => u)).not.toContain(w.v2); // v2 does not depend on clicks
  });

  it('returns only the asked types but still walks through the others', async () => {
    const w = await seedWorkflow(t.graph, uniqueId('types'));
    const r = await impact({ urn: w.users, types: [MODEL, DEPLOYMENT] });
    expect(degrees(r)).toEqual(byDegreeThenUrn([
      [w.v1, 2],
      [w.v2, 2],
      [w.endpoint, 3],
    ]));
    expect(r.total).toBe(3);
    expect(r.countsByType).toEqual([
      { type: 'MODEL', count: 2 },
      { type: 'DEPLOYMENT', count: 1 },
    ]);
    // The path still shows the hops through entities of other types.
    expect(r.items.find((i) => i.entity.urn === w.endpoint)!.path).toHaveLength(3);
  });

  it('pages by degree then urn with cursors, without gaps or repeats', async () => {
    const w = await seedWorkflow(t.graph, uniqueId('page'));
    const all = await impact({ urn: w.users });
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const page: Result = await impact({ urn: w.users, first: 4, after });
      expect(page.total).toBe(10);
      seen.push(...page.items.map((i) => i.entity.urn));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.items.map((i) => i.entity.urn));
    const empty = await impact({ urn: w.users, first: 0 });
    expect(empty.items).toEqual([]);
    expect(empty.total).toBe(10);
    expect(empty.pageInfo.hasNextPage).toBe(true);
  });

  it('hydrates a page, its paths and the root with one entity statement after the root check', async () => {
    const w = await seedWorkflow(t.graph, uniqueId('batch'));
    const { value, statements } = await counting(() => impact({ urn: w.clicks }));
    expect(value.items.length).toBe(7);
    expect(statements.get('lineage/start')).toBe(1); // the root (and the graph's version)
    expect(statements.get('entities/by-urns')).toBe(1); // the whole page, in the walk's transaction
    expect(statements.get('lineage/downstream-two-levels')).toBe(2); // three levels, and one that finds nothing, two at a time
    expect([...statements.values()].reduce((a, b) => a + b)).toBe(4);
  });
});

describe('lineage: what produced this model?', () => {
  it('walks upstream to the data, features, runs and tables behind a model', async () => {
    const w = await seedWorkflow(t.graph, uniqueId('up'));
    const r = await lineage({ urn: w.v1, direction: 'UPSTREAM' });
    expect(degrees(r)).toEqual(
      byDegreeThenUrn([
        [w.fEngagement, 1],
        [w.fAge, 1],
        [w.run1, 1],
        [w.sessions, 1],
        [w.predictions, 1],
        [w.clicks, 2],
        [w.users, 2],
        [w.table, 2],
      ]),
    );
    await expectRealPaths(r, LineageDirection.UPSTREAM);
    const table = r.items.find((i) => i.entity.urn === w.table)!;
    expect(table.path.map((h) => [h.from.urn, h.relationship, h.to.urn])).toEqual([
      [w.v1, 'CONSUMES', w.fAge],
      [w.fAge, 'CONTAINS', w.table],
    ]);
  });

  it('defaults to 3 steps and honours maxDepth', async () => {
    const u = uniqueId('depth');
    const { root, layers } = await seedLattice(t.graph, u, 1, 6);
    const last = layers[5][0];
    expect((await lineage({ urn: last, direction: 'UPSTREAM' })).total).toBe(3);
    expect((await lineage({ urn: last, direction: 'UPSTREAM', maxDepth: 1 })).total).toBe(1);
    const deep = await lineage({ urn: last, direction: 'UPSTREAM', maxDepth: 50 });
    expect(deep.total).toBe(6);
    expect(deep.items.at(-1)!.entity.urn).toBe(root);
    expect(deep.isPartial).toBe(false);
  });

  it('refuses bad arguments with BAD_USER_INPUT and an unknown root with NOT_FOUND', async () => {
    const w = await seedWorkflow(t.graph, uniqueId('bad'));
    const code = async (q: string, v: Record<string, unknown>) => (await t.gql(q, v)).errors?.[0]?.extensions?.code;
    expect(await code(LINEAGE, { urn: w.v1, direction: 'UPSTREAM', maxDepth: 0 })).toBe('BAD_USER_INPUT');
    expect(await code(LINEAGE, { urn: w.v1, direction: 'UPSTREAM', maxDepth: 1001 })).toBe('BAD_USER_INPUT');
    expect(await code(IMPACT, { urn: w.v1, statuses: [] })).toBe('BAD_USER_INPUT');
    const bad = await t.gql(IMPACT, { urn: w.v1, after: 'not-a-cursor' });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const missing = await t.gql(IMPACT, { urn: 'urn:li:dataset:(urn:li:dataPlatform:s3,nowhere,PROD)' });
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', urns: ['urn:li:dataset:(urn:li:dataPlatform:s3,nowhere,PROD)'] });
  });
});

describe('graphs where paths explode or loop', () => {
  it('walks a diamond lattice with 2^30 paths two levels per statement, with exact degrees', async () => {
    const { root, layers, model } = await seedLattice(t.graph, uniqueId('lat'), 2, 30);
    const { value: r, statements } = await counting(() => impact({ urn: root }));
    expect(r.total).toBe(61);
    const expected = layers.flatMap((layer, l) => layer.map((u) => [u, l + 1]));
    expect(degrees(r)).toEqual([...expected, [model, 31]]);
    expect(statements.get('lineage/downstream-two-levels')).toBe(16); // 31 levels two at a time; the model, with no step onward, is sent to none
    await expectRealPaths({ ...r, items: r.items.slice(-3) }, LineageDirection.DOWNSTREAM);
    const up = await lineage({ urn: model, direction: 'UPSTREAM', maxDepth: 50 });
    expect(up.total).toBe(61);
    expect(up.items.at(-1)).toMatchObject({ degree: 31, entity: { urn: root } });
  });

  it('terminates on cycles, keeps shortest degrees and never lists the root', async () => {
    const u = uniqueId('cyc');
    const urnOf = (name: string) => `urn:li:dataset:(urn:li:dataPlatform:hive,${u}.${name},PROD)`;
    const [c, a, b] = [urnOf('c'), urnOf('a'), urnOf('b')];
    await seed(t.graph, [
      [DATASET, { platform: 'hive', name: `${u}.c` }],
      [DATASET, { platform: 'hive', name: `${u}.b` }],
      [DATASET, { platform: 'hive', name: `${u}.a`, upstreams: [c, b] }],
    ]);
    await seed(t.graph, [[DATASET, { platform: 'hive', name: `${u}.b`, upstreams: [a] }]]); // a <-> b
    expect(degrees(await impact({ urn: c }))).toEqual([
      [a, 1],
      [b, 2],
    ]);
    expect(degrees(await impact({ urn: a }))).toEqual([[b, 1]]);
    expect(degrees(await lineage({ urn: b, direction: 'UPSTREAM', maxDepth: 50 }))).toEqual([
      [a, 1],
      [c, 2],
    ]);
    // Data that feeds back: a run reads and rewrites the same dataset.
    const [x] = await seed(t.graph, [[DATASET, { platform: 'hive', name: `${u}.x` }]]);
    const [q] = await seed(t.graph, [[EntityType.RUN, { id: `${u}-q`, name: 'q', inputs: [x], outputs: [x] }]]);
    expect(degrees(await impact({ urn: x }))).toEqual([[q, 1]]);
    expect(degrees(await lineage({ urn: q, direction: 'UPSTREAM' }))).toEqual([[x, 1]]);
  });

  it('neither returns nor walks through archived entities unless statuses asks for them', async () => {
    const u = uniqueId('arch');
    const urnOf = (name: string) => `urn:li:dataset:(urn:li:dataPlatform:hive,${u}.${name},PROD)`;
    const [r0, m1, p1, p2, tEnd] = ['r', 'm1', 'p1', 'p2', 't'].map(urnOf);
    await seed(t.graph, [
      [DATASET, { platform: 'hive', name: `${u}.r` }],
      [DATASET, { platform: 'hive', name: `${u}.m1`, upstreams: [r0] }],
      [DATASET, { platform: 'hive', name: `${u}.p1`, upstreams: [r0] }],
      [DATASET, { platform: 'hive', name: `${u}.p2`, upstreams: [p1] }],
      [DATASET, { platform: 'hive', name: `${u}.t`, upstreams: [m1, p2] }],
    ]);
    expect(degrees(await impact({ urn: r0 }))).toEqual([
      [m1, 1],
      [p1, 1],
      [p2, 2],
      [tEnd, 2],
    ]);
    const archived = await t.gql(`mutation ($urn: ID!) { setStatus(urn: $urn, status: ARCHIVED) { status } }`, { urn: m1 });
    expect(archived.errors).toBeUndefined();
    // t is now only reachable the long way round, through p1 and p2.
    expect(degrees(await impact({ urn: r0 }))).toEqual([
      [p1, 1],
      [p2, 2],
      [tEnd, 3],
    ]);
    const all = await impact({ urn: r0, statuses: ['ACTIVE', 'DEPRECATED', 'ARCHIVED'] });
    expect(degrees(all)).toEqual([
      [m1, 1],
      [p1, 1],
      [p2, 2],
      [tEnd, 2],
    ]);
    expect(all.items[0].entity.status).toBe('ARCHIVED');
    // Deprecated entities are walked and returned by default.
    await t.gql(`mutation ($urn: ID!) { setStatus(urn: $urn, status: DEPRECATED) { status } }`, { urn: p1 });
    expect(degrees(await impact({ urn: r0 }))).toEqual([
      [p1, 1],
      [p2, 2],
      [tEnd, 3],
    ]);
  });
});

describe('asOf: the graph as it was', () => {
  async function edgeTimes(from: string, to: string) {
    const { records } = await t.driver.executeQuery(
      'MATCH (:Entity {urn: $from})-[r:DERIVED_FROM]->(:Entity {urn: $to}) RETURN r.validFrom AS validFrom, r.validTo AS validTo ORDER BY r.validFrom',
      { from, to },
    );
    return records.map((r) => ({
      validFrom: new Date(r.get('validFrom').toString()),
      validTo: r.get('validTo') ? new Date(r.get('validTo').toString()) : null,
    }));
  }
  const ms = (d: Date, delta: number) => new Date(d.getTime() + delta).toISOString();
  const urns = (r: Result) => r.items.map((i) => i.entity.urn);

  it('sees edges closed by relationship replacement at the instants the writer recorded', async () => {
    const u = uniqueId('asof');
    const [s1, s2] = await seed(t.graph, [
      [DATASET, { platform: 'hive', name: `${u}.s1` }],
      [DATASET, { platform: 'hive', name: `${u}.s2` }],
    ]);
    const [d] = await seed(t.graph, [[DATASET, { platform: 'hive', name: `${u}.d`, upstreams: [s1] }]]);
    await new Promise((r) => setTimeout(r, 20));
    await seed(t.graph, [[DATASET, { platform: 'hive', name: `${u}.d`, upstreams: [s2] }]]); // closes d -> s1
    await new Promise((r) => setTimeout(r, 20));
    await seed(t.graph, [[DATASET, { platform: 'hive', name: `${u}.d`, upstreams: [s1, s2] }]]); // reopens d -> s1

    const [first, second] = await edgeTimes(d, s1);
    expect(first.validTo).not.toBeNull();
    expect(second.validTo).toBeNull();
    const closedAt = first.validTo!;
    expect(urns(await impact({ urn: s1, asOf: ms(first.validFrom, -1) }))).toEqual([]);
    expect(urns(await impact({ urn: s1, asOf: first.validFrom.toISOString() }))).toEqual([d]);
    expect(urns(await impact({ urn: s1, asOf: ms(closedAt, -1) }))).toEqual([d]);
    expect(urns(await impact({ urn: s1, asOf: closedAt.toISOString() }))).toEqual([]); // closed at that instant
    expect(urns(await impact({ urn: s1, asOf: ms(second.validFrom, -1) }))).toEqual([]);
    expect(urns(await impact({ urn: s1 }))).toEqual([d]); // now: the reopened edge
    const [s2edge] = await edgeTimes(d, s2);
    expect(s2edge.validFrom.getTime()).toBe(closedAt.getTime());
    expect(urns(await impact({ urn: s2, asOf: ms(closedAt, -1) }))).toEqual([]);
    expect(urns(await impact({ urn: s2, asOf: closedAt.toISOString() }))).toEqual([d]);
  });

  it('walks several levels as of fixed instants', async () => {
    const u = uniqueId('asof2');
    const urnOf = (name: string) => `urn:li:dataset:(urn:li:dataPlatform:hive,${u}.${name},PROD)`;
    const [e1, e2, e3] = ['e1', 'e2', 'e3'].map(urnOf);
    await seed(t.graph, [
      [DATASET, { platform: 'hive', name: `${u}.e1` }],
      [DATASET, { platform: 'hive', name: `${u}.e2`, upstreams: [e1] }],
      [DATASET, { platform: 'hive', name: `${u}.e3`, upstreams: [e2] }],
    ]);
    await t.driver.executeQuery(
      `MATCH (:Entity {urn: $e2})-[a:DERIVED_FROM]->(:Entity {urn: $e1}), (:Entity {urn: $e3})-[b:DERIVED_FROM]->(:Entity {urn: $e2})
       SET a.validFrom = datetime('2020-01-01T00:00:00Z'), a.validTo = datetime('2021-01-01T00:00:00Z'),
           b.validFrom = datetime('2020-06-01T00:00:00Z')`,
      { e1, e2, e3 },
    );
    const at = async (asOf?: string) => degrees(await impact({ urn: e1, ...(asOf ? { asOf } : {}) }));
    expect(await at('2019-12-31T23:59:59.999Z')).toEqual([]);
    expect(await at('2020-03-01T00:00:00Z')).toEqual([[e2, 1]]);
    expect(await at('2020-07-01T00:00:00Z')).toEqual([
      [e2, 1],
      [e3, 2],
    ]);
    expect(await at('2021-01-01T00:00:00Z')).toEqual([]);
    expect(await at()).toEqual([]);
  });
});

describe('server limits', () => {
  async function withEnv<T>(name: string, value: string, work: () => Promise<T>): Promise<T> {
    const before = process.env[name];
    process.env[name] = value;
    try {
      return await work();
    } finally {
      if (before === undefined) delete process.env[name];
      else process.env[name] = before;
    }
  }

  it('marks a walk cut by the node cap as partial, keeping the nearest entities', async () => {
    const w = await seedWorkflow(t.graph, uniqueId('cap'));
    const r = await withEnv('LINEAGE_MAX_NODES', '3', () => impact({ urn: w.users }));
    expect(r.isPartial).toBe(true);
    expect(r.partialReason).toMatch(/node cap of 3/);
    expect(degrees(r)).toEqual(
      byDegreeThenUrn([
        [w.sessions, 1],
        [w.fAge, 1],
        [w.run2, 1],
      ]),
    );
    const exact = await withEnv('LINEAGE_MAX_NODES', '10', () => impact({ urn: w.users }));
    expect(exact.isPartial).toBe(false);
    expect(exact.total).toBe(10);
  });

  it('sends no entity without a step onward to a later statement: 300 leaf datasets under the root cost no level', async () => {
    const u = uniqueId('leaves');
    const [root] = await seed(t.graph, [[DATASET, { platform: 'hive', name: `${u}.root` }]]);
    const leaves = await seed(t.graph, Array.from({ length: 300 }, (_, i) => [DATASET, { platform: 'hive', name: `${u}.leaf_${String(i).padStart(3, '0')}`, upstreams: [root] }]));
    const [c1] = await seed(t.graph, [[DATASET, { platform: 'hive', name: `${u}.c1`, upstreams: [root] }]]);
    const [c2] = await seed(t.graph, [[DATASET, { platform: 'hive', name: `${u}.c2`, upstreams: [c1] }]]);
    const [c3] = await seed(t.graph, [[DATASET, { platform: 'hive', name: `${u}.c3`, upstreams: [c2] }]]);
    // leaves[0]'s only downstream edge is closed: it is sent on (the flag reads no validity), and nothing is found through it.
    const [elsewhere] = await seed(t.graph, [[DATASET, { platform: 'hive', name: `${u}.elsewhere` }]]);
    const [closed] = await seed(t.graph, [[DATASET, { platform: 'hive', name: `${u}.closed`, upstreams: [leaves[0]] }]]);
    await seed(t.graph, [[DATASET, { platform: 'hive', name: `${u}.closed`, upstreams: [elsewhere] }]]);
    const { value, statements } = await withEnv('LINEAGE_CACHE_WALKS', '0', () => counting(() => impact({ urn: root, first: 10 })));
    expect(value.total).toBe(303);
    const items: Item[] = [];
    for (let after: string | null = null; ; ) {
      const page = await impact({ urn: root, after });
      items.push(...page.items);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(items).toHaveLength(303);
    expect(degrees({ ...value, items }).filter(([urn]) => [c1, c2, c3, leaves[0]].includes(urn as string))).toEqual([
      [c1, 1],
      [leaves[0], 1],
      [c2, 2],
      [c3, 3],
    ]);
    expect(items.some((i) => i.entity.urn === closed)).toBe(false);
    // The root's statement takes c1's and leaves[0]'s level too (two entities onward, not 301); the next finds c3, a leaf.
    expect(statements.get('lineage/downstream-two-levels')).toBe(2);
    expect(statements.get('lineage/downstream-level')).toBeUndefined();
  });

  it('splits a level of 1,000 entities or more over LINEAGE_PARALLELISM statements, with the same answer', async () => {
    const u = uniqueId('par');
    const children = Array.from({ length: 1200 }, (_, i) => `${u}.child_${String(i).padStart(4, '0')}`);
    const [root] = await seed(t.graph, [
      [DATASET, { platform: 'hive', name: `${u}.root` }],
    ]);
    const childUrns = await seed(t.graph, children.map((name) => [DATASET, { platform: 'hive', name, upstreams: [root] }]));
    const [model] = await seed(t.graph, [[MODEL, { platform: 'mlflow', name: `${u}.wide_model`, trainingDatasets: childUrns }]]);
    // Without kept walks, so that the second run walks again.
    const run = (parallelism: string) =>
      withEnv('LINEAGE_CACHE_WALKS', '0', () =>
        withEnv('LINEAGE_PARALLELISM', parallelism, () => counting(() => impact({ urn: root, types: [MODEL] }))),
      );
    const one = await run('1');
    const two = await run('2');
    expect(one.value.total).toBe(1);
    expect(two.value).toEqual(one.value);
    expect(two.value.items[0]).toMatchObject({ degree: 2, entity: { urn: model } });
    expect(two.value.items[0].path[0].to.urn).toBe(childUrns[0]); // the smallest child, whichever statement found it
    // The root's statement leaves its 1,200 children for a statement of their own (two with
    // parallelism 2), which reaches the model; past 500 entities sent on, levels go one at a time.
    for (const run of [one, two]) expect(run.statements.get('lineage/downstream-two-levels')).toBe(1);
    expect(one.statements.get('lineage/downstream-level')).toBe(2);
    expect(two.statements.get('lineage/downstream-level')).toBe(3); // the 1,200-entity level in two halves
  });

  it('marks a walk stopped by the depth cap of 1,000 as partial, but not one stopped by a smaller maxDepth', async () => {
    // A chain of 1,002 datasets written in one ingest: d0 <- d1 <- ... <- d1001 (each derived from the one before).
    const u = uniqueId('chain');
    const names = Array.from({ length: 1002 }, (_, i) => `${u}.d${String(i).padStart(4, '0')}`);
    const urns = await seed(
      t.graph,
      names.map((name, i): Seed => [DATASET, { platform: 'hive', name, ...(i ? { upstreams: [`urn:li:dataset:(urn:li:dataPlatform:hive,${names[i - 1]},PROD)`] } : {}) }]),
    );
    const walk = (variables: Record<string, unknown>) => withEnv('LINEAGE_TIME_BUDGET_MS', '120000', () => impact({ first: 1, ...variables }));

    const capped = await walk({ urn: urns[0] });
    expect(capped).toMatchObject({ total: 1000, isPartial: true });
    expect(capped.partialReason).toMatch(/depth cap of 1000 steps/);

    // From d1 everything left (1,000 entities) lies within the cap: complete.
    expect(await walk({ urn: urns[1] })).toMatchObject({ total: 1000, isPartial: false, partialReason: null });
    // A smaller depth the client chose is its choice, not a cut.
    expect(await walk({ urn: urns[0], maxDepth: 10 })).toMatchObject({ total: 10, isPartial: false, partialReason: null });
  }, 120_000);

  it('marks a walk cut by the time budget as partial', async () => {
    const { root } = await seedLattice(t.graph, uniqueId('budget'), 2, 30);
    const r = await withEnv('LINEAGE_TIME_BUDGET_MS', '1', () => impact({ urn: root }));
    expect(r.isPartial).toBe(true);
    expect(r.partialReason).toMatch(/time budget of 1 ms/);
    expect(r.total).toBeLessThan(61);
  });
});

describe('lineageGraph', () => {
  const GRAPH = `
    query ($urn: ID!, $up: Int, $down: Int, $types: [EntityType!]) {
      lineageGraph(urn: $urn, upstreamDepth: $up, downstreamDepth: $down, types: $types) {
        root { urn }
        isPartial
        nodes { direction degree entity { urn type } }
        edges { relationship from { urn } to { urn } }
      }
    }`;

  it('draws both sides of a model and the stored edges among them', async () => {
    const w = await seedWorkflow(t.graph, uniqueId('graph'));
    const res = await t.gql(GRAPH, { urn: w.v1, up: 1, down: 1 });
    expect(res.errors).toBeUndefined();
    const g = res.data!.lineageGraph;
    expect(g.root.urn).toBe(w.v1);
    const nodes = g.nodes.map((n: any) => [n.direction, n.degree, n.entity.urn]);
    const sorted = (xs: string[]) => [...xs].sort();
    expect(nodes.filter((n: any) => n[0] === 'UPSTREAM').map((n: any) => n[2])).toEqual(
      sorted([w.fEngagement, w.fAge, w.run1, w.sessions, w.predictions]),
    );
    expect(nodes.filter((n: any) => n[0] === 'DOWNSTREAM').map((n: any) => n[2])).toEqual(sorted([w.group, w.endpoint]));
    const edges = g.edges.map((e: any) => `${e.from.urn} ${e.relationship} ${e.to.urn}`).sort();
    expect(edges).toEqual(
      [
        `${w.v1} CONSUMES ${w.fEngagement}`,
        `${w.v1} CONSUMES ${w.fAge}`,
        `${w.v1} TRAINED_BY ${w.run1}`,
        `${w.v1} TRAINED_ON ${w.sessions}`,
        `${w.v1} EVALUATED_ON ${w.predictions}`,
        `${w.v1} MEMBER_OF ${w.group}`,
        `${w.v1} DEPLOYED_TO ${w.endpoint}`,
        `${w.sessions} INPUT_OF ${w.run1}`,
        `${w.predictions} OUTPUT_OF ${w.run1}`,
        `${w.fEngagement} DERIVED_FROM ${w.sessions}`,
      ].sort(),
    );
  });

  it('filters drawn nodes by type and can draw one side only', async () => {
    const w = await seedWorkflow(t.graph, uniqueId('graph2'));
    const res = await t.gql(GRAPH, { urn: w.users, up: 0, down: 5, types: [MODEL] });
    expect(res.errors).toBeUndefined();
    const g = res.data!.lineageGraph;
    expect(g.nodes.map((n: any) => [n.direction, n.degree, n.entity.urn])).toEqual(
      [
        ['DOWNSTREAM', 2, w.v1],
        ['DOWNSTREAM', 2, w.v2],
      ].sort((a, b) => (a[2] < b[2] ? -1 : 1)),
    );
    expect(g.edges).toEqual([]); // models are not linked to the root or to each other
  });

  it('draws at most maxNodes per side, nearest first, and says the graph was cut', async () => {
    const w = await seedWorkflow(t.graph, uniqueId('graph3'));
    const CAPPED = `query ($urn: ID!, $max: Int!) {
      lineageGraph(urn: $urn, upstreamDepth: 0, downstreamDepth: 10, maxNodes: $max) {
        isPartial partialReason nodes { degree entity { urn } } edges { from { urn } to { urn } }
      }
    }`;
    const full = (await t.gql(CAPPED, { urn: w.users, max: 5000 })).data!.lineageGraph;
    expect(full.isPartial).toBe(false);
    expect(full.nodes.length).toBeGreaterThan(3);

    const res = await t.gql(CAPPED, { urn: w.users, max: 3 });
    expect(res.errors).toBeUndefined();
    const g = res.data!.lineageGraph;
    expect(g.nodes).toHaveLength(3);
    expect(g.isPartial).toBe(true);
    expect(g.partialReason).toMatch(/node cap of 3/);
    const drawn = new Set(g.nodes.map((n: any) => n.entity.urn));
    const left = full.nodes.filter((n: any) => !drawn.has(n.entity.urn));
    expect(Math.max(...g.nodes.map((n: any) => n.degree))).toBeLessThanOrEqual(Math.min(...left.map((n: any) => n.degree)));
    for (const e of g.edges) expect([w.users, ...drawn]).toEqual(expect.arrayContaining([e.from.urn, e.to.urn]));

    const bad = await t.gql(CAPPED, { urn: w.users, max: 0 });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'maxNodes' });
  });
});
