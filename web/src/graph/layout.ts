import ELK, { type ElkExtendedEdge } from 'elkjs/lib/elk-api.js';
import workerUrl from 'elkjs/lib/elk-worker.min.js?url';
import type { AssembledGraph } from '../lib/graph-assembly';
import { toElkGraph } from '../lib/elk-graph';
import { fastLayeredLayout } from '../lib/fast-layout';

/**
 * Above this many nodes ELK's layered layout takes seconds (about 2 s of CPU for 500 nodes, most
 * of it in code a fresh page has not optimised yet), so the linear-time layered layout of
 * fast-layout.ts takes over. Measured in BENCHMARKS.md ("Web explorer").
 */
export const ELK_MAX_NODES = 150;

// ELK runs in its own worker (a bundled file, same origin), so a layout never freezes the page.
let elk: InstanceType<typeof ELK> | null = null;

type Point = { x: number; y: number };

export interface Layout {
  /** Top-left corner of every node. */
  positions: Map<string, Point>;
  /**
   * The points an edge bends at on its way (ELK's routes, through the gaps of the layers it
   * crosses, so it never runs behind a node); absent for the linear-time layout.
   */
  bends: Map<string, Point[]>;
}

/** Positions of every node of the graph, left to right along the data flow, and ELK's edge routes. */
export async function layoutGraph(graph: AssembledGraph): Promise<Layout> {
  if (graph.nodes.length > ELK_MAX_NODES) return { positions: fastLayeredLayout(graph), bends: new Map() };
  elk ??= new ELK({ workerUrl });
  const result = await elk.layout(toElkGraph(graph));
  return {
    positions: new Map((result.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }])),
    bends: new Map(((result.edges ?? []) as ElkExtendedEdge[]).map((e) => [e.id, (e.sections ?? []).flatMap((section) => section.bendPoints ?? [])])),
  };
}
