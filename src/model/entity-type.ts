import { KINDS } from '../kinds';
import type { EntityKind } from './entity-kind';

/** The kinds of entity mlgraph stores: one per declaration in src/kinds/, each one Neo4j label. */
export type EntityType = (typeof KINDS)[number]['type'];
/**
 * The EntityType values by name. At run time it also holds the values older releases used for a
 * kind (FORMER_TYPES), so that GraphQL and validation accept them as deprecated names; the
 * TypeScript type does not, and `currentTypes` maps them before anything else sees them.
 */
export const EntityType = Object.freeze(
  Object.fromEntries([...KINDS.map((k) => [k.type, k.type]), ...KINDS.flatMap((k: EntityKind) => (k.formerly ? [[k.formerly.type, k.formerly.type]] : []))]),
) as {
  readonly [T in EntityType]: T;
};

/** Each EntityType value of an older release, with the kind it names now and why it changed. */
export const FORMER_TYPES: ReadonlyMap<string, { type: EntityType; reason: string }> = new Map(
  KINDS.flatMap((k: EntityKind) => (k.formerly ? [[k.formerly.type, { type: k.type as EntityType, reason: k.formerly.reason }] as const] : [])),
);

/** `types` (from a client) with former names replaced by the current ones, each once; null stays null. */
export function currentTypes(types: readonly string[] | null | undefined): EntityType[] | null | undefined {
  if (!types) return types as null | undefined;
  return [...new Set(types.map((t) => FORMER_TYPES.get(t)?.type ?? (t as EntityType)))];
}

/** Every EntityType, in the order of the declarations. */
export const ENTITY_TYPES: EntityType[] = KINDS.map((k) => k.type);

/** A table with one row per entity type, computed from each declaration. */
export function perType<V>(row: (kind: EntityKind) => V): Record<EntityType, V> {
  return Object.fromEntries(KINDS.map((k) => [k.type, row(k)])) as Record<EntityType, V>;
}

const BY_TYPE: ReadonlyMap<string, EntityKind> = uniqueBy(KINDS, 'type');
uniqueBy(KINDS, 'label');
uniqueBy(KINDS, 'ingestList');
uniqueBy(
  KINDS.map((k) => k.urn),
  'entity',
);

/** The declaration of `type`; throws for a type no declaration names. */
export function kindOf(type: EntityType | string): EntityKind {
  const kind = BY_TYPE.get(type);
  if (!kind) throw new Error(`no kind of entity is declared as ${type}`);
  return kind;
}

/** Lifecycle of an entity. There is no hard delete: ARCHIVED hides an entity from lists and walks. */
export enum Status {
  ACTIVE = 'ACTIVE',
  DEPRECATED = 'DEPRECATED',
  ARCHIVED = 'ARCHIVED',
}

/** What lists, searches and lineage walks include unless asked otherwise. */
export const DEFAULT_STATUSES: readonly Status[] = [Status.ACTIVE, Status.DEPRECATED];

/** Indexes `items` by `key`, refusing a value two declarations share. */
function uniqueBy<T, K extends keyof T>(items: readonly T[], key: K): Map<T[K], T> {
  const seen = new Map<T[K], T>();
  for (const item of items) {
    if (seen.has(item[key])) throw new Error(`two kinds of entity declare the ${String(key)} ${String(item[key])}`);
    seen.set(item[key], item);
  }
  return seen;
}
