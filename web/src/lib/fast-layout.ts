import type { AssembledGraph } from './graph-assembly';
import { LAYER_GAP, NODE_HEIGHT, NODE_WIDTH } from './elk-graph';

/** Gaps of the drawing, the same as the ELK options of elk-graph.ts. */
const NODE_GAP = 14;
const SWEEPS = 4;

/**
 * A layered (Sugiyama-style) left-to-right layout in linear time per sweep, for graphs too big for
 * ELK to lay out within the explorer's first-render budget (BENCHMARKS.md, "Web explorer"):
 * longest-path layers on the data-flow edges (edges closing a cycle are ignored), sources pulled
 * next to their first consumer, a few barycentre sweeps against crossings, then each node placed
 * near the mean height of its upstream neighbours without overlapping the one above it.
 * Returns top-left corners, like ELK. Deterministic: the same graph always gets the same drawing.
 */
export function fastLayeredLayout(graph: AssembledGraph): Map<string, { x: number; y: number }> {
  const ids = graph.nodes.map((n) => n.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const succ: number[][] = ids.map(() => []);
  const pred: number[][] = ids.map(() => []);
  for (const e of graph.edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s === undefined || t === undefined || s === t) continue;
    succ[s].push(t);
    pred[t].push(s);
  }
  const layer = longestPathLayers(succ, pred);
  const layers = groupByLayer(layer);
  return placeNodes(orderLayers(layers, succ, pred, layer), pred, ids);
}

/** Longest path from the sources over a DFS order that drops back edges, so cycles cannot loop. */
function longestPathLayers(succ: number[][], pred: number[][]): number[] {
  const n = succ.length;
  const state = new Uint8Array(n); // 0 new, 1 on stack, 2 done
  const topo: number[] = [];
  const forward: number[][] = succ.map(() => []);
  for (let start = 0; start < n; start++) {
    if (state[start]) continue;
    const stack: [number, number][] = [[start, 0]];
    state[start] = 1;
    while (stack.length) {
      const top = stack[stack.length - 1];
      const [v, i] = top;
      if (i < succ[v].length) {
        top[1] = i + 1;
        const w = succ[v][i];
        if (state[w] === 1) continue; // back edge: closes a cycle
        forward[v].push(w);
        if (state[w] === 0) {
          state[w] = 1;
          stack.push([w, 0]);
        }
      } else {
        state[v] = 2;
        topo.push(v);
        stack.pop();
      }
    }
  }
  topo.reverse();
  const layer = new Array<number>(n).fill(0);
  for (const v of topo) for (const w of forward[v]) layer[w] = Math.max(layer[w], layer[v] + 1);
  // A source sits just left of its nearest consumer rather than at the far left.
  for (let v = 0; v < n; v++) {
    if (pred[v].length === 0 && forward[v].length > 0) layer[v] = Math.min(...forward[v].map((w) => layer[w])) - 1;
  }
  return layer;
}

function groupByLayer(layer: number[]): number[][] {
  const min = Math.min(0, ...layer);
  const layers: number[][] = [];
  layer.forEach((l, v) => (layers[l - min] ??= []).push(v));
  return layers.map((l) => l ?? []);
}

/** Barycentre sweeps: each layer sorted by the mean position of its neighbours in the layer before. */
function orderLayers(layers: number[][], succ: number[][], pred: number[][], layer: number[]): number[][] {
  const pos = new Float64Array(succ.length);
  layers.forEach((l) => l.forEach((v, i) => (pos[v] = i)));
  const min = Math.min(0, ...layer);
  const sweep = (l: number[], neighbours: number[][], adjacent: number) => {
    const key = new Map<number, number>();
    for (const v of l) {
      const near = neighbours[v].filter((w) => layer[w] - min === adjacent);
      key.set(v, near.length ? near.reduce((s, w) => s + pos[w], 0) / near.length : pos[v]);
    }
    l.sort((a, b) => key.get(a)! - key.get(b)! || pos[a] - pos[b]);
    l.forEach((v, i) => (pos[v] = i));
  };
  for (let pass = 0; pass < SWEEPS; pass++) {
    if (pass % 2 === 0) for (let i = 1; i < layers.length; i++) sweep(layers[i], pred, i - 1);
    else for (let i = layers.length - 2; i >= 0; i--) sweep(layers[i], succ, i + 1);
  }
  return layers;
}

/**
 * Each node wants the mean height of its upstream neighbours already placed (or the slot after
 * the previous node); overlaps are resolved by averaging a top-down and a bottom-up packing, both
 * of which keep a full gap between neighbours, so the average does too.
 */
function placeNodes(order: number[][], pred: number[][], ids: string[]): Map<string, { x: number; y: number }> {
  const y = new Float64Array(ids.length);
  const placed = new Uint8Array(ids.length);
  const step = NODE_HEIGHT + NODE_GAP;
  const out = new Map<string, { x: number; y: number }>();
  order.forEach((l, li) => {
    const wanted: number[] = [];
    let last = -((l.length + 1) * step) / 2;
    for (const v of l) {
      const near = pred[v].filter((w) => placed[w]);
      last = near.length ? near.reduce((s, w) => s + y[w], 0) / near.length : last + step;
      wanted.push(last);
    }
    const down = [...wanted];
    for (let i = 1; i < down.length; i++) down[i] = Math.max(down[i], down[i - 1] + step);
    const up = [...wanted];
    for (let i = up.length - 2; i >= 0; i--) up[i] = Math.min(up[i], up[i + 1] - step);
    l.forEach((v, i) => {
      y[v] = (down[i] + up[i]) / 2;
      placed[v] = 1;
      out.set(ids[v], { x: li * (NODE_WIDTH + LAYER_GAP), y: y[v] });
    });
  });
  return out;
}
