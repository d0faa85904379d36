import type { Graph } from '../../src/graph';
import { createAliasLoaders } from '../../src/modules/aliases/alias.loaders';
import { AnswerBudget, jsonSizeOf } from '../../src/limits/answer-budget';
import { createEntityLoaders, recordOf } from '../../src/modules/entities/entity.loaders';
import { FULL_PROJECTION } from '../../src/modules/entities/projection';
import { EntityType } from '../../src/model/entity-type';
import { RelationshipType } from '../../src/model/relationship-type';

/** A row of a projected read: the values of the type's projected fields, in their order. */
const row = (urn: string, type: EntityType, name: string) => ({
  urn,
  type,
  values: FULL_PROJECTION[type].map((f) => (f === 'urn' ? urn : f === 'type' ? type : f === 'name' ? name : null)),
});

/** A Graph stand-in that records each statement and answers rows in a scrambled order. */
function recordingGraph(answer: (name: string, params: any) => any[]) {
  const calls: { name: string; params: any }[] = [];
  const graph = {
    read: async (q: { name: string }, params: any) => {
      calls.push({ name: q.name, params });
      return answer(q.name, params);
    },
  } as unknown as Graph;
  return { graph, calls };
}

const scope = (maxBytes?: number) => ({ projection: FULL_PROJECTION, answer: new AnswerBudget(maxBytes), ahead: new Map() });

