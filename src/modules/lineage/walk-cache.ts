import type { Graph } from '../../graph';
import { jsonSizeOf } from '../../limits/answer-budget';
import type { EntityRecord } from '../entities/entity.loaders';
import type { LineageLimits } from './lineage.config';
import type { Walk, WalkOptions } from './lineage-walk';

/**
 * Complete walks of this server, kept so that the later pages of a lineage answer (and the same
 * question asked again) do not walk the graph again. Each walk is kept under the graph's version
 * (cypher/lineage/start.cypher: the count of change records, which every write that changes a walk
 * moves), and found again only under the same version: any write in between, on this server or on
 * another replica, makes the next request walk again, unless the walk was kept with a signature
 * (what it reached, as the start statement reads it) and the signature read under the newer
 * version is the same: the walk is then kept on under that version (`moveTo`). With a walk go the entity records its pages
 * read (`hold`), under the same version and the request's projection: every write that changes a
 * stored property of an entity records history too, so under the same version they are what a
 * read would return, and a later page or the same question asked again reads no entity. Least
 * recently used walks go first once `maxWalks` or `maxEntities` would be passed: a reached entity
 * counts one, a held record one per 40 characters of its JSON (begun), so the bound stays one of
 * memory whatever fields an operation selects: a unit is about 170-330 bytes of heap either way
 * (BENCHMARKS.md, "What a kept walk holds in the server's heap").
 */
export class WalkCache<W extends { isPartial: boolean } = Walk> {
  private readonly walks = new Map<string, Kept<W>>();
  private entities = 0;
  /** The newest version a request of this server has read (versions only grow: change records are never removed). */
  private newest = -1;

  /** `sizeOf` gives the entities a walk holds (default: an entity walk's reached entities). */
  constructor(
    private readonly maxWalks: number,
    private readonly maxEntities: number,
    private readonly sizeOf: (walk: W) => number = (walk) => (walk as unknown as Walk).reached.size,
  ) {}

  /** The walk kept for `key` under `version`, or undefined. */
  get(key: string, version: number): W | undefined {
    this.newest = Math.max(this.newest, version);
    const hit = this.walks.get(key);
    if (!hit) return undefined;
    this.drop(key);
    if (hit.version !== version) return undefined;
    this.walks.set(key, hit); // most recently used last
    this.entities += this.size(hit);
    return hit.walk;
  }

  /**
   * The entity records held with the walk kept for `key`, read under `projection` (the same object:
   * a request's projection is computed once per parsed operation), and the version they and the
   * walk were read at; undefined when none are.
   */
  records(key: string, projection: object): { version: number; records: ReadonlyMap<string, EntityRecord> } | undefined {
    const hit = this.walks.get(key);
    return hit?.held && hit.held.projection === projection ? { version: hit.version, records: hit.held.records } : undefined;
  }

  /** Whether a request of this server has read a version newer than `version` (what is kept under it is then out of date). */
  isOlder(version: number): boolean {
    return version < this.newest;
  }

  /** Notes that a request of this server read `version` (see isOlder). */
  saw(version: number): void {
    this.newest = Math.max(this.newest, version);
  }

  /**
   * Holds `records` (read under `projection` at `version`) with the walk kept for `key` under that
   * version: added to those it holds under the same projection, in place of those held under
   * another. Nothing is held when no walk is kept under `version`, or past the cache's bounds.
   */
  hold(key: string, version: number, projection: object, records: ReadonlyMap<string, EntityRecord>): void {
    const hit = this.walks.get(key);
    if (!hit || hit.version !== version || !records.size) return;
    this.drop(key);
    if (hit.held?.projection !== projection) hit.held = { projection, records: new Map(), units: 0 };
    for (const [urn, record] of records) {
      const before = hit.held.records.get(urn);
      if (before) hit.held.units -= unitsOf(before);
      hit.held.records.set(urn, record);
      hit.held.units += unitsOf(record);
    }
    if (this.size(hit) > this.maxEntities) hit.held = undefined;
    this.keep(key, hit);
  }

  /**
   * The walk kept for `key` under whatever version (a guess of the page to read ahead), the version
   * it is kept under, its signature if it has one and how many times its question was walked again
   * since a signature last kept a walk of it on (`rewalks`), without touching the order of use.
   */
  kept(key: string): { walk: W; version: number; signature?: WalkSignature; rewalks: number; seen?: number } | undefined {
    const hit = this.walks.get(key);
    return hit && { walk: hit.walk, version: hit.version, signature: hit.signature, rewalks: hit.rewalks ?? 0, seen: hit.seen };
  }

