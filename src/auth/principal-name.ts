/**
 * Names the server itself shows for callers without a token or for its own work, or could print
 * for a missing one. A token's principal is recorded as createdBy/updatedBy and in history, so a
 * token named like one of these would pass its changes off as the server's or an anonymous caller's.
 */
export const RESERVED_PRINCIPALS: readonly string[] = ['anonymous', 'system', 'mlgraph', 'unknown', 'none', 'null', 'undefined'];

const PRINCIPAL = /^[A-Za-z0-9][\w.@-]{0,254}$/;

/** Why `name` cannot be a token's principal (1-255 ASCII letters, digits, _ . @ -; not reserved), or null. */
export function principalProblem(name: string): string | null {
  if (!PRINCIPAL.test(name)) return 'principal must be 1-255 letters, digits, _ . @ or -, starting with a letter or digit';
  if (RESERVED_PRINCIPALS.includes(name.toLowerCase())) return `principal "${name}" is reserved (${RESERVED_PRINCIPALS.join(', ')})`;
  return null;
}