describe('per-request entity loaders', () => {
  it('batch N loads of one tick into one statement and re-key rows that come back out of order', async () => {
    const { graph, calls } = recordingGraph((_name, p) =>
      [...p.urns].reverse().filter((u: string) => u !== 'missing').map((u: string) => row(u, EntityType.DATASET, `n-${u}`)),
    );
    const loaders = createEntityLoaders(graph, scope());
    const got = await Promise.all(['a', 'b', 'missing', 'c'].map((u) => loaders.entity.load(u)));
    expect(calls).toHaveLength(1);
    expect(calls[0].params.urns).toEqual(['a', 'b', 'missing', 'c']);
    expect(got.map((e) => e?.name ?? null)).toEqual(['n-a', 'n-b', null, 'n-c']);
    expect(got[0]?.tags).toEqual([]); // an unset list reads as []
  });

  it('send a tick of relationship lists as one statement, one slice per list asked, re-key rows and prime the entity loader', async () => {
    // edges/related answers one row: [urn, type, values, at] per entity, lists in no order, and an
    // entity reached over two edges placed twice in its list (here each key's second entity).
    const { graph, calls } = recordingGraph((name, p) =>
      name !== 'edges/related'
        ? []
        : [
            {
              rows: p.owners
                .filter((o: any) => o.urn !== 'lonely')
                .flatMap((o: any) =>
                  o.slices.flatMap((slice: number) => {
                    const k = p.slices[slice];
                    const u = o.urn;
                    return [1, 2, 3].slice(0, k.limit.toNumber()).map((i) => {
                      const r = row(`${u}:${k.target}:${i}`, k.target, `${u}-${i}`);
                      return [r.urn, r.type, r.values, i === 2 ? [[slice, 0, u], [slice, 0, u]] : [[slice, 0, u]]];
                    });
                  }),
                )
                .reverse(),
            },
          ],
    );
    const loaders = createEntityLoaders(graph, scope());
    const list = (urn: string, type: RelationshipType, direction: 'in' | 'out', target: EntityType, first: number) =>
      loaders.related.load({ urn, types: [type], direction, target, first, after: null });
    const [a, b, c, d, e, f] = await Promise.all([
      list('m1', RelationshipType.MEMBER_OF, 'out', EntityType.MODEL_GROUP, 10),
      list('g1', RelationshipType.MEMBER_OF, 'in', EntityType.MODEL, 10),
      list('lonely', RelationshipType.CONSUMES, 'out', EntityType.FEATURE, 10),
      list('d1', RelationshipType.DERIVED_FROM, 'in', EntityType.DATASET, 2),
      list('m2', RelationshipType.MEMBER_OF, 'out', EntityType.MODEL_GROUP, 10),
      list('m1', RelationshipType.CONSUMES, 'out', EntityType.FEATURE, 10),
    ]);
    expect(calls).toHaveLength(1);
    // m1 and m2 ask the same list: one slice for both; each slice says its own limit.
    expect(calls[0].params.slices.map((k: any) => [k.target, k.out, k.limit.toNumber()])).toEqual([
      [EntityType.MODEL_GROUP, true, 11],
      [EntityType.MODEL, false, 11],
      [EntityType.FEATURE, true, 11],
      [EntityType.DATASET, false, 3],
    ]);
    // Each entity asked once, with the slices that ask it (m1: two lists).
    expect(calls[0].params.owners).toEqual([
      { urn: 'm1', slices: [0, 2] },
      { urn: 'm2', slices: [0] },
      { urn: 'g1', slices: [1] },
      { urn: 'lonely', slices: [2] },
      { urn: 'd1', slices: [3] },
    ]);
    // Rows come back reversed; each key's list is in URN order, each entity once, cut to `first`, `more` set past it.
    const urns = (x: { records: { urn: string }[] }) => x.records.map((r) => r.urn);
    expect([urns(a), a.more]).toEqual([['m1:MODEL_GROUP:1', 'm1:MODEL_GROUP:2', 'm1:MODEL_GROUP:3'], false]);
    expect(urns(b)).toHaveLength(3);
    expect([c.records, c.more]).toEqual([[], false]);
    expect([urns(d), d.more]).toEqual([['d1:DATASET:1', 'd1:DATASET:2'], true]);
    expect(urns(e)).toEqual(['m2:MODEL_GROUP:1', 'm2:MODEL_GROUP:2', 'm2:MODEL_GROUP:3']);
    expect(urns(f)).toEqual(['m1:FEATURE:1', 'm1:FEATURE:2', 'm1:FEATURE:3']);
    // Each slice carries its entities, in the same order as its URNs.
    expect(d.records.map((x: any) => [x.urn, x.name])).toEqual([['d1:DATASET:1', 'd1-1'], ['d1:DATASET:2', 'd1-2']]);
    // The listed entities came with the list: loading them sends nothing more.
    const entities = await loaders.entity.loadMany(urns(a));
    expect(entities.map((x: any) => x.name)).toEqual(['m1-1', 'm1-2', 'm1-3']);
    expect(calls).toHaveLength(1);
  });

  it('count every entity handed out into the answer, each time, and refuse past the limit', async () => {
    const { graph, calls } = recordingGraph((_name, p) => p.urns.map((u: string) => row(u, EntityType.DATASET, 'x'.repeat(1000))));
    const loaders = createEntityLoaders(graph, scope(5_000));
    await loaders.entity.load('a');
    await loaders.entity.load('a'); // the same entity twice in an answer is sent twice
    await loaders.entity.loadMany(['b', 'c']);
    const past = await loaders.entity.loadMany(['d', 'e']);
    expect(past.some((x) => x instanceof Error && (x as any).extensions.code === 'RESPONSE_TOO_LARGE')).toBe(true);
    const before = calls.length;
    await expect(loaders.entity.load('f')).rejects.toMatchObject({ extensions: { code: 'RESPONSE_TOO_LARGE', maxBytes: 5_000 } });
    expect(calls).toHaveLength(before); // nothing more is read once the answer is too large
  });

  it('know the JSON size of a decoded entity as jsonSizeOf counts it: JSON text by its length, times, lists, nulls', () => {
    const fields = FULL_PROJECTION[EntityType.MODEL];
    const values = fields.map((f) =>
      f === 'name' ? 'churn' : f === 'trainingMetrics' ? '[{"name":"auc","value":0.91}]' : f === 'tags' ? ['pii', 'gold'] : f === 'createdAt' ? 1796299364741 : f === 'revision' ? 3 : null,
    );
    const record = recordOf({ urn: 'urn:li:mlModel:(urn:li:dataPlatform:mlflow,churn,PROD)', type: EntityType.MODEL, values }, FULL_PROJECTION);
    expect(record.trainingMetrics).toEqual([{ name: 'auc', value: 0.91 }]);
    expect(record.createdAt).toEqual(new Date(1796299364741));
    // What jsonSizeOf finds walking a copy (nothing known of it) is what decoding recorded.
    expect(jsonSizeOf(record)).toBe(jsonSizeOf({ ...record }));
  });

  it('count edges of a tick in one statement, keyed by entity, direction and target type', async () => {
    const { graph, calls } = recordingGraph((_name, p) =>
      p.urns
        .filter((u: string) => u !== 'lonely')
        .flatMap((u: string) => [
          { urn: u, type: 'DERIVED_FROM', outgoing: false, target: 'DATASET', count: 3 },
          { urn: u, type: 'DERIVED_FROM', outgoing: true, target: 'DATASET', count: 1 },
        ])
        .reverse(),
    );
    const loaders = createEntityLoaders(graph, scope());
    const [d1, lonely] = await Promise.all([loaders.edgeCounts.load('d1'), loaders.edgeCounts.load('lonely')]);
    expect(calls).toHaveLength(1);
    expect(d1.sort((a, b) => a.direction.localeCompare(b.direction))).toEqual([
      { type: 'DERIVED_FROM', direction: 'in', target: 'DATASET', count: 3 },
      { type: 'DERIVED_FROM', direction: 'out', target: 'DATASET', count: 1 },
    ]);
    expect(lonely).toEqual([]);
  });
});

describe('per-request alias loader', () => {
  it('loads models and groups of a tick in one statement, each sorted by alias then model', async () => {
    const { graph, calls } = recordingGraph(() => [
      { urn: 'g1', alias: 'latest', model: 'm2', group: 'g1' },
      { urn: 'm1', alias: 'champion', model: 'm1', group: 'g1' },
      { urn: 'g1', alias: 'champion', model: 'm1', group: 'g1' },
      { urn: 'g1', alias: 'challenger', model: 'm2', group: 'g1' },
    ]);
    const loaders = createAliasLoaders(graph);
    const [g1, m1, none] = await Promise.all(['g1', 'm1', 'm9'].map((u) => loaders.aliases.load(u)));
    expect(calls).toHaveLength(1);
    expect(calls[0].params.urns).toEqual(['g1', 'm1', 'm9']);
    expect(g1.map((h) => `${h.alias}:${h.model}`)).toEqual(['challenger:m2', 'champion:m1', 'latest:m2']);
    expect(m1).toEqual([{ alias: 'champion', model: 'm1', group: 'g1' }]);
    expect(none).toEqual([]);
  });
});
