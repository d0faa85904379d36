import type { Context } from '../../context';
import { queries, type WriteDelta } from '../../graph';
import { recordOf, type EntityRecord } from '../entities/entity.loaders';
import { urnsOnPage, type HopStub } from './lineage-page';
import { madeFromWalk, readsNothing } from './page-records';
import type { Walker } from './walk-and-page';
import { unchanged, type SignedBefore } from './walk-signature';

// A lineage question answered from the walk a server keeps and the records held with it, with
// no statement of its own or one auto-commit read, kept on across writes by its signature or
// extended by this server's own writes (src/modules/lineage/walk-and-page.ts runs the rest).

/**
 * The answer from the cache alone when it holds the kept walk's page and every entity on it under
 * the request's projection (and no check must run in the walk's transaction): the root and the
 * graph's version in one auto-commit read (a transaction's BEGIN and COMMIT cost Neo4j and the
 * server more than the statement), outside the walk queue since nothing is walked. When the version
 * moved, the kept walk is still the answer if its signature (read with the root) is unchanged, and
 * it becomes the answer once extended by the writes since when those are all this process's and
 * only added entities and edges (walk-extension.ts): the page's new entities are then made from the
 * walk when the operation selects no stored property of them, else read in the walk's transaction.
 * Undefined when something is not held or the walk cannot be kept on: the question then runs as
 * every walk does, with the signature read here (SignedBefore) when there is one.
 */
export async function fromHeld<W extends { isPartial: boolean; partialReason: string | null }, P extends { items: { urn: string; path: HopStub[] }[] }>(
  ctx: Context,
  walker: Walker<W, P>,
): Promise<{ walk: W; page: P; records: Map<string, EntityRecord> } | SignedBefore | undefined> {
  const { urn, key, cache } = walker;
  if (!cache || walker.check) return undefined;
  const entry = cache.kept(key);
  const kept = entry?.walk;
  const held = kept && cache.records(key, ctx.scope.projection);
  if (!entry || !kept || !held) return undefined;
  const signed = walker.sign ? entry.signature : undefined;
  const extendable = walker.extend !== undefined && entry.seen !== undefined;
  const older = cache.isOlder(held.version);
  if (older && !signed && !extendable) return undefined;
  const bare = walker.typeOf !== undefined && readsNothing(ctx.scope.projection);
  // Held records only grow while they are held: a page found whole in them once stays whole.
  const page = walker.page(kept);
  if (!bare && !pageRecords.get(held.records)?.has(page) && !urnsOnPage(page).every((u) => u === urn || held.records.has(u))) return undefined;
  // The graph's version as this request reads it (shared with the requests that ask in the same
  // turn: Graph.sharedVersion) says whether the kept walk and the entities held with it, its root
  // among them, are still the answer, or can be extended to it. No statement of the question's own.
  const shared = (!older || (extendable && !signed)) && held.records.has(urn) && ctx.graph.sharedVersion();
  if (shared) {
    let version = await shared;
    cache.saw(version);
    if (version !== held.version) {
      // Moved: extended to it when a version read that waited for this process's commits saw it,
      // else to the version such a read gives now.
      if (!extendable) return undefined;
      let seen = ctx.graph.journal.seenAt(version);
      if (seen === undefined) {
        ({ version, seen } = await ctx.graph.walkVersion());
        cache.saw(version);
      }
      if (version !== held.version && !extendTo(ctx, walker, entry, version, seen)) return undefined;
    }
    return heldAnswer(ctx, walker, version);
  }
  const { value: [start], seen } = await ctx.graph.readVersioned(
    queries.lineageStart,
    { urn, urns: [], fields: ctx.scope.projection, signed: older && signed ? signed.urns : [], downstream: walker.sign?.side === 'downstream' },
    (rows) => rows[0]?.version,
  );
  if (!start?.urn || !start.type) return undefined;
  cache.saw(start.version);
  if (start.version !== held.version) {
    if (older && signed && unchanged(signed, start)) cache.moveTo(key, held.version, start.version, seen);
    else if (!extendTo(ctx, walker, entry, start.version, seen)) return older && signed ? { urns: signed.urns, row: start } : undefined;
  }
  return heldAnswer(ctx, walker, start.version, recordOf({ urn: start.urn, type: start.type, values: start.values }, ctx.scope.projection));
}

