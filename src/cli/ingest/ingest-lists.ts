import { EntityType } from '../urn';

/**
 * Which list of an ingest batch (IngestBatchInput) holds which entity type. The server has the same
 * table; test/contract/cli-ingest-lists.test.ts keeps the two equal, and the Record type makes the
 * compiler ask for a row when an entity type is added.
 */
export const INGEST_LISTS: Record<EntityType, string> = {
  [EntityType.DATASET]: 'datasets',
  [EntityType.FEATURE]: 'features',
  [EntityType.FEATURE_TABLE]: 'featureTables',
  [EntityType.MODEL_GROUP]: 'modelGroups',
  [EntityType.MODEL]: 'models',
  [EntityType.EXPERIMENT]: 'experiments',
  [EntityType.TRAINING_RUN]: 'trainingRuns',
  [EntityType.DEPLOYMENT]: 'deployments',
};

/** The list of single edges. */
export const LINKS = 'links';

/** The entity type of each entity list. */
export const LIST_TYPES: ReadonlyMap<string, EntityType> = new Map(
  (Object.entries(INGEST_LISTS) as [EntityType, string][]).map(([type, list]) => [list, type]),
);

/**
 * The server's per-call limits (MAX_INGEST_ENTITIES, MAX_INGEST_LINKS in
 * src/modules/ingest/ingest-batch.input.ts; a contract test keeps them equal). Larger files are split.
 */
export const SERVER_LIMITS = { entities: 10_000, links: 20_000 } as const;
