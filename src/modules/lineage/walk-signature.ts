import type { queries } from '../../graph';
import type { RowOf } from '../../graph/query';
import type { WalkSignature } from './walk-cache';

// How a kept walk is signed and its signature checked (src/modules/lineage/walk-and-page.ts,
// cypher/lineage/start.cypher: `$signed`).

/** Whether a question's walk number `rewalks` since a signature last kept it on is signed: the 1st, 2nd, 4th, 8th... */
export function isSigned(rewalks: number): boolean {
  return rewalks > 0 && (rewalks & (rewalks - 1)) === 0;
}

export type StartRow = Pick<RowOf<typeof queries.lineageStart>, 'version' | 'statusVersion' | 'signature'>;

/** A signature read before a walk: of `urns` (what the kept walk reached, root first), in `row`. */
export interface SignedBefore {
  urns: string[];
  row: StartRow;
}

/**
 * The signature of a walk made under `version`, from the start statement run right after it in
 * the same transaction with `urns` (what it reached, root first) as `$signed`. Undefined when a
 * write committed since the walk's start (the version read after the signature moved): the walk
 * may then hold some of that write and not the rest, so it is kept under its version alone.
 */
export function signatureOf(after: StartRow & { versionAfter: number }, version: number, urns: string[]): WalkSignature | undefined {
  if (after.versionAfter !== version || after.signature.length !== urns.length) return undefined;
  const values = new Float64Array(urns.length * 2);
  for (const [i, revision, edges] of after.signature) {
    values[i * 2] = revision;
    values[i * 2 + 1] = edges;
  }
  return { statusVersion: after.statusVersion, urns, values };
}

/**
 * The signature of a walk made after the signature in `before` was read (of what the walk kept
 * before it reached, root first), from those values, when they cover everything in `urns` (what
 * the new walk reached, root first); else undefined. Values read before the walk are what it saw
 * or older: a write between them and the walk's reads shows later as a changed signature, and the
 * question is walked again, never answered stale.
 */
export function signatureBefore(before: SignedBefore, urns: string[]): WalkSignature | undefined {
  const { row } = before;
  if (row.signature.length !== before.urns.length) return undefined;
  const index = new Map(before.urns.map((u, i) => [u, i]));
  const rows: (readonly number[])[] = new Array(before.urns.length);
  for (const r of row.signature) rows[r[0]] = r;
  const values = new Float64Array(urns.length * 2);
  for (let j = 0; j < urns.length; j++) {
    const i = index.get(urns[j]);
    const r = i === undefined ? undefined : rows[i];
    if (!r || r[1] < 0) return undefined;
    values[j * 2] = r[1];
    values[j * 2 + 1] = r[2];
  }
  return { statusVersion: row.statusVersion, urns, values };
}

/** Whether the signature read with `start` (for `kept.urns`) is `kept`'s: no write since changed the walk. */
export function unchanged(kept: WalkSignature, start: StartRow): boolean {
  if (start.statusVersion !== kept.statusVersion || start.signature.length !== kept.urns.length) return false;
  return start.signature.every(([i, revision, edges]) => kept.values[i * 2] === revision && kept.values[i * 2 + 1] === edges);
}
