import { KINDS } from '../kinds';
import { kindOf, type EntityType } from './entity-type';
import { formatUrn, parseKey, splitUrn, type UrnScheme } from './urn-scheme';

/** The key fields that make an entity's URN (DataHub's URN scheme), by field name. */
export type UrnKey = Readonly<Record<string, string>>;

const BY_ENTITY = new Map<string, EntityType>(KINDS.map((k) => [k.urn.entity, k.type]));

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
  const type = split && BY_ENTITY.get(split.entity);
  if (!type) return null;
  const key = parseKey(urnSchemeOf(type), split.key, parseUrn);
  return key && { type, key };
}

