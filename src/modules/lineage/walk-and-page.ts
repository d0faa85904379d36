import type { Context } from '../../context';
import { NotFoundError } from '../../errors/errors';
import { queries, type GraphTransaction, type WriteDelta } from '../../graph';
import { recordOf, type EntityRecord } from '../entities/entity.loaders';
import { extendTo, fromHeld } from './held-answer';
import { urnsOnPage, type HopStub } from './lineage-page';
import { loadEntities, madeFromWalk, primeFound, readsNothing } from './page-records';
import type { WalkCache } from './walk-cache';
import { isSigned, signatureBefore, signatureOf, unchanged, type StartRow } from './walk-signature';

/** What varies between the walks that `walkAndPage` runs (entity walks, column walks). */
export interface Walker<W extends { isPartial: boolean; partialReason: string | null }, P extends { items: { urn: string; path: HopStub[] }[] }> {
  /** The transaction's name (its metadata, the logs). */
  name: string;
  /** The root's URN. */
  urn: string;
  /** What makes two walks the same question (see walkKey); the cache key. */
  key: string;
  /** The server's walk cache for this kind of walk, or null when walks are not kept. */
  cache: WalkCache<W> | null;
  /** Checks the request against the stored root inside the transaction, before the walk (throws to refuse). */
  check?: (tx: GraphTransaction, root: EntityRecord) => Promise<void>;
  /** Walks the graph from the root inside the transaction. */
  walk: (tx: GraphTransaction, root: EntityRecord) => Promise<W>;
  /** One page of the walk's items. */
  page: (walk: W) => P;
  /**
   * Set for walks that a signature can keep on across writes (entity walks of the graph as it is
   * now): the side the walk steps out of, and the entities it reached (root first). A question
   * walked again after a write then has its walk kept with a signature, and a walk kept so under an
   * older version is kept on when its signature is unchanged (cypher/lineage/start.cypher, `$signed`).
   */
  sign?: { side: SignedSide; entities: (walk: W) => string[] };
  /**
   * The type of an entity the walk reached, when the walk knows it. An operation that selects no
   * stored property of any entity (URNs and types only: a CI gate's impact) then gets its page's
   * records made from the walk, not read: one statement fewer per question.
   */
  typeOf?: (walk: W, urn: string) => string | undefined;
  /**
   * Set for walks that the writes of this process can extend (walk-extension.ts): `walk` with what
   * `deltas` added, or undefined when it must be walked again. A kept walk whose version read saw
   * which writes of this process had committed is then extended when the writes since are all
   * this process's and only added entities and edges (WriteJournal.between), not walked again.
   */
  extend?: (walk: W, deltas: readonly WriteDelta[]) => W | undefined;
}

/** The side a walk steps out of: the start statement counts each signed entity's edges on it (`$downstream`). */
export type SignedSide = 'downstream' | 'upstream';

/**
 * Runs one lineage question the way every walk runs: in one read transaction, queued for the walk
 * limits (Graph.walk: UNAVAILABLE with Retry-After when the server is full), it reads the root and
 * the graph's version (NOT_FOUND without a root), runs `walker.check`, takes the walk from the cache
 * under that version or walks and keeps it, pages it, and reads the page's entities (items and path
 * hops) into the request's loader (made from the walk instead when the operation selects no
 * stored property and the walker knows the types: `typeOf`). Returns the walk, the page and the
 * page's records (the root among them). A walk cut by a server limit is logged as a warning.
 *
 * When a walk of the same question is kept (under whatever version), the entities of its page are
 * read with the root and the version, in the same statement, but for those the cache holds from
 * the walk's earlier pages under this request's projection: under the same version those are what
 * a read would return (WalkCache), so a question asked again with nothing written in between, or a
 * later page, is one statement that reads the root and the version alone once its entities are
 * held (outside a transaction: fromHeld). After a write the walk is walked again and only the
 * entities of the new page that the first statement did not read are read.
 *
 * A walker with `sign` keeps the walks of questions walked again with a signature (WalkSignature):
 * when this server has read a newer version than the kept walk's, the start statement also reads
 * the signature of what the kept walk reached; unchanged, the walk and its held entities are kept
 * on under the new version (no write since touched it) and nothing is walked. Else the question is
 * walked again, and the new walk (on the question's 1st, 2nd, 4th, 8th... walk since a signature
 * last kept it on) is signed with those values when they cover what it reached (read before the
 * walk, so a write during it shows as a change later), or else with values read after it together
 * with the page's entities, kept only if no write committed since the walk's start.
 */
