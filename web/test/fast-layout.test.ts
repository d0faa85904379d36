import { NODE_HEIGHT } from '../src/lib/elk-graph';
import { fastLayeredLayout } from '../src/lib/fast-layout';
import type { AssembledGraph } from '../src/lib/graph-assembly';

function graph(edges: [string, string][], extra: string[] = []): AssembledGraph {
  const ids = [...new Set([...edges.flat(), ...extra])];
  return {
    rootUrn: ids[0],
    nodes: ids.map((id) => ({ id, entity: { urn: id, type: 'DATASET', name: id, status: 'ACTIVE' }, side: 'DOWNSTREAM', degree: 1 })),
    edges: edges.map(([source, target]) => ({ id: `${source}|X|${target}`, relationship: 'X', source, target })),
    partialReasons: [],
  };
}

/** No two nodes of one column closer than a node's height. */
function expectNoOverlap(pos: Map<string, { x: number; y: number }>) {
  const columns = new Map<number, number[]>();
  for (const { x, y } of pos.values()) columns.set(x, [...(columns.get(x) ?? []), y]);
  for (const ys of columns.values()) {
    ys.sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++) expect(ys[i] - ys[i - 1]).toBeGreaterThanOrEqual(NODE_HEIGHT);
  }
}

describe('fastLayeredLayout', () => {
  it('puts every edge of a DAG left to right, one layer per step of the longest path', () => {
    const g = graph([
      ['raw', 'sessions'],
      ['sessions', 'run'],
      ['run', 'model'],
      ['sessions', 'model'],
      ['model', 'endpoint'],
    ]);
    const pos = fastLayeredLayout(g);
    for (const e of g.edges) expect(pos.get(e.target)!.x).toBeGreaterThan(pos.get(e.source)!.x);
    const layers = ['raw', 'sessions', 'run', 'model', 'endpoint'].map((id) => pos.get(id)!.x);
    expect(layers).toEqual([...layers].sort((a, b) => a - b));
    expect(new Set(layers).size).toBe(5);
  });

  it('pulls a source next to its first consumer', () => {
    const pos = fastLayeredLayout(graph([['a', 'b'], ['b', 'c'], ['c', 'd'], ['table', 'd']]));
    expect(pos.get('table')!.x).toBe(pos.get('c')!.x);
  });

  it('ends on a cycle and keeps a wide fan-in free of overlaps', () => {
    const fan: [string, string][] = Array.from({ length: 300 }, (_, i) => [`up${i}`, 'hub'] as [string, string]);
    const pos = fastLayeredLayout(graph([...fan, ['hub', 'x'], ['x', 'y'], ['y', 'hub']], ['lonely']));
    expect(pos.size).toBe(304);
    expectNoOverlap(pos);
    expect(pos.get('hub')!.x).toBeGreaterThan(pos.get('up0')!.x);
  });

  it('draws the same graph the same way every time', () => {
    const g = graph([['a', 'c'], ['b', 'c'], ['c', 'd'], ['c', 'e'], ['b', 'e']]);
    expect([...fastLayeredLayout(g)]).toEqual([...fastLayeredLayout(g)]);
  });
});
