import { EntityType } from './entity-type';

/**
 * How a field is stored on the node: scalars and string lists as Neo4j properties (so they can be
 * filtered and indexed), nested structures (metrics, hyperparameters, framework...) as JSON text.
 */
/** 'jsonList' is a JSON array that reads as [] when unset; 'strings' likewise. */
export type FieldKind = 'string' | 'int' | 'float' | 'datetime' | 'strings' | 'json' | 'jsonList';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
}

/** Fields every entity has and that its upsert input may set. */
export const COMMON_FIELDS: readonly FieldSpec[] = [
  { name: 'name', kind: 'string' },
  { name: 'description', kind: 'string' },
  { name: 'tags', kind: 'strings' },
  { name: 'owners', kind: 'jsonList' },
  { name: 'customProperties', kind: 'jsonList' },
  { name: 'externalUrl', kind: 'string' },
];

/** Key fields (the URN's parts), stored so lists can filter by them. */
export const KEY_FIELDS: readonly FieldSpec[] = [
  { name: 'platform', kind: 'string' },
  { name: 'env', kind: 'string' },
  { name: 'namespace', kind: 'string' },
  { name: 'id', kind: 'string' },
];

/** Type-specific fields an upsert input may set, one row per entity type. */
export const TYPE_FIELDS: Record<EntityType, readonly FieldSpec[]> = {
  [EntityType.DATASET]: [
    { name: 'uri', kind: 'string' },
    { name: 'version', kind: 'string' },
    { name: 'format', kind: 'string' },
    { name: 'schemaFields', kind: 'jsonList' },
  ],
  [EntityType.FEATURE]: [
    { name: 'dataType', kind: 'string' },
    { name: 'featureAlgorithm', kind: 'string' },
    { name: 'version', kind: 'string' },
  ],
  [EntityType.FEATURE_TABLE]: [{ name: 'primaryKeys', kind: 'strings' }],
  [EntityType.MODEL_GROUP]: [],
  [EntityType.MODEL]: [
    { name: 'version', kind: 'string' },
    { name: 'modelType', kind: 'string' },
    { name: 'framework', kind: 'json' },
    { name: 'hyperParams', kind: 'jsonList' },
    { name: 'trainingMetrics', kind: 'jsonList' },
    { name: 'onlineMetrics', kind: 'jsonList' },
    { name: 'intendedUse', kind: 'json' },
    { name: 'ethicalConsiderations', kind: 'string' },
    { name: 'caveats', kind: 'string' },
    { name: 'sourceCode', kind: 'jsonList' },
    { name: 'artifactUri', kind: 'string' },
    { name: 'dockerImage', kind: 'string' },
    { name: 'endpointUrl', kind: 'string' },
    { name: 'license', kind: 'string' },
  ],
  [EntityType.EXPERIMENT]: [],
  [EntityType.TRAINING_RUN]: [
    { name: 'startedAt', kind: 'datetime' },
    { name: 'endedAt', kind: 'datetime' },
    { name: 'runStatus', kind: 'string' },
    { name: 'hyperParams', kind: 'jsonList' },
    { name: 'metrics', kind: 'jsonList' },
    { name: 'codeRepository', kind: 'string' },
    { name: 'codeCommit', kind: 'string' },
    { name: 'dockerImage', kind: 'string' },
  ],
  [EntityType.DEPLOYMENT]: [
    { name: 'deploymentStatus', kind: 'string' },
    { name: 'endpointUrl', kind: 'string' },
    { name: 'version', kind: 'string' },
  ],
};

/** Stored properties computed from other fields (kept out of history). */
export const DERIVED_FIELDS: ReadonlySet<string> = new Set(['ownerIds']);

/** Labels, one per entity type (literal Neo4j labels; the shared one is `Entity`). */
export const ENTITY_LABELS: Record<EntityType, string> = {
  [EntityType.DATASET]: 'Dataset',
  [EntityType.FEATURE]: 'Feature',
  [EntityType.FEATURE_TABLE]: 'FeatureTable',
  [EntityType.MODEL_GROUP]: 'ModelGroup',
  [EntityType.MODEL]: 'Model',
  [EntityType.EXPERIMENT]: 'Experiment',
  [EntityType.TRAINING_RUN]: 'TrainingRun',
  [EntityType.DEPLOYMENT]: 'Deployment',
};

/** All fields an input of `type` may write, common first. */
export function writableFields(type: EntityType): readonly FieldSpec[] {
  return [...COMMON_FIELDS, ...TYPE_FIELDS[type]];
}
