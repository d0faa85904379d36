import { DEFAULT_QUERY_LIMITS } from '../../src/config';
import { EntityType } from '../../src/model/entity-type';
import { buildUrn } from '../../src/model/urn';
import { applyWrites } from '../../src/modules/entities/write/entity-writer';
import { toEntityWrite } from '../../src/modules/entities/write/to-entity-write';
import { createServer, type MlgraphServer } from '../../src/server';
import { NO_READ_CACHE, testGraph, testLog, testNeo4j, uniqueId } from '../support/harness';
import { useTestServer } from '../support/live-server';

// entity, entities, search and history through the real server on a real Neo4j. Every test seeds
// its own platform, tags and words (uniqueId), and asserts only on those, so test files running
// against the same database never see each other's data.

const { DATASET, FEATURE, MODEL_GROUP, MODEL, RUN: TRAINING_RUN, DEPLOYMENT } = EntityType;

const t = useTestServer();
const { ok } = t;

/** Writes entities through the writer, in one transaction (as a CI batch would). */
async function seed(items: [EntityType, Record<string, unknown>][]): Promise<string[]> {
  const writes = items.map(([type, input], i) => toEntityWrite(type, input, `seed.${i}`));
  await applyWrites(t.graph, writes, [], { actor: 'seed', source: 'batch' });
  return writes.map((w) => w.urn);
}

async function setStatusRaw(urn: string, status: string): Promise<void> {
  await t.driver.executeQuery('MATCH (n:Entity {urn: $urn}) SET n.status = $status', { urn, status });
}

const ENTITIES = `
  query ($filter: EntityFilter, $first: Int, $after: String) {
    entities(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { urn type name status } }
    }
  }`;

async function list(filter: Record<string, unknown>, first?: number, after?: string) {
  return (await ok(ENTITIES, { filter, first, after })).entities;
}

const urnsOf = (conn: { edges: { node: { urn: string } }[] }) => conn.edges.map((e) => e.node.urn);

describe('entity(urn)', () => {
  const platform = uniqueId('qe');
  let ds: string;
  let archived: string;

  beforeAll(async () => {
    [ds, archived] = await seed([
      [DATASET, { platform, name: 'orders', description: 'All orders' }],
      [MODEL, { platform, name: 'old-model' }],
    ]);
    await setStatusRaw(archived, 'ARCHIVED');
  });

  it('returns the entity of any type with its concrete GraphQL type', async () => {
    const data = await ok(`query ($u: ID!) { entity(urn: $u) { __typename urn type name description ... on Dataset { platform env } } }`, {
      u: ds,
    });
    expect(data.entity).toEqual({
      __typename: 'Dataset',
      urn: ds,
      type: 'DATASET',
      name: 'orders',
      description: 'All orders',
      platform,
      env: 'PROD',
    });
  });

  it('reads ARCHIVED entities by URN', async () => {
    const data = await ok(`query ($u: ID!) { entity(urn: $u) { __typename urn status } }`, { u: archived });
    expect(data.entity).toEqual({ __typename: 'Model', urn: archived, status: 'ARCHIVED' });
  });

  it('is null for an unknown URN, and BAD_USER_INPUT naming the format for text that is no URN', async () => {
    const unknown = buildUrn(DATASET, { platform, name: 'nothing-here', env: 'PROD' as never });
    expect(await ok(`query ($a: ID!) { a: entity(urn: $a) { urn } }`, { a: unknown })).toEqual({ a: null });
    const res = await t.gql(`query ($b: ID!) { b: entity(urn: $b) { urn } }`, { b: 'not a urn (at all)' });
    expect(res.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['BAD_USER_INPUT', 'urn']]);
  });
});

