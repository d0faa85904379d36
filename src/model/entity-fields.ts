import type { FieldSpec } from './entity-kind';
import { perType, type EntityType } from './entity-type';
import { urnSchemeOf } from './urn';

/** Fields every entity has and that its upsert input may set. */
export const COMMON_FIELDS: readonly FieldSpec[] = [
  { name: 'name', kind: 'string' },
  { name: 'description', kind: 'string' },
  { name: 'tags', kind: 'strings' },
  { name: 'owners', kind: 'jsonList' },
  { name: 'customProperties', kind: 'jsonList' },
  { name: 'externalUrl', kind: 'string' },
];

/** Type-specific fields an upsert input may set, from each kind's declaration. */
export const TYPE_FIELDS: Record<EntityType, readonly FieldSpec[]> = perType((k) =>
  Object.entries(k.fields).map(([name, kind]) => ({ name, kind })),
);

/** Stored properties computed from other fields (kept out of history). */
export const DERIVED_FIELDS: ReadonlySet<string> = new Set(['ownerIds']);

/** Labels, one per entity type (literal Neo4j labels; the shared one is `Entity`). */
export const ENTITY_LABELS: Record<EntityType, string> = perType((k) => k.label);

/** All fields an input of `type` may write, common first. */
export function writableFields(type: EntityType): readonly FieldSpec[] {
  return [...COMMON_FIELDS, ...TYPE_FIELDS[type]];
}

/** The key fields of `type` (its URN's parts), stored as text so lists can filter by them. */
export function keyFields(type: EntityType): readonly FieldSpec[] {
  return urnSchemeOf(type).key.map((slot) => ({ name: slot.field, kind: 'string' as const }));
}