  /**
   * Keeps the walk kept for `key` under `from` (and the records held with it) under `to` instead,
   * as the most recently used: a signature read under `to` showed that no write since `from`
   * changed it. Nothing happens when no walk is kept under `from`.
   */
  moveTo(key: string, from: number, to: number, seen?: number): void {
    const hit = this.walks.get(key);
    if (!hit || hit.version !== from) return;
    this.newest = Math.max(this.newest, to);
    this.drop(key);
    this.keep(key, { ...hit, version: to, rewalks: 0, seen });
  }

  /**
   * Keeps `walk` (the walk kept for `key` under `from`, extended by the writes since: walk-extension.ts)
   * under `to`, read with `seen` journaled writes seen, in place of the walk under `from`, with the
   * records held with it but those of the entities the writes changed (`written`). Unsigned (the
   * writes moved what a signature holds), and counted as walked again (`rewalks`), so that a walk
   * extended time after time reads a signature only now and then. Nothing happens when no walk is
   * kept under `from`.
   */
  advance(key: string, from: number, to: number, walk: W, seen: number, written: Iterable<string>): void {
    const hit = this.walks.get(key);
    if (!hit || hit.version !== from) return;
    this.newest = Math.max(this.newest, to);
    this.drop(key);
    let held = hit.held;
    if (held) {
      held = { projection: held.projection, records: new Map(held.records), units: held.units };
      for (const urn of written) {
        const record = held.records.get(urn);
        if (!record) continue;
        held.records.delete(urn);
        held.units -= unitsOf(record);
      }
    }
    if (!this.fits(walk)) return;
    this.keep(key, { version: to, walk, held, rewalks: (hit.rewalks ?? 0) + 1, seen });
  }

  /**
   * Keeps a complete walk (a cut one, or one larger than the whole cache, is not kept), with its
   * signature when it has one, `rewalks` (see kept) and `seen` (see advance).
   */
  set(key: string, version: number, walk: W, signature?: WalkSignature, rewalks = 0, seen?: number): void {
    if (!this.fits(walk)) return;
    this.drop(key);
    this.keep(key, { version, walk, signature, rewalks, seen });
  }

  /** Whether a walk kept for `key` could be kept: complete and within the cache's bounds. */
  fits(walk: W): boolean {
    return !walk.isPartial && this.maxWalks > 0 && this.sizeOf(walk) <= this.maxEntities;
  }

  /** Keeps `hit` as the most recently used, dropping the least recently used past the bounds. */
  private keep(key: string, hit: Kept<W>): void {
    while (this.walks.size && (this.walks.size >= this.maxWalks || this.entities + this.size(hit) > this.maxEntities)) {
      this.drop(this.walks.keys().next().value!);
    }
    this.walks.set(key, hit);
    this.entities += this.size(hit);
  }

  private drop(key: string): void {
    const hit = this.walks.get(key);
    if (!hit) return;
    this.walks.delete(key);
    this.entities -= this.size(hit);
  }

  /** What a kept walk counts against `maxEntities`: its entities and the records held with it. */
  private size(hit: Kept<W>): number {
    return this.sizeOf(hit.walk) + (hit.held?.units ?? 0);
  }
}

/** What a held record counts against the bound: one per 40 characters of its JSON, begun. */
function unitsOf(record: EntityRecord): number {
  return Math.ceil(jsonSizeOf(record) / 40);
}

/**
 * What a walk reached, as cypher/lineage/start.cypher reads it for `$signed` (the root first, then
 * every reached entity): the count of status changes, and per entity its revision and its lineage
 * edges on the side the walk steps out of. Equal signatures under two versions: no write between
 * them changed the walk.
 */
export interface WalkSignature {
  statusVersion: number;
  /** The entities signed, in order. */
  urns: string[];
  /** Per entity of `urns`: revision, then edges on the walk's side. */
  values: Float64Array;
}

interface Kept<W> {
  version: number;
  walk: W;
  signature?: WalkSignature;
  rewalks?: number;
  /** How many of this process's journaled writes the read of `version` saw (WriteJournal.read); absent when it was read ungated. */
  seen?: number;
  /** Entity records the walk's pages read, under one projection, at `version`. */
  held?: { projection: object; records: Map<string, EntityRecord>; units: number };
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
