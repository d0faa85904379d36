import type { AssembledGraph } from './graph-assembly';

/** Size of a drawn node, for the layout and the drawing alike. */
export const NODE_WIDTH = 210;
export const NODE_HEIGHT = 46;
/**
 * Room between two layers: wide enough for a relationship's label on the edges between them (the
 * longest, DERIVED_FROM and EVALUATED_ON, about 85 px at 10 px), so labels do not sit on nodes.
 */
export const LAYER_GAP = 130;

export interface ElkInput {
  id: string;
  layoutOptions: Record<string, string>;
  children: { id: string; width: number; height: number }[];
  edges: { id: string; sources: string[]; targets: string[] }[];
}

/**
 * The ELK input for a lineage graph: a layered layout from left (sources) to right (consumers),
 * edges along the data flow, so upstream lands left of the root and downstream right of it.
 */
export function toElkGraph(graph: AssembledGraph): ElkInput {
  return {
    id: 'lineage',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': String(LAYER_GAP),
      'elk.spacing.nodeNode': '14',
      // The drawing follows ELK's routes (graph/RoutedEdge.tsx): the cheap polyline routing rather
      // than the orthogonal one (ELK's default, and most of its time on a 500-node graph); one
      // crossing-minimisation pass is enough for lineage. Measured in BENCHMARKS.md ("Web explorer").
      'elk.edgeRouting': 'POLYLINE',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.thoroughness': '1',
    },
    children: graph.nodes.map((n) => ({ id: n.id, width: NODE_WIDTH, height: NODE_HEIGHT })),
    edges: graph.edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
}