/**
 * Extends the walk kept for the walker's question (`entry`, under an older version) to `version`,
 * read with `seen` of this process's writes seen, when the writes since can be followed
 * (WriteJournal.between, walker.extend); whether it did.
 */
export function extendTo<W extends { isPartial: boolean; partialReason: string | null }, P extends { items: { urn: string; path: HopStub[] }[] }>(
  ctx: Context,
  walker: Walker<W, P>,
  entry: { walk: W; version: number; seen?: number },
  version: number,
  seen: number | undefined,
): boolean {
  if (!walker.extend || entry.seen === undefined || seen === undefined || version <= entry.version) return false;
  const deltas = ctx.graph.journal.between(entry.seen, seen, version - entry.version);
  const grown = deltas && walker.extend(entry.walk, deltas);
  if (!grown) return false;
  walker.cache!.advance(walker.key, entry.version, version, grown, seen, writtenBy(deltas));
  return true;
}

/**
 * The answer from the walk kept under `version` and the records held with it (the root's: `root`
 * when read just now), or undefined when the walk is no longer kept under it or a record of its
 * page is not held: made from the walk, when the operation selects no stored property.
 */
function heldAnswer<W extends { isPartial: boolean; partialReason: string | null }, P extends { items: { urn: string; path: HopStub[] }[] }>(
  ctx: Context,
  walker: Walker<W, P>,
  version: number,
  root?: EntityRecord,
): { walk: W; page: P; records: Map<string, EntityRecord> } | undefined {
  const { urn, key, cache } = walker;
  const projection = ctx.scope.projection;
  const walk = cache!.get(key, version);
  const held = walk && cache!.records(key, projection);
  if (!walk || !held || held.version !== version) return undefined;
  const page = walker.page(walk);
  if (!pageRecords.get(held.records)?.has(page)) {
    const missing = urnsOnPage(page).filter((u) => u !== urn && !held.records.has(u));
    if (missing.length) {
      if (!walker.typeOf || !readsNothing(projection)) return undefined;
      const made = madeFromWalk(ctx, missing, (u) => walker.typeOf!(walk, u));
      if (made.size !== missing.length) return undefined;
      cache!.hold(key, version, projection, made);
    }
  }
  const rootRecord = root ?? held.records.get(urn);
  if (!rootRecord) return undefined;
  if (root) cache!.hold(key, version, projection, new Map([[urn, root]]));
  ctx.loaders.entity.prime(urn, rootRecord);
  return { walk, page, records: recordsOfPage(held.records, page, urn, rootRecord) };
}

/**
 * The records of a kept page's entities (all in `held`) and its root. The page's fields
 * read its entities from them (lineage.service.ts, heldEntity); the loader, which other fields read
 * through, reads them again if asked. One map per kept page and held records: the same question
 * asked again gets the same map, and so the same answer objects (answerOf). Its root is the one
 * read first: under the same version it is unchanged.
 */
function recordsOfPage(held: ReadonlyMap<string, EntityRecord>, page: { items: { urn: string; path: HopStub[] }[] }, urn: string, root: EntityRecord): Map<string, EntityRecord> {
  const byPage = pageRecords.get(held) ?? pageRecords.set(held, new WeakMap()).get(held)!;
  let records = byPage.get(page);
  if (!records) {
    records = new Map(urnsOnPage(page).map((u) => [u, held.get(u)!]));
    records.set(urn, root);
    byPage.set(page, records);
  }
  return records;
}

const pageRecords = new WeakMap<ReadonlyMap<string, EntityRecord>, WeakMap<object, Map<string, EntityRecord>>>();

/** Every entity the writes changed (their records held with a walk are out of date). */
function writtenBy(deltas: readonly WriteDelta[]): string[] {
  const urns: string[] = [];
  for (const d of deltas) for (const urn of d.written) urns.push(urn);
  return urns;
}
