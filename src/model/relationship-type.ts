import { EntityType } from './entity-type';

/** Relationship types, each stored once in the direction of RELATIONSHIP_RULES. */
export enum RelationshipType {
  MEMBER_OF = 'MEMBER_OF',
  CONSUMES = 'CONSUMES',
  TRAINED_BY = 'TRAINED_BY',
  TRAINED_ON = 'TRAINED_ON',
  EVALUATED_ON = 'EVALUATED_ON',
  DEPLOYED_TO = 'DEPLOYED_TO',
  INPUT_OF = 'INPUT_OF',
  OUTPUT_OF = 'OUTPUT_OF',
  DERIVED_FROM = 'DERIVED_FROM',
  CONTAINS = 'CONTAINS',
  PART_OF = 'PART_OF',
  CHILD_OF = 'CHILD_OF',
}

const { DATASET, FEATURE, FEATURE_TABLE, MODEL_GROUP, MODEL, EXPERIMENT, TRAINING_RUN, DEPLOYMENT } = EntityType;
const R = RelationshipType;

/** The only legal (type, from, to) combinations; anything else is BAD_USER_INPUT. */
export const RELATIONSHIP_RULES: readonly { type: RelationshipType; from: EntityType; to: EntityType }[] = [
  { type: R.MEMBER_OF, from: MODEL, to: MODEL_GROUP },
  { type: R.CONSUMES, from: MODEL, to: FEATURE },
  { type: R.TRAINED_BY, from: MODEL, to: TRAINING_RUN },
  { type: R.TRAINED_ON, from: MODEL, to: DATASET },
  { type: R.EVALUATED_ON, from: MODEL, to: DATASET },
  { type: R.DEPLOYED_TO, from: MODEL, to: DEPLOYMENT },
  { type: R.INPUT_OF, from: DATASET, to: TRAINING_RUN },
  { type: R.OUTPUT_OF, from: DATASET, to: TRAINING_RUN },
  { type: R.DERIVED_FROM, from: FEATURE, to: DATASET },
  { type: R.DERIVED_FROM, from: DATASET, to: DATASET },
  { type: R.CONTAINS, from: FEATURE_TABLE, to: FEATURE },
  { type: R.PART_OF, from: TRAINING_RUN, to: EXPERIMENT },
  { type: R.CHILD_OF, from: TRAINING_RUN, to: TRAINING_RUN },
];

export function isLegalRelationship(type: RelationshipType, from: EntityType, to: EntityType): boolean {
  return RELATIONSHIP_RULES.some((r) => r.type === type && r.from === from && r.to === to);
}

/** 'out': the entity is the stored edge's start; 'in': its end. */
export type Direction = 'out' | 'in';

/**
 * A relationship seen from one entity type: a GraphQL field on that type, and (when `input` is set)
 * a field of its upsert input that replaces the set. One table for every relationship field.
 */
export interface RelationField {
  field: string;
  type: RelationshipType;
  direction: Direction;
  target: EntityType;
  /** At most one target (e.g. a run's experiment). */
  single?: boolean;
  /** Settable through the upsert input. */
  input?: boolean;
  description: string;
}

export const RELATION_FIELDS: Record<EntityType, readonly RelationField[]> = {
  [DATASET]: [
    { field: 'upstreams', type: R.DERIVED_FROM, direction: 'out', target: DATASET, input: true, description: 'Datasets this dataset is derived from.' },
    { field: 'downstreams', type: R.DERIVED_FROM, direction: 'in', target: DATASET, description: 'Datasets derived from this dataset.' },
    { field: 'derivedFeatures', type: R.DERIVED_FROM, direction: 'in', target: FEATURE, description: 'Features computed from this dataset.' },
    { field: 'inputOf', type: R.INPUT_OF, direction: 'out', target: TRAINING_RUN, description: 'Training runs that read this dataset.' },
    { field: 'outputOf', type: R.OUTPUT_OF, direction: 'out', target: TRAINING_RUN, description: 'Training runs that wrote this dataset.' },
    { field: 'trainedModels', type: R.TRAINED_ON, direction: 'in', target: MODEL, description: 'Models trained on this dataset.' },
    { field: 'evaluatedModels', type: R.EVALUATED_ON, direction: 'in', target: MODEL, description: 'Models evaluated on this dataset.' },
  ],
  [FEATURE]: [
    { field: 'sources', type: R.DERIVED_FROM, direction: 'out', target: DATASET, input: true, description: 'Datasets this feature is computed from.' },
    { field: 'featureTables', type: R.CONTAINS, direction: 'in', target: FEATURE_TABLE, description: 'Feature tables that contain this feature.' },
    { field: 'models', type: R.CONSUMES, direction: 'in', target: MODEL, description: 'Models that consume this feature.' },
  ],
  [FEATURE_TABLE]: [
    { field: 'features', type: R.CONTAINS, direction: 'out', target: FEATURE, input: true, description: 'Features in this table.' },
  ],
  [MODEL_GROUP]: [
    { field: 'models', type: R.MEMBER_OF, direction: 'in', target: MODEL, description: 'Model versions in this group.' },
  ],
  [MODEL]: [
    { field: 'groups', type: R.MEMBER_OF, direction: 'out', target: MODEL_GROUP, input: true, description: 'Model groups this version belongs to.' },
    { field: 'features', type: R.CONSUMES, direction: 'out', target: FEATURE, input: true, description: 'Features the model consumes.' },
    { field: 'trainingRuns', type: R.TRAINED_BY, direction: 'out', target: TRAINING_RUN, input: true, description: 'Runs that trained this model.' },
    { field: 'trainingDatasets', type: R.TRAINED_ON, direction: 'out', target: DATASET, input: true, description: 'Datasets the model was trained on.' },
    { field: 'evaluationDatasets', type: R.EVALUATED_ON, direction: 'out', target: DATASET, input: true, description: 'Datasets the model was evaluated on.' },
    { field: 'deployments', type: R.DEPLOYED_TO, direction: 'out', target: DEPLOYMENT, input: true, description: 'Where this model version is deployed.' },
  ],
  [EXPERIMENT]: [
    { field: 'runs', type: R.PART_OF, direction: 'in', target: TRAINING_RUN, description: 'Training runs in this experiment.' },
  ],
  [TRAINING_RUN]: [
    { field: 'inputs', type: R.INPUT_OF, direction: 'in', target: DATASET, input: true, description: 'Datasets the run read.' },
    { field: 'outputs', type: R.OUTPUT_OF, direction: 'in', target: DATASET, input: true, description: 'Datasets the run wrote.' },
    { field: 'experiment', type: R.PART_OF, direction: 'out', target: EXPERIMENT, single: true, input: true, description: 'The experiment this run belongs to.' },
    { field: 'parentRun', type: R.CHILD_OF, direction: 'out', target: TRAINING_RUN, single: true, input: true, description: 'The parent run (e.g. the sweep of a trial).' },
    { field: 'childRuns', type: R.CHILD_OF, direction: 'in', target: TRAINING_RUN, description: 'Child runs (e.g. the trials of a sweep).' },
    { field: 'models', type: R.TRAINED_BY, direction: 'in', target: MODEL, description: 'Models this run trained.' },
  ],
  [DEPLOYMENT]: [
    { field: 'models', type: R.DEPLOYED_TO, direction: 'in', target: MODEL, description: 'Model versions served by this deployment.' },
  ],
};
