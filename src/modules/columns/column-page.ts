import type { EntityType } from '../../model/entity-type';
import { decodeCursor, encodeCursor, type HopStub, type ItemStub, type LineagePage, type PageOptions } from '../lineage/lineage-page';
import { compare } from '../lineage/lineage-walk';
import { Precision, type ColumnHop, type ColumnNode, type ColumnWalk } from './column-walk';

/** A reached entity as a column walk reports it: with its precision, or not at all (see reportedAs). */
export interface ColumnReached {
  node: ColumnNode;
  precision: Precision;
  path: HopStub[];
}

/**
 * How a column walk reports `n`: COLUMN when a proven path reached it (a run only once something
 * it writes or trains was reached through it), DATASET when only a path with an unmapped hop did,
 * null when neither (a run whose consumers do not depend on the columns).
 */
export function reportedAs(n: ColumnNode): Precision | null {
  if (n.carried && n.proven && n.tentative !== true) return Precision.COLUMN;
  return n.fallback ? Precision.DATASET : null;
}

/** The reported path to `urn`, root first: the proven hops of a COLUMN item, the fallback hop of a DATASET one. */
export function columnPathTo(walk: ColumnWalk, urn: string): HopStub[] {
  const hops: HopStub[] = [];
  for (let at = urn; at !== walk.root; ) {
    const n = walk.nodes.get(at)!;
    const hop: ColumnHop = reportedAs(n) === Precision.COLUMN ? n.proven! : n.fallback!;
    hops.push({ from: hop.from, to: hop.to, relationship: hop.relationship, precision: hop.precision, links: hop.links });
    if (hops.length > walk.nodes.size) throw new Error(`column lineage parents of ${urn} form a loop`);
    at = hop.from;
  }
  return hops.reverse();
}

/** Every reported entity of a column walk, ordered by degree (its path's length), then URN. */
export function columnItems(walk: ColumnWalk, types?: readonly EntityType[] | null): (ColumnReached & { degree: number })[] {
  const wanted = types?.length ? new Set(types) : null;
  const out: (ColumnReached & { degree: number })[] = [];
  for (const node of walk.nodes.values()) {
    const precision = reportedAs(node);
    if (!precision || (wanted && !wanted.has(node.type))) continue;
    const path = columnPathTo(walk, node.urn);
    out.push({ node, precision, path, degree: path.length });
  }
  return out.sort((a, b) => a.degree - b.degree || compare(a.node.urn, b.node.urn));
}

/** The columns of a reported dataset: sorted field paths, null when every column counts or it is not a dataset. */
export function columnsOf(r: ColumnReached): string[] | null {
  if (r.precision !== Precision.COLUMN || !r.node.carried || r.node.carried === 'WHOLE') return null;
  const fields = r.node.carried.get(r.node.urn);
  return !fields || fields === 'ALL' ? null : [...fields].sort(compare);
}

/** One page of a column walk, as pageOf pages an entity walk (same cursors), with counts by precision too. */
export function columnPageOf(walk: ColumnWalk, options: PageOptions): LineagePage & { countsByPrecision: { type: EntityType; precision: Precision; count: number }[] } {
  const matching = columnItems(walk, options.types);
  let start = 0;
  if (options.after) {
    const key = decodeCursor(options.after);
    while (start < matching.length && (matching[start].degree < key.degree || (matching[start].degree === key.degree && compare(matching[start].node.urn, key.urn) <= 0))) start++;
  }
  const slice = matching.slice(start, start + options.first);
  const items: ItemStub[] = slice.map((r) => ({
    urn: r.node.urn,
    type: r.node.type,
    degree: r.degree,
    path: r.path,
    cursor: encodeCursor({ degree: r.degree, urn: r.node.urn }),
    precision: r.precision,
    columns: columnsOf(r),
  }));
  const counts = new Map<EntityType, number>();
  const byPrecision = new Map<string, { type: EntityType; precision: Precision; count: number }>();
  for (const r of matching) {
    counts.set(r.node.type, (counts.get(r.node.type) ?? 0) + 1);
    const k = `${r.node.type}|${r.precision}`;
    const c = byPrecision.get(k) ?? byPrecision.set(k, { type: r.node.type, precision: r.precision, count: 0 }).get(k)!;
    c.count++;
  }
  return {
    items,
    total: matching.length,
    countsByType: [...counts].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count || compare(a.type, b.type)),
    countsByPrecision: [...byPrecision.values()].sort((a, b) => compare(a.type, b.type) || compare(a.precision, b.precision)),
    pageInfo: { hasNextPage: start + slice.length < matching.length, endCursor: items.at(-1)?.cursor ?? null },
  };
}
