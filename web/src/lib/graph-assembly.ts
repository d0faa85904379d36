import { flowEnds } from './lineage-flow';

/** What the explorer reads of any entity it lists or draws. */
export interface EntityRef {
  urn: string;
  type: string;
  name: string;
  status: string;
}

/** The part of a `lineageGraph` answer the drawing needs. */
export interface LineageGraphData {
  root: EntityRef;
  isPartial: boolean;
  partialReason?: string | null;
  nodes: { direction: 'UPSTREAM' | 'DOWNSTREAM'; degree: number; entity: EntityRef }[];
  edges: { from: { urn: string }; relationship: string; to: { urn: string } }[];
}

export type Side = 'ROOT' | 'UPSTREAM' | 'DOWNSTREAM';

export interface GraphNode {
  id: string;
  entity: EntityRef;
  side: Side;
  /** Steps from the root; null for entities added by expanding another node. */
  degree: number | null;
}

export interface GraphEdge {
  /** `from|RELATIONSHIP|to` of the stored edge: one drawn edge per stored edge. */
  id: string;
  relationship: string;
  /** Ends in the direction data flows (see flowEnds). */
  source: string;
  target: string;
}

export interface AssembledGraph {
  rootUrn: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
  partialReasons: string[];
}

/** The id of the drawn edge for a stored edge. */
export function edgeId(from: string, relationship: string, to: string): string {
  return `${from}|${relationship}|${to}`;
}

/**
 * Turns a `lineageGraph` answer into nodes (the root first, then the answer's order, each entity
 * once) and edges (each stored edge once, oriented along the data flow). Edges whose ends are not
 * among the nodes are dropped, so a drawing never points into nothing.
 */
export function assembleGraph(data: LineageGraphData): AssembledGraph {
  return mergeGraph({ rootUrn: data.root.urn, nodes: [], edges: [], partialReasons: [] }, data, false);
}

/**
 * Adds the answer of a lineageGraph around one of the drawn nodes ("expand in place") to a graph.
 * Nodes already drawn keep their side and degree; new ones take the side they were reached on
 * and no degree (they are counted from the expanded node, not the root).
 */
export function expandGraph(graph: AssembledGraph, around: LineageGraphData): AssembledGraph {
  return mergeGraph(graph, around, true);
}

/** Whether expanding with `around` would draw nothing new: every entity and edge of it is drawn already. */
export function addsNothing(graph: AssembledGraph, around: LineageGraphData): boolean {
  const merged = expandGraph(graph, around);
  return merged.nodes.length === graph.nodes.length && merged.edges.length === graph.edges.length;
}

function mergeGraph(base: AssembledGraph, data: LineageGraphData, expansion: boolean): AssembledGraph {
  const nodes = new Map(base.nodes.map((n) => [n.id, n]));
  const add = (node: GraphNode) => {
    if (!nodes.has(node.id)) nodes.set(node.id, node);
  };
  add({ id: data.root.urn, entity: data.root, side: 'ROOT', degree: 0 });
  for (const n of data.nodes) {
    add({ id: n.entity.urn, entity: n.entity, side: n.direction, degree: expansion ? null : n.degree });
  }
  const edges = new Map(base.edges.map((e) => [e.id, e]));
  for (const e of data.edges) {
    const id = edgeId(e.from.urn, e.relationship, e.to.urn);
    if (edges.has(id) || !nodes.has(e.from.urn) || !nodes.has(e.to.urn)) continue;
    edges.set(id, { id, relationship: e.relationship, ...flowEnds({ from: e.from.urn, relationship: e.relationship, to: e.to.urn }) });
  }
  const partialReasons = [...base.partialReasons];
  if (data.isPartial) partialReasons.push(data.partialReason ?? 'a server limit cut the result');
  return { rootUrn: base.rootUrn, nodes: [...nodes.values()], edges: [...edges.values()], partialReasons };
}
