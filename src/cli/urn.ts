// The CLI builds and reads URNs with the server's own declarations of the kinds of entity (no copy,
// so the two can never disagree). The declarations (src/kinds/*/*.spec.ts) and src/model/ import
// their GraphQL classes lazily, so this pulls in no server machinery.
import { KINDS } from '../kinds';
import type { EntityKind } from '../model/entity-kind';
import { perType, type EntityType } from '../model/entity-type';
import { urnSchemeOf } from '../model/urn';

export { DEFAULT_ENV, Env } from '../model/env';
export { currentTypes, ENTITY_TYPES, EntityType } from '../model/entity-type';
export { buildUrn, parseUrn, type ParsedUrn, type UrnKey } from '../model/urn';

/** The input fields that make the URN of `type`, in URN order (`env` among them where it has one). */
export function urnKeyFields(type: EntityType): string[] {
  return urnSchemeOf(type).key.map((slot) => slot.field);
}

/** Which list of an ingest batch (IngestBatchInput) holds which entity type, from the declarations. */
export const INGEST_LISTS: Record<EntityType, string> = perType((kind) => kind.ingestList);

/** The ingest lists an older release named kinds by (e.g. trainingRuns), still taken (deprecated), with their type now. */
export const FORMER_INGEST_LISTS: Readonly<Record<string, EntityType>> = Object.fromEntries(
  KINDS.flatMap((kind: EntityKind) => (kind.formerly ? [[kind.formerly.ingestList, kind.type as EntityType]] : [])),
);
