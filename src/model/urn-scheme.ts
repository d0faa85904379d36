import { Env } from './env';

/**
 * MLSpec: names start with a letter or digit; `,` `(` `)` would break the URN. Control and format
 * characters (NUL, ESC, U+202E right-to-left override, zero-width spaces: Unicode Cc and Cf),
 * lone surrogates and line or paragraph separators are refused too: they hide or disguise text,
 * so two URNs that look the same could name different entities.
 */
export const NAME_PATTERN = /^[A-Za-z0-9][^,()\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]*$/u;
export const NAME_MESSAGE = 'must start with a letter or digit and contain no , ( ), control or format characters';
/** Platforms, namespaces and ids are URN parts: no separators or spaces (ASCII only, so always NFC). */
export const KEY_PART_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:\-/@]*$/;
export const KEY_PART_MESSAGE = 'must start with a letter or digit and use only letters, digits and _ . : - / @';
export const NFC_MESSAGE = 'must be in Unicode normalization form C (NFC), e.g. "é" as one character rather than "e" and U+0301';

/**
 * Why `value` cannot be the URN key field `field` ("name", or a key part such as "platform"), or
 * null. Text that is not in NFC is refused rather than normalized: the URN a client computes from
 * the name it sent must be the URN stored, and "café" in two normal forms must not make two URNs.
 */
export function keyFieldProblem(field: string, value: string, kind: 'name' | 'part' = field === 'name' ? 'name' : 'part'): string | null {
  const name = kind === 'name';
  if (!(name ? NAME_PATTERN : KEY_PART_PATTERN).test(value)) return `${field} ${name ? NAME_MESSAGE : KEY_PART_MESSAGE}`;
  if (value.normalize('NFC') !== value) return `${field} ${NFC_MESSAGE}`;
  return null;
}

/**
 * One part of a URN's key, named by the input field (and stored property) that holds it:
 * - `platform`: a data platform, written `urn:li:dataPlatform:{value}` (DataHub's platform URN);
 * - `name`: a name (NAME_PATTERN);
 * - `part`: any other key part, e.g. an id or a namespace (KEY_PART_PATTERN);
 * - `env`: DataHub's fabric (Env), PROD when the input names none;
 * - `urn`: the URN of another entity of kind `of`, embedded whole, as DataHub's dataJob embeds
 *   its dataFlow: `urn:li:dataJob:(urn:li:dataFlow:(airflow,etl,prod),extract)`.
 */
export type KeySlot =
  | { field: string; kind: 'platform' | 'name' | 'part' | 'env' }
  | { field: string; kind: 'urn'; of: string };

/** How the URNs of one kind of entity are written: `urn:li:<entity>:<key>`. */
export interface UrnScheme {
  /** DataHub's entity name, e.g. "dataset" in `urn:li:dataset:(...)`. */
  entity: string;
  /** The key's parts in URN order; one part is written bare, several as a `(a,b,c)` tuple. */
  key: readonly KeySlot[];
  /** The whole key as one regular expression, when no part is an embedded URN (the fast path). */
  pattern?: RegExp;
}

/** Any run of characters but the URN separators `,` `(` `)`: what DataHub allows in a key part. */
const PLAIN = /^[^,()]+$/;
const PLATFORM_PREFIX = 'urn:li:dataPlatform:';
const ENVS: ReadonlySet<string> = new Set(Object.values(Env));
const ENV_GROUP = `(${[...ENVS].join('|')})`;

export const platformKey = (field = 'platform'): KeySlot => ({ field, kind: 'platform' });
export const nameKey = (field = 'name'): KeySlot => ({ field, kind: 'name' });
export const partKey = (field: string): KeySlot => ({ field, kind: 'part' });
export const envKey = (field = 'env'): KeySlot => ({ field, kind: 'env' });
export const urnKey = (field: string, of: string): KeySlot => ({ field, kind: 'urn', of });

/** A URN scheme: `urn:li:${entity}:` followed by the key parts in this order. */
export function urnScheme(entity: string, ...key: KeySlot[]): UrnScheme {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(entity) || key.length === 0) throw new Error(`bad URN scheme ${entity}`);
  if (key.some((slot) => slot.kind === 'urn')) return { entity, key };
  const parts = key.map((slot) => (slot.kind === 'platform' ? PLATFORM_PREFIX : '') + (slot.kind === 'env' ? ENV_GROUP : '([^,()]+)'));
  return { entity, key, pattern: new RegExp(`^${parts.length === 1 ? parts[0] : `\\(${parts.join(',')}\\)`}$`) };
}

/** Reads an embedded URN: its entity type, or null when it is not a URN mlgraph knows. */
export type NestedUrnReader = (urn: string) => { type: string } | null;

/** Writes the URN of `scheme` for `key`, whose values the caller has checked (see checkKeyInput). */
export function formatUrn(scheme: UrnScheme, key: Readonly<Record<string, string>>): string {
  const parts = scheme.key.map((slot) => (slot.kind === 'platform' ? PLATFORM_PREFIX : '') + key[slot.field]);
  return `urn:li:${scheme.entity}:${parts.length === 1 ? parts[0] : `(${parts.join(',')})`}`;
}