describe('relationship lists: first and after', () => {
  const platform = uniqueId('qs');
  let raw: string;
  let derived: string[];

  beforeAll(async () => {
    [raw] = await seed([[DATASET, { platform, name: 'raw' }]]);
    derived = (await seed(Array.from({ length: 7 }, (_, i) => [DATASET, { platform, name: `derived_${i}`, upstreams: [raw] }] as [EntityType, Record<string, unknown>]))).sort();
  });

  const Q = `query ($urn: ID!, $first: Int, $after: String) { dataset(urn: $urn) { downstreams(first: $first, after: $after) { urn } } }`;
  const slice = async (first?: number, after?: string) =>
    (await ok(Q, { urn: raw, first, after })).dataset.downstreams.map((d: { urn: string }) => d.urn);

  it('returns all in URN order without arguments, and slices them with first and after', async () => {
    expect(await slice()).toEqual(derived);
    const pages: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await slice(3, after);
      if (!page.length) break;
      expect(page.length).toBeLessThanOrEqual(3);
      pages.push(...page);
      after = page.at(-1);
    }
    expect(pages).toEqual(derived);
    expect(await slice(0)).toEqual([]);
  });

  it('counts every relationship list in one field, zeros included, and only open edges', async () => {
    const counts = async () =>
      Object.fromEntries(
        (await ok(`query ($urn: ID!) { entity(urn: $urn) { relationCounts { field relationship count } } }`, { urn: raw })).entity.relationCounts.map(
          (c: { field: string; relationship: string; count: number }) => [c.field, [c.relationship, c.count]],
        ),
      );
    expect(await counts()).toEqual({
      upstreams: ['DERIVED_FROM', 0],
      downstreams: ['DERIVED_FROM', 7],
      derivedFeatures: ['DERIVED_FROM', 0],
      inputOf: ['INPUT_OF', 0],
      outputOf: ['OUTPUT_OF', 0],
      trainedModels: ['TRAINED_ON', 0],
      evaluatedModels: ['EVALUATED_ON', 0],
    });
    await seed([[DATASET, { platform, name: 'derived_0', upstreams: [] }]]); // closes one edge
    expect((await counts()).downstreams).toEqual(['DERIVED_FROM', 6]);
    await seed([[DATASET, { platform, name: 'derived_0', upstreams: [raw] }]]);
    expect((await counts()).downstreams).toEqual(['DERIVED_FROM', 7]);
  });

  it('slices Dataset.consumers (trained or evaluated on it, once each) the same way', async () => {
    const [ds] = await seed([[DATASET, { platform, name: 'scored' }]]);
    const models = (
      await seed([
        [MODEL, { platform, name: 'm1', trainingDatasets: [ds] }],
        [MODEL, { platform, name: 'm2', trainingDatasets: [ds], evaluationDatasets: [ds] }],
        [MODEL, { platform, name: 'm3', evaluationDatasets: [ds] }],
      ])
    ).sort();
    const Qc = `query ($urn: ID!, $first: Int, $after: String) { dataset(urn: $urn) { consumers(first: $first, after: $after) { urn } } }`;
    const consumers = async (first?: number, after?: string) =>
      (await ok(Qc, { urn: ds, first, after })).dataset.consumers.map((m: { urn: string }) => m.urn);
    expect(await consumers()).toEqual(models);
    expect(await consumers(2)).toEqual(models.slice(0, 2));
    expect(await consumers(2, models[1])).toEqual(models.slice(2));
  });

  it('cuts a list read without first at 1,000 and says so in extensions.warnings', async () => {
    const [popular] = await seed([[DATASET, { platform, name: 'popular' }]]);
    const many = (
      await seed(Array.from({ length: 1002 }, (_, i) => [DATASET, { platform, name: `fan_${i}`, upstreams: [popular] }] as [EntityType, Record<string, unknown>]))
    ).sort();
    const whole = await t.gql(Q, { urn: popular });
    expect(whole.errors).toBeUndefined();
    expect(whole.data!.dataset.downstreams.map((d: { urn: string }) => d.urn)).toEqual(many.slice(0, 1000));
    expect(whole.extensions?.warnings).toEqual([
      expect.objectContaining({ code: 'LIST_TRUNCATED', urn: popular, field: 'downstreams', message: expect.stringContaining('lists more than 1000 entities') }),
    ]);
    const rest = await t.gql(Q, { urn: popular, first: 1000, after: many[999] });
    expect(rest.data!.dataset.downstreams.map((d: { urn: string }) => d.urn)).toEqual(many.slice(1000));
    expect(rest.extensions?.warnings).toBeUndefined();
  });

  it('refuses first outside 0..1000 with BAD_USER_INPUT on first', async () => {
    for (const first of [-1, 1001]) {
      const res = await t.gql(Q, { urn: raw, first });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    }
  });
});

