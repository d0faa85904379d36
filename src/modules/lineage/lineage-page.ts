import { BadUserInputError } from '../../errors/errors';
import type { EntityType } from '../../model/entity-type';
import type { RelationshipType } from '../../model/relationship-type';
import type { LineageDirection } from './lineage-steps';
import type { Precision } from '../columns/column-walk';
import type { HopLink } from '../columns/column-step';
import { compare, type Reached, type Walk } from './lineage-walk';

/** One step of a path, in walk order: `from` is one step closer to the root than `to`. */
export interface HopStub {
  from: string;
  to: string;
  relationship: RelationshipType;
  /** Column walks: whether the hop is proven at column level, and the column edges that prove it. */
  precision?: Precision;
  links?: HopLink[];
  /** How the walk went and the instant it looked at, to find the stored edge (set by the service). */
  walked?: { direction: LineageDirection; asOf: Date | null };
  /** The page's entities as the service read them (set by the service), so hops resolve without a promise each. */
  records?: PageRecords;
}

/** The entities of one page by URN, read in the walk's transaction. */
export type PageRecords = ReadonlyMap<string, Record<string, unknown> & { urn: string; type: string }>;

/** A lineage item before hydration: the loaders turn its URNs into entities. */
export interface ItemStub {
  urn: string;
  type: EntityType;
  degree: number;
  path: HopStub[];
  cursor: string;
  /** Column walks: how the item was reached, and its affected (or contributing) columns when a dataset. */
  precision?: Precision;
  columns?: string[] | null;
  /** See HopStub.records. */
  records?: PageRecords;
}

export interface LineagePage {
  items: ItemStub[];
  /** Items matching the type filter, on all pages. */
  total: number;
  countsByType: { type: EntityType; count: number }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export interface PageOptions {
  /** Only these types are returned (all are walked); empty or absent: every type. */
  types?: readonly EntityType[] | null;
  first: number;
  after?: string | null;
}

/**
 * Pages through a walk's items ordered by degree, then urn. `after` is the opaque cursor of the
 * last item seen; paging is by key, so a page boundary stays put even if the graph changed in
 * between. Each item carries one shortest path from the root, hops in walk order.
 */
export function pageOf(walk: Walk, options: PageOptions): LineagePage {
  const id = `${typesId(options.types)}|${options.first}|${options.after ?? ''}`;
  const pages = keptPages.get(walk) ?? keptPages.set(walk, { items: 0, byId: new Map() }).get(walk)!;
  const known = pages.byId.get(id);
  const page = known && known.size === walk.reached.size ? known.page : makePage(walk, options);
  if (known) {
    pages.byId.delete(id);
    pages.items -= known.page.items.length;
  }
  pages.byId.set(id, { size: walk.reached.size, page });
  pages.items += page.items.length;
  // The most recently asked pages of a walk, as many items in all as the walk reached (a client
  // paging through the whole answer finds every page kept), and at least the last one asked.
  for (const [oldest, kept] of pages.byId) {
    if (pages.items <= walk.reached.size || oldest === id) break;
    pages.byId.delete(oldest);
    pages.items -= kept.page.items.length;
  }
  return page;
}

// The same question asked again under an unchanged graph asks a kept walk for the same page: its
// items, paths and cursors are made once and handed out again (nothing changes them), so the
// answers built on them can be kept too (lineage.service.ts, answerOf). Bounded by the walk: its
// kept pages hold at most as many items as it reached, which the walk cache bounds in all.
const keptPages = new WeakMap<Walk, { items: number; byId: Map<string, { size: number; page: LineagePage }> }>();

function typesId(types: readonly EntityType[] | null | undefined): string {
  return types?.length ? [...new Set(types)].sort().join(',') : '';
}

function makePage(walk: Walk, options: PageOptions): LineagePage {
  const { matching, countsByType } = ordered(walk, options.types);
  let start = 0;
  if (options.after) {
    // The first item after the cursor's key (items are in key order).
    const key = decodeCursor(options.after);
    for (let end = matching.length; start < end; ) {
      const mid = (start + end) >>> 1;
      if (before(matching[mid], key)) start = mid + 1;
      else end = mid;
    }
  }
  const slice = matching.slice(start, start + options.first);
  const items = slice.map((r) => ({ urn: r.urn, type: r.type, degree: r.degree, path: pathTo(walk, r.urn), cursor: encodeCursor(r) }));
  return {
    items,
    total: matching.length,
    countsByType: countsByType.map((c) => ({ ...c })),
    pageInfo: { hasNextPage: start + slice.length < matching.length, endCursor: items.at(-1)?.cursor ?? null },
  };
}

interface Ordered {
  /** Size of walk.reached when ordered (a walk is complete, and never changes, once paged). */
  size: number;
  matching: Reached[];
  countsByType: { type: EntityType; count: number }[];
}

// A kept walk is paged again and again (every page of a question, and the same question until the
// next write): its items of a type filter are ordered and counted once, not on every page.
const orderedWalks = new WeakMap<Walk, Map<string, Ordered>>();

/** The walk's items of `types` (all when empty) ordered by degree, then urn, and their counts by type. */
function ordered(walk: Walk, types: readonly EntityType[] | null | undefined): Ordered {
  const id = typesId(types);
  const byTypes = orderedWalks.get(walk) ?? orderedWalks.set(walk, new Map()).get(walk)!;
  const known = byTypes.get(id);
  if (known && known.size === walk.reached.size) return known;
  const wanted = types?.length ? new Set(types) : null;
  const matching = [...walk.reached.values()].filter((r) => !wanted || wanted.has(r.type));
  // walk.reached is filled level by level in urn order; sorting again keeps this function honest.
  matching.sort((a, b) => a.degree - b.degree || compare(a.urn, b.urn));
  const counts = new Map<EntityType, number>();
  for (const r of matching) counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
  const countsByType = [...counts].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count || compare(a.type, b.type));
  const result = { size: walk.reached.size, matching, countsByType };
  byTypes.set(id, result);
  return result;
}