/** The DataHub entity name of a URN (`dataset` of `urn:li:dataset:(...)`) and the rest, or null. */
export function splitUrn(urn: string): { entity: string; key: string } | null {
  const colon = urn.startsWith('urn:li:') ? urn.indexOf(':', 7) : -1;
  return colon > 7 ? { entity: urn.slice(7, colon), key: urn.slice(colon + 1) } : null;
}

/**
 * Reads the key of a URN of `scheme` (its entity name already matched): the value of each key
 * field, or null when the key has the wrong shape or a part is not what its slot allows.
 * Embedded URNs are read with `nested`.
 */
export function parseKey(scheme: UrnScheme, key: string, nested: NestedUrnReader): Record<string, string> | null {
  if (scheme.pattern) {
    const m = scheme.pattern.exec(key);
    if (!m) return null;
    const out: Record<string, string> = {};
    for (let i = 0; i < scheme.key.length; i++) out[scheme.key[i].field] = m[i + 1];
    return out;
  }
  const parts = splitTuple(key, scheme.key.length);
  if (!parts) return null;
  const out: Record<string, string> = {};
  for (const [i, slot] of scheme.key.entries()) {
    const value = readPart(slot, parts[i], nested);
    if (value === null) return null;
    out[slot.field] = value;
  }
  return out;
}

function readPart(slot: KeySlot, text: string, nested: NestedUrnReader): string | null {
  switch (slot.kind) {
    case 'platform':
      return text.startsWith(PLATFORM_PREFIX) && PLAIN.test(text.slice(PLATFORM_PREFIX.length)) ? text.slice(PLATFORM_PREFIX.length) : null;
    case 'env':
      return ENVS.has(text) ? text : null;
    case 'urn':
      return nested(text)?.type === slot.of ? text : null;
    default:
      return PLAIN.test(text) ? text : null;
  }
}

/**
 * Splits `(a,b,c)` into its `arity` parts at the commas outside nested parentheses (an embedded URN
 * keeps its own); a key of one part is taken whole. Null when the shape does not fit.
 */
function splitTuple(key: string, arity: number): string[] | null {
  if (arity === 1) return [key];
  if (!key.startsWith('(') || !key.endsWith(')')) return null;
  const parts: string[] = [];
  let depth = 0;
  let start = 1;
  for (let i = 1; i < key.length - 1; i++) {
    const c = key[i];
    if (c === '(') depth++;
    else if (c === ')' && --depth < 0) return null;
    else if (c === ',' && depth === 0) {
      parts.push(key.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(key.slice(start, -1));
  return depth === 0 && parts.length === arity ? parts : null;
}

/**
 * Checks an input's value for one key slot (env already defaulted): the reason it cannot be part
 * of a URN, prefixed with the field name, or null when it can.
 */
export function checkKeyInput(slot: KeySlot, value: unknown, nested: NestedUrnReader): string | null {
  if (typeof value !== 'string' || value.length === 0) return `${slot.field} is required`;
  switch (slot.kind) {
    case 'name':
      return keyFieldProblem(slot.field, value, 'name');
    case 'env':
      return null; // the input type is the Env enum
    case 'urn':
      return nested(value)?.type === slot.of ? null : `${slot.field} must be the URN of a ${slot.of}`;
    default:
      return keyFieldProblem(slot.field, value, 'part');
  }
}

/** The shape of a scheme's URNs for people, e.g. `urn:li:dataset:(urn:li:dataPlatform:<platform>,<name>,<env>)`. */
export function urnTemplate(scheme: UrnScheme): string {
  const parts = scheme.key.map((slot) => (slot.kind === 'platform' ? PLATFORM_PREFIX : '') + `<${slot.field}>`);
  return `urn:li:${scheme.entity}:${parts.length === 1 ? parts[0] : `(${parts.join(',')})`}`;
}

/**
 * Why `key` is not the key of a URN of `scheme` (the entity name already matched), naming the part
 * that is wrong and what it should be; null when it is one. The words of {@link parseKey}'s null.
 */
export function keyProblem(scheme: UrnScheme, key: string, nested: NestedUrnReader): string | null {
  const parts = splitTuple(key, scheme.key.length);
  if (!parts) {
    return scheme.key.length === 1
      ? 'its key is empty'
      : `its key must be ${scheme.key.length} parts in parentheses, separated by commas: (${scheme.key.map((s) => `<${s.field}>`).join(',')})`;
  }
  for (const [i, slot] of scheme.key.entries()) {
    if (readPart(slot, parts[i], nested) !== null) continue;
    const got = JSON.stringify(parts[i]);
    switch (slot.kind) {
      case 'platform':
        return `its ${slot.field} part is ${got}: it must be ${PLATFORM_PREFIX}<${slot.field}>`;
      case 'env':
        return `its ${slot.field} part is ${got}: it must be one of DataHub's fabrics, ${[...ENVS].join(', ')} (upper case)`;
      case 'urn':
        return `its ${slot.field} part is ${got}: it must be the URN of a ${slot.of}`;
      default:
        return `its ${slot.field} part is ${got}: it must not be empty or contain , ( or )`;
    }
  }
  return null;
}
