import type { FieldSpec } from './entity-kind';
import type { EntityType } from './entity-type';
import { writableFields } from './entity-fields';

/** A stored property value: what reaches Neo4j (Dates become DateTime at the graph boundary). */
export type StoredValue = string | number | boolean | Date | string[] | null;

/**
 * Encodes the fields present in `input` for storage. Fields absent from the input (undefined) are
 * left out, so an upsert leaves them alone; an explicit null clears the field.
 */
export function encodeFields(type: EntityType, input: Record<string, unknown>): Record<string, StoredValue> {
  const out: Record<string, StoredValue> = {};
  for (const spec of writableFields(type)) {
    const v = input[spec.name];
    if (v === undefined) continue;
    out[spec.name] = v === null ? null : encodeValue(spec, v);
  }
  return out;
}

function encodeValue(spec: FieldSpec, v: unknown): StoredValue {
  switch (spec.kind) {
    case 'json':
    case 'jsonList':
      return canonicalJson(v);
    case 'datetime':
      return v instanceof Date ? v : new Date(String(v));
    case 'strings':
      return (v as string[]).map(String);
    default:
      return v as StoredValue;
  }
}

/** JSON with object keys sorted, so equal values always encode to equal text (and compare equal). */
export function canonicalJson(v: unknown): string {
  return JSON.stringify(sortKeys(v));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    // class-validator input objects carry prototypes; copy own enumerable fields only
    return Object.fromEntries(
      Object.keys(v as object)
        .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
        .sort()
        .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}

/** Equality of two stored values (Dates by instant, lists element-wise). */
export function sameStored(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i]);
  }
  return (a ?? null) === (b ?? null);
}

/**
 * Decodes stored node properties into the shape the GraphQL types read: JSON fields parsed, the
 * rest as stored. Unknown properties are kept (they are harmless and may be read later).
 */
export function decodeEntity(props: Record<string, unknown>): Record<string, unknown> {
  const type = props.type as EntityType;
  const out: Record<string, unknown> = { ...props };
  for (const spec of writableFields(type)) {
    const v = props[spec.name];
    if ((spec.kind === 'json' || spec.kind === 'jsonList') && typeof v === 'string') out[spec.name] = JSON.parse(v);
    else if ((spec.kind === 'jsonList' || spec.kind === 'strings') && (v === null || v === undefined)) out[spec.name] = [];
  }
  return out;
}
