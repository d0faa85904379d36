import type { Graph } from '../../src/graph';
import { createModelVersionLoaders } from '../../src/kinds/model-group/model-versions.loaders';

/** A Graph stand-in that records each statement and answers the versions of every group asked, reversed. */
function recordingGraph(members: Record<string, string[]>) {
  const calls: any[] = [];
  const graph = {
    read: async (q: { name: string }, params: any) => {
      calls.push({ name: q.name, params });
      return params.groups
        .flatMap((group: string) => (members[group] ?? []).map((version) => ({ group, urn: `${group}/v${version}`, version, sortId: null, createdAt: null })))
        .reverse();
    },
  } as unknown as Graph;
  return { graph, calls };
}

describe('per-request group versions loader', () => {
  it('batches the groups of one tick into one statement per filter, re-keys rows by group and sorts each newest first', async () => {
    const { graph, calls } = recordingGraph({ g1: ['1', '10', '2'], g2: ['0.9.0', '1.0.0-rc.1'], g3: ['3'] });
    const { groupVersions } = createModelVersionLoaders(graph);
    const now = { statuses: ['ACTIVE', 'DEPRECATED'], asOf: null };
    const then = { statuses: ['ACTIVE', 'DEPRECATED'], asOf: new Date('2024-01-01T00:00:00Z') };
    const got = await Promise.all([
      groupVersions.load({ group: 'g1', ...now }),
      groupVersions.load({ group: 'missing', ...now }),
      groupVersions.load({ group: 'g2', ...now }),
      groupVersions.load({ group: 'g3', ...then }),
      groupVersions.load({ group: 'g1', statuses: ['DEPRECATED', 'ACTIVE'], asOf: null }), // same filter, other order
    ]);
    expect(calls.map((c) => [c.params.groups, c.params.asOf])).toEqual([
      [['g1', 'missing', 'g2'], null],
      [['g3'], then.asOf],
    ]);
    expect(got.map((keys) => keys.map((k) => k.version))).toEqual([['10', '2', '1'], [], ['1.0.0-rc.1', '0.9.0'], ['3'], ['10', '2', '1']]);
  });
});
