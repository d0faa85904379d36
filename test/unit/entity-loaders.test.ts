import type { Graph } from '../../src/graph';
import { createAliasLoaders } from '../../src/modules/aliases/alias.loaders';
import { createEntityLoaders } from '../../src/modules/entities/entity.loaders';
import { RelationshipType } from '../../src/model/relationship-type';

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

describe('per-request entity loaders', () => {
  it('batch N loads of one tick into one statement and re-key rows that come back out of order', async () => {
    const { graph, calls } = recordingGraph((_name, p) =>
      [...p.urns].reverse().filter((u: string) => u !== 'missing').map((u: string) => ({ urn: u, props: { urn: u, type: 'DATASET', name: `n-${u}` } })),
    );
    const loaders = createEntityLoaders(graph);
    const got = await Promise.all(['a', 'b', 'missing', 'c'].map((u) => loaders.entity.load(u)));
    expect(calls).toHaveLength(1);
    expect(calls[0].params.urns).toEqual(['a', 'b', 'missing', 'c']);
    expect(got.map((e) => e?.name ?? null)).toEqual(['n-a', 'n-b', null, 'n-c']);
  });

  it('split relationship loads into one statement per direction and return [] for no edges', async () => {
    const { graph, calls } = recordingGraph((name, p) =>
      p.keys
        .filter((k: any) => k.urn !== 'lonely')
        .flatMap((k: any) => [{ urn: k.urn, type: k.type, other: `${name}:${k.urn}:2` }, { urn: k.urn, type: k.type, other: `${name}:${k.urn}:1` }])
        .reverse(),
    );
    const loaders = createEntityLoaders(graph);
    const [a, b, c] = await Promise.all([
      loaders.related.load({ urn: 'm1', type: RelationshipType.MEMBER_OF, direction: 'out' }),
      loaders.related.load({ urn: 'g1', type: RelationshipType.MEMBER_OF, direction: 'in' }),
      loaders.related.load({ urn: 'lonely', type: RelationshipType.CONSUMES, direction: 'out' }),
    ]);
    expect(calls.map((c) => c.name).sort()).toEqual(['edges/related-in', 'edges/related-out']);
    expect(a).toHaveLength(2);
    expect(a.every((u) => u.startsWith('edges/related-out:m1'))).toBe(true);
    expect(b.every((u) => u.startsWith('edges/related-in:g1'))).toBe(true);
    expect(c).toEqual([]);
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
    const loaders = createEntityLoaders(graph);
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
