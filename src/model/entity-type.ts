/** The kinds of entity mlgraph stores; each is one Neo4j label next to the shared `:Entity` label. */
export enum EntityType {
  DATASET = 'DATASET',
  FEATURE = 'FEATURE',
  FEATURE_TABLE = 'FEATURE_TABLE',
  MODEL_GROUP = 'MODEL_GROUP',
  MODEL = 'MODEL',
  EXPERIMENT = 'EXPERIMENT',
  TRAINING_RUN = 'TRAINING_RUN',
  DEPLOYMENT = 'DEPLOYMENT',
}

/**
 * DataHub's fabric type (`FabricType`, all 17 of its values): the environment an entity belongs to.
 * PRD, TST and SBX are DataHub's alternative spellings of PROD, TEST and SANDBOX; like DataHub,
 * mlgraph keeps them apart (they make different URNs).
 */
export enum Env {
  DEV = 'DEV',
  TEST = 'TEST',
  QA = 'QA',
  UAT = 'UAT',
  EI = 'EI',
  PRE = 'PRE',
  STG = 'STG',
  NON_PROD = 'NON_PROD',
  PROD = 'PROD',
  CORP = 'CORP',
  RVW = 'RVW',
  PRD = 'PRD',
  TST = 'TST',
  SIT = 'SIT',
  SBX = 'SBX',
  SANDBOX = 'SANDBOX',
  CERT = 'CERT',
}

/** Lifecycle of an entity. There is no hard delete: ARCHIVED hides an entity from lists and walks. */
export enum Status {
  ACTIVE = 'ACTIVE',
  DEPRECATED = 'DEPRECATED',
  ARCHIVED = 'ARCHIVED',
}

export const DEFAULT_ENV = Env.PROD;
/** What lists, searches and lineage walks include unless asked otherwise. */
export const DEFAULT_STATUSES: readonly Status[] = [Status.ACTIVE, Status.DEPRECATED];

export const ENTITY_TYPES = Object.values(EntityType);
