import { KINDS } from '../kinds';
import { kindOf, type EntityType } from './entity-type';
import { formatUrn, parseKey, splitUrn, type UrnScheme } from './urn-scheme';

/** The key fields that make an entity's URN (DataHub's URN scheme), by field name. */
export type UrnKey = Readonly<Record<string, string>>;

const BY_ENTITY = new Map<string, { type: EntityType; scheme: UrnScheme }>(KINDS.map((k) => [k.urn.entity, { type: k.type, scheme: k.urn }]));

/** The URN scheme of `type`, from its declaration. */
export function urnSchemeOf(type: EntityType): UrnScheme {
  return kindOf(type).urn;
}

/** Builds the URN of `type` from its key fields (which the caller has validated). */
export function buildUrn(type: EntityType, key: UrnKey): string {
  return formatUrn(urnSchemeOf(type), key);
}

export interface ParsedUrn {
  type: EntityType;
  key: UrnKey;
}

/** Parses a URN of any entity type; null when it is not one mlgraph knows. */
export function parseUrn(urn: string): ParsedUrn | null {
  const split = splitUrn(urn);
  const kind = split && BY_ENTITY.get(split.entity);
  if (!kind) return null;
  const key = parseKey(kind.scheme, split.key, parseUrn);
  return key && { type: kind.type, key };
}

