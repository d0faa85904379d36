import type { Graph } from '../../src/graph';
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
});
