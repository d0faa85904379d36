import neo4j from 'neo4j-driver';
import { malformedTextError } from '../errors/errors';

/**
 * Turns a value read from Neo4j into plain JavaScript: integers to numbers (the driver is set to
 * lossy integers, which covers counts and epochs), temporal values to `Date`, lists and maps
 * recursively. Nodes and relationships are not expected: queries return named columns or maps.
 * A list or map with nothing to convert is returned as the driver made it, not copied: the entity
 * reads send only text, floats and lists, and copying a page's rows was a good part of its garbage.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v = value[i];
      const plain = toPlain(v);
      if (out) out.push(plain);
      else if (plain !== v) (out = value.slice(0, i)).push(plain);
    }
    return out ?? value;
  }
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  // Stored times carry an offset (fromStandardDate), which converts without printing and parsing.
  if (neo4j.isDateTime(value) && value.timeZoneOffsetSeconds != null) return value.toStandardDate();
  if (neo4j.isDateTime(value) || neo4j.isLocalDateTime(value) || neo4j.isDate(value)) {
    return new Date((value as { toString(): string }).toString());
  }
  const map = value as Record<string, unknown>;
  let out: Record<string, unknown> | undefined;
  for (const k in map) {
    const v = map[k];
    const plain = toPlain(v);
    if (!out && plain !== v) out = { ...map };
    if (out) out[k] = plain;
  }
  return out ?? map;
}

/** One decoded row: its columns by name (but `without`, when given). */
export function decodeRecord<R>(record: { keys: readonly PropertyKey[]; get(key: PropertyKey): unknown }, without?: string): R {
  const row: Record<string, unknown> = {};
  for (const key of record.keys) if (key !== without) row[String(key)] = toPlain(record.get(key));
  return row as R;
}

/** The decoded rows of `records`, in order, without those `decode` leaves out (undefined). */
export function decodeAll<R, T>(records: readonly T[], decode: (record: T) => R | undefined): R[] {
  const rows: R[] = [];
  for (const record of records) {
    const row = decode(record);
    if (row !== undefined) rows.push(row);
  }
  return rows;
}

/**
 * Prepares parameters for Neo4j: `Date` becomes a Neo4j DateTime (so stored times compare as
 * instants), recursively through lists and plain objects; text that is not well-formed Unicode is
 * refused with BAD_USER_INPUT. Integers that must be integers (LIMIT,
 * SKIP) are passed as `int()` by the caller.
 */
export function toNeo4j(value: unknown): unknown {
  // Bolt sends UTF-8: text with an unpaired surrogate would be stored changed, so it never goes.
  if (typeof value === 'string' && !value.isWellFormed()) throw malformedTextError('');
  if (value instanceof Date) return neo4j.types.DateTime.fromStandardDate(value);
  if (Array.isArray(value)) return value.map(toNeo4j);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toNeo4j(v);
    return out;
  }
  return value;
}
