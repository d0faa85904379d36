import { CliError, ExitCode } from '../exit-codes';
import { buildUrn, DEFAULT_ENV, urnKeyFields, type UrnKey } from '../urn';
import type { BatchItem } from './batch-file';
import { LINKS, LIST_TYPES } from './ingest-lists';

/** One `ingest` call: entities, key-only stand-ins for entities of other calls, and links. */
export interface Chunk {
  entities: BatchItem[];
  /**
   * Key fields and name of file entities written by another call that this call's items name.
   * Only a dry run needs them: nothing of an earlier dry-run call is stored, and the server refuses
   * references it cannot find. They change nothing the report shows (see sendChunks).
   */
  stubs: BatchItem[];
  links: BatchItem[];
}

export interface Limits {
  entities: number;
  links: number;
}

/** The URN an entity item addresses, or undefined when its key fields are missing (the server will say so). */
export function urnOfItem(item: BatchItem): string | undefined {
  const type = LIST_TYPES.get(item.list);
  if (!type) return undefined;
  const key: UrnKey = {};
  for (const k of urnKeyFields(type)) {
    const v = k === 'env' ? (item.value.env ?? DEFAULT_ENV) : item.value[k];
    if (typeof v !== 'string' || v === '') return undefined;
    (key as Record<string, string>)[k] = v;
  }
  return buildUrn(type, key);
}

interface GraphNode {
  items: BatchItem[];
  refs: Set<number>;
}

/**
 * Splits a batch into calls of at most `limits` entities (stubs included) and links. A batch within
 * the limits is one call, in file order. A larger one is ordered so that every entity travels no
 * later than the entities that name it: the references between file entities (any string field, or
 * list of strings, equal to another file entity's URN) are sorted topologically, entities that name
 * each other in a cycle (and items with the same URN) travel together, and links come after all
 * entities. So each call only names entities already stored, or in the same call. With `withStubs`
 * (dry runs) each call also carries stand-ins for the file entities of other calls it names.
 * Throws a CliError when a cycle alone exceeds the entity limit.
 */
export function planChunks(items: readonly BatchItem[], limits: Limits, withStubs: boolean): Chunk[] {
  const entities = items.filter((i) => i.list !== LINKS);
  const links = items.filter((i) => i.list === LINKS);
  if (entities.length <= limits.entities && links.length <= limits.links) {
    return [{ entities: [...entities], stubs: [], links: [...links] }];
  }

  const { nodes, byUrn } = referenceGraph(entities);
  const chunks: Chunk[] = [];
  let current: Chunk = { entities: [], stubs: [], links: [] };
  let members = new Set<number>();
  let stubbed = new Set<number>();
  const close = () => {
    chunks.push(current);
    current = { entities: [], stubs: [], links: [] };
    members = new Set();
    stubbed = new Set();
  };
  const stubsFor = (targets: Iterable<number>, exclude: ReadonlySet<number>) => {
    const need = new Set<number>();
    if (!withStubs) return need;
    for (const t of targets) if (!exclude.has(t) && !members.has(t) && !stubbed.has(t)) need.add(t);
    return need;
  };
  const addStubs = (need: Set<number>) => {
    for (const n of need) {
      stubbed.add(n);
      current.stubs.push(stubOf(nodes[n].items[0]));
    }
  };
  const size = () => current.entities.length + current.stubs.length;

  for (const component of stronglyConnected(nodes)) {
    const inComponent = new Set(component);
    const count = component.reduce((sum, n) => sum + nodes[n].items.length, 0);
    const targets = component.flatMap((n) => [...nodes[n].refs]);
    let need = stubsFor(targets, inComponent);
    if (size() > 0 && size() + count + need.size > limits.entities) {
      close();
      need = stubsFor(targets, inComponent);
    }
    if (count + need.size > limits.entities) {
      const first = nodes[component[0]].items[0].origin;
      const where = `${first.file}, ${first.list}[${first.index}]`;
      throw new CliError(
        count > limits.entities
          ? `${count} entities (from ${where}) name each other in a cycle: more than one call takes (${limits.entities}); split the cycle with links`
          : `${where} names ${need.size} entities of other calls: a dry run cannot check it in calls of ${limits.entities}; raise --batch-size`,
        ExitCode.USAGE,
      );
    }
    for (const n of component) {
      members.add(n);
      current.entities.push(...nodes[n].items);
    }
    addStubs(need);
  }

  for (const link of links) {
    const ends = [link.value.from, link.value.to].flatMap((u) => (typeof u === 'string' && byUrn.has(u) ? [byUrn.get(u)!] : []));
    let need = stubsFor(ends, new Set());
    if (current.links.length + 1 > limits.links || size() + need.size > limits.entities) {
      close();
      need = stubsFor(ends, new Set());
    }
    addStubs(need);
    current.links.push(link);
  }
  if (size() > 0 || current.links.length > 0) close();
  return chunks;
}