describe('entities(filter, first, after)', () => {
  const platform = uniqueId('qf');
  const tag = uniqueId('tag');
  const owner = uniqueId('owner');
  const urn: Record<string, string> = {};

  beforeAll(async () => {
    const rows: [string, EntityType, Record<string, unknown>][] = [
      ['dsB', DATASET, { platform, name: 'b-events', tags: [tag] }],
      ['dsA', DATASET, { platform, name: 'a-clicks', env: 'DEV', owners: [{ id: owner, type: 'TECHNICAL_OWNER' }] }],
      ['dsC', DATASET, { platform, name: 'c-archive', tags: [tag] }],
      ['dsAdev2', DATASET, { platform, name: 'a-clicks', env: 'STG' }],
      ['m1', MODEL, { platform, name: 'churn-1', tags: [tag], owners: [{ id: owner, type: 'TECHNICAL_OWNER' }] }],
      ['m2', MODEL, { platform, name: 'churn-2', env: 'DEV' }],
      ['m3', MODEL, { platform, name: 'fraud-1' }],
      ['g', MODEL_GROUP, { platform, name: 'churn' }],
      ['dep', DEPLOYMENT, { platform, name: 'churn-endpoint', tags: [tag] }],
    ];
    const urns = await seed(rows.map(([, type, input]) => [type, input]));
    rows.forEach(([key], i) => (urn[key] = urns[i]));
    await setStatusRaw(urn.dsC, 'ARCHIVED');
    await setStatusRaw(urn.m3, 'DEPRECATED');
  });

  it('lists every type of the platform ordered by type, then name, then URN, without ARCHIVED', async () => {
    const conn = await list({ platform });
    // DATASET < DEPLOYMENT < MODEL < MODEL_GROUP; the two a-clicks datasets differ only by URN
    const clicks = [urn.dsA, urn.dsAdev2].sort();
    expect(urnsOf(conn)).toEqual([...clicks, urn.dsB, urn.dep, urn.m1, urn.m2, urn.m3, urn.g]);
    expect(conn.totalCount).toBe(8);
    expect(conn.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    expect(conn.edges.map((e: any) => e.node.status)).not.toContain('ARCHIVED');
    expect(conn.edges.find((e: any) => e.node.urn === urn.m3).node.status).toBe('DEPRECATED');
  });

  it('filters by types, env, tag, owner and name prefix, and combines them, and counts what it lists', async () => {
    // totalCount equals the list; with a platform both are read from its index (browse/entities-*-of-platform),
    // without one (tag, owner alone) from the type's.
    const counted = (conn: any) => {
      expect(conn.totalCount).toBe(conn.edges.length);
      return urnsOf(conn);
    };
    expect(counted(await list({ platform, types: ['MODEL', 'MODEL_GROUP'] }))).toEqual([urn.m1, urn.m2, urn.m3, urn.g]);
    expect(counted(await list({ platform, env: 'DEV' }))).toEqual([urn.dsA, urn.m2]);
    expect(counted(await list({ platform, tag }))).toEqual([urn.dsB, urn.dep, urn.m1]);
    expect(counted(await list({ tag }))).toEqual([urn.dsB, urn.dep, urn.m1]); // the tag is unique to this test
    expect(counted(await list({ owner }))).toEqual([urn.dsA, urn.m1]);
    expect(counted(await list({ platform, namePrefix: 'churn-' }))).toEqual([urn.dep, urn.m1, urn.m2]);
    expect(counted(await list({ platform, namePrefix: 'churn-', types: ['MODEL'], env: 'PROD', tag }))).toEqual([urn.m1]);
    expect(counted(await list({ platform, namePrefix: 'Churn' }))).toEqual([]); // case-sensitive
    expect((await list({ platform, tag: 'no-such-tag' })).totalCount).toBe(0);
  });

  it('includes ARCHIVED only when statuses asks for it', async () => {
    expect(urnsOf(await list({ platform, statuses: ['ARCHIVED'] }))).toEqual([urn.dsC]);
    expect(urnsOf(await list({ platform, tag, statuses: ['ACTIVE', 'ARCHIVED'] }))).toEqual([urn.dsB, urn.dsC, urn.dep, urn.m1]);
    expect(urnsOf(await list({ platform, statuses: ['DEPRECATED'] }))).toEqual([urn.m3]);
    expect((await list({ platform, statuses: [] })).totalCount).toBe(8); // empty list: the default
  });

  it('first: 0 returns only the count', async () => {
    const conn = await list({ platform }, 0);
    expect(conn.edges).toEqual([]);
    expect(conn.totalCount).toBe(8);
    expect(conn.pageInfo.endCursor).toBeNull();
  });
});

describe('paging through entities', () => {
  const platform = uniqueId('qp');
  let all: string[];

  beforeAll(async () => {
    // 23 datasets and 4 models, some sharing a name (only the env tells them apart)
    const items: [EntityType, Record<string, unknown>][] = [];
    for (let i = 0; i < 20; i++) items.push([DATASET, { platform, name: `ds-${String(i % 13).padStart(2, '0')}`, env: i < 13 ? 'PROD' : 'DEV' }]);
    for (let i = 0; i < 3; i++) items.push([DATASET, { platform, name: `ds-${i}-extra`, env: 'QA' }]);
    for (let i = 0; i < 4; i++) items.push([MODEL, { platform, name: `m-${i}` }]);
    await seed(items);
    all = urnsOf(await list({ platform }, 500));
  });

  it('visits every entity exactly once, in the order of one big page', async () => {
    expect(all).toHaveLength(27);
    for (const size of [1, 5, 26, 27]) {
      const seen: string[] = [];
      let after: string | undefined;
      let pages = 0;
      for (;;) {
        const conn = await list({ platform }, size, after);
        pages++;
        expect(conn.totalCount).toBe(27);
        expect(conn.pageInfo.hasPreviousPage).toBe(after !== undefined);
        seen.push(...urnsOf(conn));
        expect(conn.pageInfo.endCursor).toBe(conn.edges.at(-1)?.cursor ?? null);
        if (!conn.pageInfo.hasNextPage) break;
        after = conn.pageInfo.endCursor;
      }
      expect(seen).toEqual(all);
      expect(pages).toBe(Math.ceil(27 / size));
    }
  });

  it('neither repeats nor skips when entities are written between pages', async () => {
    const first = await list({ platform, types: ['DATASET'] }, 10);
    // one entity sorting before the cursor, one after it
    const [early, late] = await seed([
      [DATASET, { platform, name: 'ds-00-early', env: 'PROD' }],
      [DATASET, { platform, name: 'zz-late', env: 'PROD' }],
    ]);
    const rest: string[] = [];
    let after = first.pageInfo.endCursor;
    for (;;) {
      const conn = await list({ platform, types: ['DATASET'] }, 10, after);
      rest.push(...urnsOf(conn));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    const seen = [...urnsOf(first), ...rest];
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).not.toContain(early);
    expect(seen.at(-1)).toBe(late);
    expect(seen.filter((u) => u !== late)).toEqual(all.filter((u) => u.startsWith('urn:li:dataset:')));
  });

  it('refuses a page larger than 500, a negative one, and cursors that are not its own', async () => {
    const tooBig = await t.gql(ENTITIES, { filter: { platform }, first: 501 });
    expect(tooBig.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const negative = await t.gql(ENTITIES, { filter: { platform }, first: -1 });
    expect(negative.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });

    const searchCursor = Buffer.from(JSON.stringify(['search', 3])).toString('base64url');
    for (const after of ['garbage', '', searchCursor, Buffer.from('["entities",1,2,3]').toString('base64url')]) {
      const res = await t.gql(ENTITIES, { filter: { platform }, first: 5, after: after || 'e30' });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    }
  });
});

describe('search(query, types, statuses, first, after)', () => {
  // A made-up word (letters only) that no other test writes.
  const word = `zq${uniqueId('').replace(/[^a-f]/g, 'x')}`;
  const platform = uniqueId('qs');
  const urn: Record<string, string> = {};

  const SEARCH = `
    query ($q: String!, $types: [EntityType!], $statuses: [Status!], $first: Int, $after: String) {
      search(query: $q, types: $types, statuses: $statuses, first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { cursor score node { urn name } }
      }
    }`;
  const search = async (q: string, extra: Record<string, unknown> = {}) => (await ok(SEARCH, { q, ...extra })).search;

  beforeAll(async () => {
    const rows: [string, EntityType, Record<string, unknown>][] = [
      // in name, description and tags: the best match
      ['best', MODEL, { platform, name: `${word}-forecaster`, description: `Forecasts ${word} demand every day.`, tags: [word] }],
      // once, in a long description
      [
        'weak',
        DATASET,
        {
          platform,
          name: 'sales-history',
          description: `Daily sales of every store since 2015, cleaned and deduplicated, with returns, refunds, promotions and, for a few stores, ${word} counts.`,
        },
      ],
      // only as a tag
      ['tagged', FEATURE, { namespace: platform, name: 'store_size', tags: [word] }],
      // prefix of a longer word, not the word itself
      ['prefixed', DATASET, { platform, name: `${word}ish-table` }],
      ['archived', DATASET, { platform, name: `${word}-2019`, description: `Old ${word} data.` }],
      ['unrelated', DATASET, { platform, name: 'weather', description: 'Temperature and rain.' }],
    ];
    const urns = await seed(rows.map(([, type, input]) => [type, input]));
    rows.forEach(([key], i) => (urn[key] = urns[i]));
    await setStatusRaw(urn.archived, 'ARCHIVED');
  });

  it('ranks by score: more and shorter matching fields first; ARCHIVED left out', async () => {
    const res = await search(word);
    const hits = urnsOf(res);
    expect(new Set(hits)).toEqual(new Set([urn.best, urn.weak, urn.tagged, urn.prefixed]));
    expect(hits[0]).toBe(urn.best);
    const scores = res.edges.map((e: any) => e.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores[0]).toBeGreaterThan(scores[scores.length - 1]);
    // a whole-word hit beats a hit on a longer word that merely starts with it
    expect(hits.indexOf(urn.tagged)).toBeLessThan(hits.indexOf(urn.prefixed));
    expect(res.totalCount).toBe(4);
  });

  it('matches word prefixes, needs every word, and filters by type and status', async () => {
    expect(new Set(urnsOf(await search(word.slice(0, -2))))).toEqual(new Set([urn.best, urn.weak, urn.tagged, urn.prefixed]));
    expect(urnsOf(await search(`${word} forecaster`))).toEqual([urn.best]);
    expect(urnsOf(await search(`${word} DEMAND`))).toEqual([urn.best]);
    expect(urnsOf(await search(`${word} nowhere`))).toEqual([]);
    expect(new Set(urnsOf(await search(word, { types: ['DATASET'] })))).toEqual(new Set([urn.weak, urn.prefixed]));
    expect(urnsOf(await search(word, { statuses: ['ARCHIVED'] }))).toEqual([urn.archived]);
    expect(urnsOf(await search('store_size'))).toContain(urn.tagged);
  });

  it('never fails on Lucene syntax in the text, and still finds the words in it', async () => {
    const hostile = [
      'foo OR (',
      '"unterminated',
      '*',
      '\\',
      '?',
      'AND',
      'OR OR NOT',
      'title:[a TO z]',
      '+-&&||!(){}[]^"~*?:\\/',
      'a~0.5 b^10 c*d?e',
      `${word}"`,
      '\u0000\u0001',
      '日本語 ü á',
      'x'.repeat(300),
    ];
    for (const q of hostile) {
      const res = await t.gql(SEARCH, { q });
      expect({ q, errors: res.errors }).toEqual({ q, errors: undefined });
      expect(Array.isArray((res.data as any).search.edges)).toBe(true);
    }
    // operators and quotes are words or noise, never syntax
    expect(urnsOf(await search(`"${word}`))).toContain(urn.best);
    expect(urnsOf(await search(`(${word}) OR`))).toEqual([]); // "or" is a required word here
    expect(urnsOf(await search(`${word}-forecaster`))).toEqual([urn.best]);
    expect((await search('*')).totalCount).toBe(0);
  });

  it('refuses overlong text with BAD_USER_INPUT on query', async () => {
    const res = await t.gql(SEARCH, { q: 'word '.repeat(200) });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query' });
  });

  it('pages through hits in rank order', async () => {
    const all = urnsOf(await search(word));
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await search(word, { first: 1, after });
      seen.push(...urnsOf(page));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);
  });
});

