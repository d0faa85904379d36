import { BadUserInputError } from '../../errors/errors';

/** Which list a cursor belongs to; a cursor of one list is rejected by the others. */
export type CursorKind = 'entities' | 'search' | 'history';

type Part = string | number;

/**
 * Encodes a position in a list as an opaque string (base64url of a small JSON array). Clients must
 * treat it as opaque; its content may change between versions.
 */
export function encodeCursor(kind: CursorKind, parts: readonly Part[]): string {
  return Buffer.from(JSON.stringify([kind, ...parts]), 'utf8').toString('base64url');
}

/**
 * Decodes a cursor made by {@link encodeCursor} for `kind`, checking each part against `shape`
 * ('s' string, 'n' non-negative integer). Anything else, including a cursor of another list, is
 * BAD_USER_INPUT on `field`.
 */
export function decodeCursor(kind: CursorKind, cursor: string, shape: string, field = 'after'): Part[] {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = null;
  }
  const ok =
    Array.isArray(decoded) &&
    decoded.length === shape.length + 1 &&
    decoded[0] === kind &&
    [...shape].every((s, i) => {
      const v = decoded[i + 1];
      return s === 's' ? typeof v === 'string' : Number.isSafeInteger(v) && v >= 0;
    });
  if (!ok) throw new BadUserInputError(`${field} is not a cursor of this list`, field);
  return (decoded as Part[]).slice(1);
}
