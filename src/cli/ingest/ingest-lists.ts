import { FORMER_INGEST_LISTS, INGEST_LISTS, type EntityType } from '../urn';

export { INGEST_LISTS };

/** The list of single edges. */
export const LINKS = 'links';

/** The entity type of each entity list (the deprecated names of older releases too, e.g. trainingRuns). */
export const LIST_TYPES: ReadonlyMap<string, EntityType> = new Map([
  ...(Object.entries(INGEST_LISTS) as [EntityType, string][]).map(([type, list]) => [list, type] as const),
  ...Object.entries(FORMER_INGEST_LISTS),
]);

/**
 * The server's per-call limits (MAX_INGEST_ENTITIES, MAX_INGEST_LINKS in
 * src/modules/ingest/ingest-batch.input.ts; a contract test keeps them equal). Larger files are split.
 */
export const SERVER_LIMITS = { entities: 10_000, links: 20_000 } as const;