/** The hops of the walk's shortest path from its root to `urn`, root first. [] for the root. */
export function pathTo(walk: Walk, urn: string): HopStub[] {
  const hops: HopStub[] = [];
  for (let at = walk.reached.get(urn); at; at = walk.reached.get(at.from)) {
    hops.push({ from: at.from, to: at.urn, relationship: at.relationship });
    if (hops.length > walk.reached.size) throw new Error(`lineage parents of ${urn} form a loop`);
  }
  return hops.reverse();
}

/** Every URN a page shows: its items and the ends of their hops (to hydrate in one batch). */
export function urnsOnPage(page: { items: { urn: string; path: HopStub[] }[] }): readonly string[] {
  // A kept page is asked again and again (walk-and-page.ts) and never changes once made.
  let known = onPages.get(page);
  if (!known) {
    const urns = new Set<string>();
    for (const item of page.items) {
      urns.add(item.urn);
      for (const hop of item.path) urns.add(hop.from).add(hop.to);
    }
    onPages.set(page, (known = [...urns]));
  }
  return known;
}

const onPages = new WeakMap<object, readonly string[]>();

interface CursorKey {
  degree: number;
  urn: string;
}

/** The opaque cursor of an item at (degree, urn); decodeCursor reads it. */
export function encodeCursor(r: Pick<Reached, 'degree' | 'urn'>): string {
  return Buffer.from(JSON.stringify([r.degree, r.urn]), 'utf8').toString('base64url');
}

/** Reads a cursor from `pageOf`; BAD_USER_INPUT on anything else. */
export function decodeCursor(cursor: string): CursorKey {
  try {
    const [degree, urn] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (Number.isInteger(degree) && typeof urn === 'string') return { degree: degree as number, urn };
  } catch {
    // reported below
  }
  throw new BadUserInputError('after is not a cursor returned by this query', 'after');
}

function before(r: Reached, key: CursorKey): boolean {
  return r.degree < key.degree || (r.degree === key.degree && compare(r.urn, key.urn) <= 0);
}