describe('history(urn, first, after)', () => {
  const platform = uniqueId('qh');
  const UPSERT = `mutation ($input: UpsertDatasetInput!) { upsertDataset(input: $input) { urn revision } }`;
  const HISTORY = `
    query ($urn: ID!, $first: Int, $after: String) {
      history(urn: $urn, first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { cursor node { revision at actor action reason source changes { field old new } } }
      }
    }`;
  let urn: string;
  let upstream: string;

  beforeAll(async () => {
    [upstream] = await seed([[DATASET, { platform, name: 'raw' }]]);
    urn = (await ok(UPSERT, { input: { platform, name: 'clean', description: 'v1' } })).upsertDataset.urn;
    await ok(UPSERT, { input: { platform, name: 'clean', description: 'v2', tags: ['gold'] } });
    await ok(UPSERT, { input: { platform, name: 'clean', owners: [{ id: 'jdoe', type: 'DATA_STEWARD' }], upstreams: [upstream] } });
    await ok(UPSERT, { input: { platform, name: 'clean', owners: [{ id: 'jdoe', type: 'DATA_STEWARD' }] } }); // no change
  });

  it('returns change records newest first with field-level old and new values', async () => {
    const h = (await ok(HISTORY, { urn })).history;
    expect(h.totalCount).toBe(3);
    const nodes = h.edges.map((e: any) => e.node);
    expect(nodes.map((n: any) => [n.revision, n.action])).toEqual([
      [3, 'UPDATED'],
      [2, 'UPDATED'],
      [1, 'CREATED'],
    ]);
    expect(nodes.every((n: any) => n.actor === 'anonymous' && n.source === 'api' && n.reason === null)).toBe(true);
    const times = nodes.map((n: any) => Date.parse(n.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const byField = (n: any) => Object.fromEntries(n.changes.map((c: any) => [c.field, [c.old, c.new]]));
    // values as they were stored: tags were never set before, so their old value is null
    expect(byField(nodes[1])).toEqual({ description: ['v1', 'v2'], tags: [null, ['gold']] });
    // nested fields come back as JSON values, relationship sets as URN lists
    expect(byField(nodes[0])).toEqual({ owners: [null, [{ id: 'jdoe', type: 'DATA_STEWARD' }]], upstreams: [[], [upstream]] });
    expect(byField(nodes[2])).toMatchObject({ name: [null, 'clean'], description: [null, 'v1'] });
  });

  it('keeps the history of an archived entity, with the reason given', async () => {
    await ok(`mutation ($u: ID!) { setStatus(urn: $u, status: ARCHIVED, reason: "replaced by clean_v2") { status } }`, { u: urn });
    const h = (await ok(HISTORY, { urn, first: 1 })).history;
    expect(h.totalCount).toBe(4);
    expect(h.pageInfo.hasNextPage).toBe(true);
    expect(h.edges[0].node).toMatchObject({ revision: 4, action: 'STATUS_CHANGED', reason: 'replaced by clean_v2' });
    expect(h.edges[0].node.changes).toContainEqual({ field: 'status', old: 'ACTIVE', new: 'ARCHIVED' });
  });

  it('pages newest first without repeats, and is empty for an unknown URN', async () => {
    const all = (await ok(HISTORY, { urn })).history.edges.map((e: any) => e.node.revision);
    const seen: number[] = [];
    let after: string | undefined;
    for (;;) {
      const h = (await ok(HISTORY, { urn, first: 2, after })).history;
      seen.push(...h.edges.map((e: any) => e.node.revision));
      if (!h.pageInfo.hasNextPage) break;
      after = h.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);
    const none = (await ok(HISTORY, { urn: buildUrn(DATASET, { platform, name: 'never', env: 'PROD' as never }) })).history;
    expect(none).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
  });
});

describe('round trips of a page of models with their relationships', () => {
  const platform = uniqueId('qr');
  const MODELS = `
    query ($platform: String!, $first: Int) {
      entities(filter: { types: [MODEL], platform: $platform }, first: $first) {
        totalCount
        edges {
          node {
            urn
            ... on Model {
              groups(first: 20) { urn name }
              features(first: 20) { urn name }
              trainingRuns(first: 20) { urn name inputs(first: 20) { urn name } }
              deployments(first: 20) { urn name }
            }
          }
        }
      }
    }`;

  // A server with the default query limits: the page a UI asks for must pass them. Without the
  // read cache: the same count asked for both pages would be answered from it the second time.
  let server: MlgraphServer;
  const graph = testGraph(testNeo4j(), undefined, NO_READ_CACHE);
  beforeAll(async () => {
    server = await createServer({
      config: { bodyLimit: '10mb', introspection: false, landingPage: false, limits: DEFAULT_QUERY_LIMITS },
      graph,
      log: testLog,
    });
  });
  afterAll(async () => {
    await server.stop();
    await graph.close();
  });

  beforeAll(async () => {
    const k = (type: EntityType, key: Record<string, string>) => buildUrn(type, { env: 'PROD' as never, ...key });
    const items: [EntityType, Record<string, unknown>][] = [];
    for (let i = 0; i < 10; i++) items.push([MODEL_GROUP, { platform, name: `group-${i}` }]);
    for (let i = 0; i < 20; i++) items.push([DATASET, { platform, name: `input-${i}` }]);
    for (let i = 0; i < 101; i++) items.push([FEATURE, { namespace: platform, name: `feature_${i}` }]);
    for (let i = 0; i < 100; i++) {
      const n = String(i).padStart(3, '0');
      items.push([DEPLOYMENT, { platform, name: `endpoint-${n}` }]);
      items.push([
        TRAINING_RUN,
        { id: `${platform}-run-${n}`, name: `run-${n}`, inputs: [k(DATASET, { platform, name: `input-${i % 20}` }), k(DATASET, { platform, name: `input-${(i + 1) % 20}` })] },
      ]);
      items.push([
        MODEL,
        {
          platform,
          name: `model-${n}`,
          groups: [k(MODEL_GROUP, { platform, name: `group-${i % 10}` })],
          features: [k(FEATURE, { namespace: platform, name: `feature_${i}` }), k(FEATURE, { namespace: platform, name: `feature_${i + 1}` })],
          trainingRuns: [buildUrn(TRAINING_RUN, { id: `${platform}-run-${n}` })],
          deployments: [k(DEPLOYMENT, { platform, name: `endpoint-${n}` })],
        },
      ]);
    }
    await seed(items);
  });

  async function statementsFor(first: number): Promise<{ names: string[]; models: any[] }> {
    const names: string[] = [];
    const stop = graph.onStatement((e) => names.push(e.query));
    try {
      const response = await server.apollo.executeOperation(
        { query: MODELS, variables: { platform, first } },
        { contextValue: server.contextFor() },
      );
      const result = response.body.kind === 'single' ? response.body.singleResult : null;
      expect(result?.errors).toBeUndefined();
      const data = result!.data as any;
      return { names: names.sort(), models: data.entities.edges.map((e: any) => e.node) };
    } finally {
      stop();
    }
  }

  it('costs the same small number of statements for 10 models as for 100', async () => {
    const ten = await statementsFor(10);
    const hundred = await statementsFor(100);

    expect(ten.models).toHaveLength(10);
    expect(hundred.models).toHaveLength(100);
    for (const m of hundred.models) {
      const n = Number(/model-(\d+)/.exec(m.urn)![1]);
      expect(m.groups.map((g: any) => g.name)).toEqual([`group-${n % 10}`]);
      expect(m.features.map((f: any) => f.name).sort()).toEqual([`feature_${n}`, `feature_${n + 1}`].sort());
      expect(m.trainingRuns).toHaveLength(1);
      expect(m.trainingRuns[0].inputs.map((d: any) => d.name).sort()).toEqual([`input-${n % 20}`, `input-${(n + 1) % 20}`].sort());
      expect(m.deployments).toHaveLength(1);
    }

    // the page with its models, its count, and one statement for the models' relationship lists
    // with their entities and the runs' inputs with theirs (read with the runs, lookahead.ts): a
    // constant, whatever the page size
    expect(hundred.names).toEqual(ten.names);
    expect(hundred.names).toEqual(['browse/entities-count-of-platform', 'browse/entities-page-of-platform', 'edges/related']);
  });
});
