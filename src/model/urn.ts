import { KINDS } from '../kinds';
import { kindOf, type EntityType } from './entity-type';
import { formatUrn, keyProblem, parseKey, splitUrn, urnTemplate, type UrnScheme } from './urn-scheme';

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

/** The entity type a URN names by its entity part (its key not checked); null when none. */
export function entityTypeOfUrn(urn: string): EntityType | null {
  const split = splitUrn(urn);
  return (split && BY_ENTITY.get(split.entity)?.type) ?? null;
}

/** Parses a URN of any entity type; null when it is not one mlgraph knows. */
export function parseUrn(urn: string): ParsedUrn | null {
  const split = splitUrn(urn);
  const kind = split && BY_ENTITY.get(split.entity);
  if (!kind) return null;
  const key = parseKey(kind.scheme, split.key, parseUrn);
  return key && { type: kind.type, key };
}


const EXAMPLE = 'urn:li:dataset:(urn:li:dataPlatform:snowflake,analytics.sessions,PROD)';

/** How the URNs of `type` are written, e.g. `urn:li:mlFeature:(<namespace>,<name>)`. */
export function urnFormatOf(type: EntityType): string {
  return urnTemplate(urnSchemeOf(type));
}

/**
 * Why `urn` is not the URN of an entity mlgraph can store, in words for the person who sent it: the
 * expected format and the part that is wrong. Null when {@link parseUrn} reads it.
 */
export function urnProblem(urn: string): string | null {
  if (parseUrn(urn)) return null;
  const split = splitUrn(urn);
  const shown = JSON.stringify(urn.length > 200 ? `${urn.slice(0, 200)}...` : urn);
  if (!split) return `${shown} is not a URN: mlgraph's URNs are urn:li:<entity>:<key>, e.g. ${EXAMPLE}`;
  const kind = BY_ENTITY.get(split.entity);
  if (!kind) {
    return `${shown} is not a URN mlgraph stores: its entity "${split.entity}" is none of ${[...BY_ENTITY.keys()].join(', ')}`;
  }
  const why = keyProblem(kind.scheme, split.key, parseUrn) ?? 'its key does not fit';
  return `${shown} is not a valid ${kind.type} URN (${urnTemplate(kind.scheme)}): ${why}`;
}
