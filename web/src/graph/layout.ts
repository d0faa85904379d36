import ELK from 'elkjs/lib/elk-api.js';
import workerUrl from 'elkjs/lib/elk-worker.min.js?url';
import type { AssembledGraph } from '../lib/graph-assembly';
import { toElkGraph } from '../lib/elk-graph';

// ELK runs in its own worker (a bundled file, same origin), so laying out 500 nodes never
// freezes the page.
let elk: InstanceType<typeof ELK> | null = null;

/** Positions (top-left corners) of every node of the graph, from ELK's layered layout. */
export async function layoutGraph(graph: AssembledGraph): Promise<Map<string, { x: number; y: number }>> {
  elk ??= new ELK({ workerUrl });
  const result = await elk.layout(toElkGraph(graph));
  return new Map((result.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]));
}
