import { Env, EntityType } from './entity-type';

/** The key fields that make an entity's URN (DataHub's URN scheme). */
export interface UrnKey {
  platform?: string;
  name?: string;
  env?: Env;
  namespace?: string;
  id?: string;
}

interface UrnSpec {
  /** Key fields in URN order. */
  keys: readonly (keyof UrnKey)[];
  build(k: Required<UrnKey>): string;
  pattern: RegExp;
}

const PART = '([^,()]+)';
const ENV = `(${Object.values(Env).join('|')})`;

/** One row per entity type: how its URN is built from its key and parsed back. */
export const URN_SPECS: Record<EntityType, UrnSpec> = {
  [EntityType.DATASET]: {
    keys: ['platform', 'name', 'env'],
    build: (k) => `urn:li:dataset:(urn:li:dataPlatform:${k.platform},${k.name},${k.env})`,
    pattern: new RegExp(`^urn:li:dataset:\\(urn:li:dataPlatform:${PART},${PART},${ENV}\\)$`),
  },
  [EntityType.FEATURE]: {
    keys: ['namespace', 'name'],
    build: (k) => `urn:li:mlFeature:(${k.namespace},${k.name})`,
    pattern: new RegExp(`^urn:li:mlFeature:\\(${PART},${PART}\\)$`),
  },
  [EntityType.FEATURE_TABLE]: {
    keys: ['platform', 'name'],
    build: (k) => `urn:li:mlFeatureTable:(urn:li:dataPlatform:${k.platform},${k.name})`,
    pattern: new RegExp(`^urn:li:mlFeatureTable:\\(urn:li:dataPlatform:${PART},${PART}\\)$`),
  },
  [EntityType.MODEL_GROUP]: {
    keys: ['platform', 'name', 'env'],
    build: (k) => `urn:li:mlModelGroup:(urn:li:dataPlatform:${k.platform},${k.name},${k.env})`,
    pattern: new RegExp(`^urn:li:mlModelGroup:\\(urn:li:dataPlatform:${PART},${PART},${ENV}\\)$`),
  },
  [EntityType.MODEL]: {
    keys: ['platform', 'name', 'env'],
    build: (k) => `urn:li:mlModel:(urn:li:dataPlatform:${k.platform},${k.name},${k.env})`,
    pattern: new RegExp(`^urn:li:mlModel:\\(urn:li:dataPlatform:${PART},${PART},${ENV}\\)$`),
  },
  [EntityType.EXPERIMENT]: {
    keys: ['id'],
    build: (k) => `urn:li:container:${k.id}`,
    pattern: /^urn:li:container:([^,()]+)$/,
  },
  [EntityType.TRAINING_RUN]: {
    keys: ['id'],
    build: (k) => `urn:li:dataProcessInstance:${k.id}`,
    pattern: /^urn:li:dataProcessInstance:([^,()]+)$/,
  },
  [EntityType.DEPLOYMENT]: {
    keys: ['platform', 'name', 'env'],
    build: (k) => `urn:li:mlModelDeployment:(urn:li:dataPlatform:${k.platform},${k.name},${k.env})`,
    pattern: new RegExp(`^urn:li:mlModelDeployment:\\(urn:li:dataPlatform:${PART},${PART},${ENV}\\)$`),
  },
};

/** Builds the URN of `type` from its key fields (which the caller has validated). */
export function buildUrn(type: EntityType, key: UrnKey): string {
  return URN_SPECS[type].build(key as Required<UrnKey>);
}

export interface ParsedUrn {
  type: EntityType;
  key: UrnKey;
}

/** Parses a URN of any entity type; null when it is not one mlgraph knows. */
export function parseUrn(urn: string): ParsedUrn | null {
  for (const type of Object.values(EntityType)) {
    const spec = URN_SPECS[type];
    const m = spec.pattern.exec(urn);
    if (m) {
      const key: UrnKey = {};
      spec.keys.forEach((k, i) => ((key as Record<string, string>)[k] = m[i + 1]));
      return { type, key };
    }
  }
  return null;
}