/** Entities grouped by URN, with the file entities each one names. */
function referenceGraph(entities: readonly BatchItem[]): { nodes: GraphNode[]; byUrn: Map<string, number> } {
  const nodes: GraphNode[] = [];
  const byUrn = new Map<string, number>();
  for (const item of entities) {
    const urn = urnOfItem(item);
    const known = urn === undefined ? undefined : byUrn.get(urn);
    if (known !== undefined) {
      nodes[known].items.push(item);
      continue;
    }
    if (urn !== undefined) byUrn.set(urn, nodes.length);
    nodes.push({ items: [item], refs: new Set() });
  }
  nodes.forEach((node, self) => {
    for (const item of node.items) {
      for (const v of Object.values(item.value)) {
        for (const s of Array.isArray(v) ? v : [v]) {
          const target = typeof s === 'string' ? byUrn.get(s) : undefined;
          if (target !== undefined && target !== self) node.refs.add(target);
        }
      }
    }
  });
  return { nodes, byUrn };
}

/**
 * Tarjan's strongly connected components, iteratively (reference chains can be long). Components
 * come out with every component's references before it: the order the calls must follow.
 */
function stronglyConnected(nodes: readonly GraphNode[]): number[][] {
  const index = new Array<number>(nodes.length).fill(-1);
  const low = new Array<number>(nodes.length).fill(0);
  const onStack = new Array<boolean>(nodes.length).fill(false);
  const stack: number[] = [];
  const out: number[][] = [];
  let next = 0;
  for (let root = 0; root < nodes.length; root++) {
    if (index[root] !== -1) continue;
    const work: { node: number; edges: number[]; at: number }[] = [];
    const visit = (n: number) => {
      index[n] = low[n] = next++;
      stack.push(n);
      onStack[n] = true;
      work.push({ node: n, edges: [...nodes[n].refs], at: 0 });
    };
    visit(root);
    while (work.length) {
      const frame = work[work.length - 1];
      if (frame.at < frame.edges.length) {
        const m = frame.edges[frame.at++];
        if (index[m] === -1) visit(m);
        else if (onStack[m]) low[frame.node] = Math.min(low[frame.node], index[m]);
        continue;
      }
      work.pop();
      if (work.length) low[work[work.length - 1].node] = Math.min(low[work[work.length - 1].node], low[frame.node]);
      if (low[frame.node] === index[frame.node]) {
        const component: number[] = [];
        let m: number;
        do {
          m = stack.pop()!;
          onStack[m] = false;
          component.push(m);
        } while (m !== frame.node);
        out.push(component.sort((a, b) => a - b));
      }
    }
  }
  return out;
}

/** A stand-in: the key fields and name of an entity, nothing else (so it changes no field). */
function stubOf(item: BatchItem): BatchItem {
  const type = LIST_TYPES.get(item.list)!;
  const value: Record<string, unknown> = { name: item.value.name };
  for (const k of urnKeyFields(type)) if (item.value[k] !== undefined) value[k] = item.value[k];
  return { list: item.list, value, origin: item.origin };
}