export async function walkAndPage<W extends { isPartial: boolean; partialReason: string | null }, P extends { items: { urn: string; path: HopStub[] }[] }>(
  ctx: Context,
  walker: Walker<W, P>,
): Promise<{ walk: W; page: P; records: Map<string, EntityRecord> }> {
  const { urn, key, cache } = walker;
  const projection = ctx.scope.projection;
  const fast = await fromHeld(ctx, walker);
  if (fast && 'walk' in fast) return fast;
  const answer = await ctx.graph.walk(() =>
    ctx.graph.readTransaction(walker.name, async (tx) => {
      const entry = cache?.kept(key);
      const kept = entry?.walk;
      const keptPage = kept ? walker.page(kept) : null;
      let held = kept ? cache!.records(key, projection) : undefined;
      const bare = walker.typeOf !== undefined && readsNothing(projection);
      const guessed = keptPage && !bare ? urnsOnPage(keptPage).filter((u) => u !== urn && !held?.records.has(u)) : [];
      // A walk kept under a version older than one this server has read: what it reached is signed
      // with the start (unless fromHeld just did), to keep it on if it was signed and its signature
      // is unchanged, or else to sign the new walk with values read before it (when it will be
      // signed: see below).
      const stale = walker.sign ? entry : undefined;
      const signed =
        !fast && stale && cache!.isOlder(stale.version) && (stale.signature || isSigned(stale.rewalks + 1))
          ? (stale.signature?.urns ?? walker.sign!.entities(stale.walk))
          : undefined;
      // The version is read with no write of this process committing (WriteJournal.read), so that
      // the walk kept under it can be extended by the writes after it.
      const { value: start, seen } = await ctx.graph.journal.read(
        () => startWalk(ctx, tx, urn, guessed, signed ?? [], walker.sign?.side === 'downstream'),
        (row) => row.version,
      );
      const { version, root, read } = start;
      const before = fast ?? (signed && { urns: signed, row: start });
      let extended = false;
      if (stale?.signature && signed && version !== stale.version && unchanged(stale.signature, start)) {
        cache!.moveTo(key, stale.version, version, seen);
        held = cache!.records(key, projection); // moved with the walk
      } else if (entry && entry.version !== version && extendTo(ctx, walker, entry, version, seen)) {
        held = cache!.records(key, projection); // what the writes did not change, moved with the walk
        extended = true;
      }
      await walker.check?.(tx, root);
      let walk = cache?.get(key, version);
      // A question walked again (its kept walk out of date) is signed on its 1st, 2nd, 4th, 8th...
      // walk since a signature last kept it on: a question asked once costs no signature, one
      // whose answer keeps changing only now and then. Signed with the values read before the walk
      // when they cover what it reached, else once they are read after it, with the page's entities.
      let signing: string[] | undefined;
      let rewalks = 0;
      if (!walk) {
        walk = await walker.walk(tx, root);
        rewalks = stale ? stale.rewalks + 1 : 0;
        if (cache && walker.sign && cache.fits(walk) && isSigned(rewalks)) {
          const urns = walker.sign.entities(walk);
          const early = before && signatureBefore(before, urns);
          if (early) cache.set(key, version, walk, early, rewalks, seen);
          else signing = urns;
        } else {
          cache?.set(key, version, walk, undefined, rewalks, seen);
        }
      }
      const page = walk === kept ? keptPage! : walker.page(walk);
      const valid = (walk === kept || extended) && held?.version === version ? held.records : undefined;
      const asked = new Set(guessed);
      const onPage = urnsOnPage(page).filter((u) => u !== urn);
      const unread = onPage.filter((u) => !asked.has(u) && !valid?.has(u));
      const made = bare ? madeFromWalk(ctx, unread, (u) => walker.typeOf!(walk, u)) : undefined;
      const toRead = made ? unread.filter((u) => !made.has(u)) : unread;
      let records: Map<string, EntityRecord>;
      if (signing) {
        const downstream = walker.sign!.side === 'downstream';
        const [after] = await tx.run(queries.lineageStart, { urn, urns: toRead, fields: projection, signed: signing, downstream });
        records = primeFound(ctx, toRead, after?.entities ?? []);
        cache!.set(key, version, walk, after && signatureOf(after, version, signing), rewalks, seen);
      } else {
        records = await loadEntities(ctx, tx, toRead);
      }
      if (made) for (const [u, record] of made) records.set(u, record);
      const fresh = new Map(records);
      for (const u of onPage) {
        const record = read.get(u);
        if (record) fresh.set(u, record);
        const known = record ?? valid?.get(u);
        if (!known) continue;
        if (!record) ctx.loaders.entity.prime(u, known);
        records.set(u, known);
      }
      // The root too: read with the version, so a later request that finds the version unchanged needs no read (fromHeld).
      fresh.set(urn, root);
      cache?.hold(key, version, projection, fresh);
      records.set(urn, root);
      return { walk, page, records };
    }),
  );
  if (answer.walk.isPartial) ctx.log.warn({ urn, walk: walker.name, reason: answer.walk.partialReason }, 'lineage walk cut by a server limit');
  return answer;
}

/**
 * Reads the root, the graph's version and the entities at `urns` in one statement inside `tx`, and
 * primes the request's entity loader with the root and those entities (null for the missing ones);
 * NOT_FOUND (on `urn`) when the root does not exist. Returns the start's row (the version, and the
 * signature of `signed`, edges counted on the `downstream` side or the other), the root's record
 * and the entities of `urns` found.
 */
async function startWalk(
  ctx: Context,
  tx: GraphTransaction,
  urn: string,
  urns: string[],
  signed: string[],
  downstream: boolean,
): Promise<StartRow & { root: EntityRecord; read: Map<string, EntityRecord> }> {
  const [start] = await tx.run(queries.lineageStart, { urn, urns, fields: ctx.scope.projection, signed, downstream });
  if (!start?.urn || !start.type) throw new NotFoundError(`No entity has the URN ${urn}`, [urn], 'urn');
  const root = recordOf({ urn: start.urn, type: start.type, values: start.values }, ctx.scope.projection);
  ctx.loaders.entity.prime(urn, root);
  return { ...start, root, read: primeFound(ctx, urns, start.entities) };
}

