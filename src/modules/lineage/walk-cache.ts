import type { Graph } from '../../graph';
import type { LineageLimits } from './lineage.config';
import type { Walk, WalkOptions } from './lineage-walk';

/**
 * Complete walks of this server, kept so that the later pages of a lineage answer (and the same
 * question asked again) do not walk the graph again. Each walk is kept under the graph's version
 * (cypher/lineage/start.cypher: the count of change records, which every write that changes a walk
 * moves), and found again only under the same version: any write in between, on this server or on
 * another replica, makes the next request walk again. Least recently used walks go first once
 * `maxWalks` or `maxEntities` (reached entities over all walks) would be passed.
 */
export class WalkCache<W extends { isPartial: boolean } = Walk> {
  private readonly walks = new Map<string, { version: number; walk: W }>();
  private entities = 0;

  /** `sizeOf` gives the entities a walk holds (default: an entity walk's reached entities). */
  constructor(
    private readonly maxWalks: number,
    private readonly maxEntities: number,
    private readonly sizeOf: (walk: W) => number = (walk) => (walk as unknown as Walk).reached.size,
  ) {}

  /** The walk kept for `key` under `version`, or undefined. */
  get(key: string, version: number): W | undefined {
    const hit = this.walks.get(key);
    if (!hit) return undefined;
    this.drop(key);
    if (hit.version !== version) return undefined;
    this.walks.set(key, hit); // most recently used last
    this.entities += this.sizeOf(hit.walk);
    return hit.walk;
  }

  /** The walk kept for `key` under whatever version, without touching the order of use (a guess of the page to read ahead). */
  peek(key: string): W | undefined {
    return this.walks.get(key)?.walk;
  }

  /** Keeps a complete walk (a cut one, or one larger than the whole cache, is not kept). */
  set(key: string, version: number, walk: W): void {
    if (walk.isPartial || this.maxWalks < 1 || this.sizeOf(walk) > this.maxEntities) return;
    this.drop(key);
    while (this.walks.size >= this.maxWalks || this.entities + this.sizeOf(walk) > this.maxEntities) {
      this.drop(this.walks.keys().next().value!);
    }
    this.walks.set(key, { version, walk });
    this.entities += this.sizeOf(walk);
  }

  private drop(key: string): void {
    const hit = this.walks.get(key);
    if (!hit) return;
    this.walks.delete(key);
    this.entities -= this.sizeOf(hit.walk);
  }
}

/** What makes two walks the same question: root and every option that shapes the answer. */
export function walkKey(root: string, o: WalkOptions): string {
  return JSON.stringify([root, o.direction, o.maxDepth, [...o.statuses].sort(), o.asOf?.toISOString() ?? null, o.maxNodes, o.version ?? null]);
}

/**
 * A getter of one WalkCache per server (the process-wide graph behind a request's view, so every
 * request of the server shares it), made by `make` from the lineage limits on first use.
 */
export function walkCachePerServer<W extends { isPartial: boolean }>(make: (limits: LineageLimits) => WalkCache<W>): (graph: Graph, limits: LineageLimits) => WalkCache<W> {
  const caches = new WeakMap<Graph, WalkCache<W>>();
  return (graph, limits) => {
    let cache = caches.get(graph.origin);
    if (!cache) caches.set(graph.origin, (cache = make(limits)));
    return cache;
  };
}
