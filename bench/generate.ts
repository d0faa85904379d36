import { EntityType } from '../src/model/entity-type';
import { buildUrn } from '../src/model/urn';

/** One upsert input for the ingest path (`toEntityWrite(type, input)`). */
export interface GeneratedEntity {
  type: EntityType;
  input: Record<string, unknown>;
}

/** Deterministic PRNG (mulberry32), so a size always generates the same graph. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Shares of the node count per kind; the rest are model versions. */
export const SHARES = {
  rawDatasets: 0.03,
  derivedDatasets: 0.09,
  features: 0.3,
  featureTables: 0.01,
  modelGroups: 0.015,
  experiments: 0.01,
  trainingRuns: 0.2,
  /** Of the runs: how many also write a dataset (predictions, embeddings). */
  runOutputs: 0.15,
  deployments: 0.04,
};

const ds = (platform: string, name: string) => buildUrn(EntityType.DATASET, { platform, name, env: 'PROD' as never });

/** How many entities of each kind a graph has, and how many features a model consumes. */
export interface GraphShape {
  rawDatasets: number;
  derivedDatasets: number;
  features: number;
  featureTables: number;
  modelGroups: number;
  experiments: number;
  trainingRuns: number;
  deployments: number;
  /** Model versions; absent: whatever is left of `nodes` after the other kinds. */
  models?: number;
  /** Features per model version, [min, max]. */
  modelFeatures: [number, number];
  /** Give entities the descriptions, owners, tags, metrics and hyperparameters real ones carry. */
  rich?: boolean;
}

/** The shape of a graph of about `nodes` entities, by SHARES (what bench:load generates). */
export function shapeOf(nodes: number): GraphShape {
  const count = (share: number) => Math.max(1, Math.round(nodes * share));
  return {
    rawDatasets: count(SHARES.rawDatasets),
    derivedDatasets: count(SHARES.derivedDatasets),
    features: count(SHARES.features),
    featureTables: count(SHARES.featureTables),
    modelGroups: count(SHARES.modelGroups),
    experiments: count(SHARES.experiments),
    trainingRuns: count(SHARES.trainingRuns),
    deployments: count(SHARES.deployments),
    modelFeatures: [3, 10],
  };
}

/**
 * A realistic synthetic ML lineage graph of about `nodes` entities (or of `shape`), in an order the ingest path
 * accepts (everything an entity references comes before it or in the same batch): raw datasets ->
 * derived datasets (1-3 upstreams) -> features (1-2 sources) and feature tables (10-30 features) ->
 * training runs (1-4 input datasets, an experiment, some with a parent run and an output dataset) ->
 * deployments -> model versions (a group, 3-10 features, the run, 1-2 training and 1 evaluation
 * datasets, some deployed). References prefer early (popular) entities, which gives the heavy
 * fan-in of real platforms: a few raw datasets feed most of the graph.
 */
export function* mlGraph(nodes: number, prefix: string, seed = 42, shape: GraphShape = shapeOf(nodes)): Generator<GeneratedEntity> {
  const r = rng(seed);
  const rich = shape.rich ? richFields : () => ({});
  /** An index in [0, n) skewed towards 0: popular entities are referenced much more often. */
  const popular = (n: number, skew = 3) => Math.floor(n * Math.pow(r(), skew));
  const between = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const pickSome = (pool: string[], k: number, skew = 3) => {
    const out = new Set<string>();
    for (let tries = 0; out.size < Math.min(k, pool.length) && tries < k * 10; tries++) out.add(pool[popular(pool.length, skew)]);
    return [...out];
  };

  const datasets: string[] = [];
  const nRaw = shape.rawDatasets;
  for (let i = 0; i < nRaw; i++) {
    const platform = i % 3 === 0 ? 'kafka' : 's3';
    const name = `${prefix}.raw.events_${i}`;
    datasets.push(ds(platform, name));
    yield { type: EntityType.DATASET, input: { platform, name, uri: `s3://lake/${prefix}/raw/${i}`, format: 'parquet', ...rich('dataset', i) } };
  }
  for (let i = 0; i < shape.derivedDatasets; i++) {
    const platform = i % 2 === 0 ? 'snowflake' : 'bigquery';
    const name = `${prefix}.analytics.table_${i}`;
    const upstreams = pickSome(datasets, between(1, 3));
    datasets.push(ds(platform, name));
    yield { type: EntityType.DATASET, input: { platform, name, upstreams, ...rich('dataset', i) } };
  }

  const features: string[] = [];
  const nFeatures = shape.features;
  for (let i = 0; i < nFeatures; i++) {
    const namespace = `${prefix}_fs${i % 50}`;
    const name = `feature_${i}`;
    features.push(buildUrn(EntityType.FEATURE, { namespace, name }));
    yield { type: EntityType.FEATURE, input: { namespace, name, dataType: 'CONTINUOUS', sources: pickSome(datasets, between(1, 2), 2), ...rich('feature', i) } };
  }
  for (let i = 0; i < shape.featureTables; i++) {
    const start = Math.floor(r() * nFeatures);
    const size = between(10, 30);
    const tableFeatures = Array.from({ length: size }, (_, k) => features[(start + k) % nFeatures]);
    yield { type: EntityType.FEATURE_TABLE, input: { platform: 'feast', name: `${prefix}.table_${i}`, features: tableFeatures } };
  }

  const groups: string[] = [];
  for (let i = 0; i < shape.modelGroups; i++) {
    const name = `${prefix}.model_${i}`;
    groups.push(buildUrn(EntityType.MODEL_GROUP, { platform: 'mlflow', name, env: 'PROD' as never }));
    yield { type: EntityType.MODEL_GROUP, input: { platform: 'mlflow', name, ...rich('group', i) } };
  }
  const experiments: string[] = [];
  for (let i = 0; i < shape.experiments; i++) {
    const id = `${prefix}-exp-${i}`;
    experiments.push(buildUrn(EntityType.EXPERIMENT, { id }));
    yield { type: EntityType.EXPERIMENT, input: { id, name: `experiment ${i}` } };
  }

  const runs: { urn: string; inputs: string[] }[] = [];
  for (let i = 0; i < shape.trainingRuns; i++) {
    const id = `${prefix}-run-${i}`;
    const inputs = pickSome(datasets, between(1, 4));
    const input: Record<string, unknown> = { id, name: `run ${i}`, runType: 'TRAINING', inputs, experiment: experiments[popular(experiments.length, 1.5)], runStatus: 'SUCCEEDED', ...rich('run', i) };
    if (runs.length && r() < 0.1) input.parentRun = runs[runs.length - 1 - Math.floor(r() * Math.min(runs.length, 20))].urn;
    if (r() < SHARES.runOutputs) {
      const name = `${prefix}.predictions.run_${i}`;
      const out = ds('s3', name);
      yield { type: EntityType.DATASET, input: { platform: 's3', name } };
      datasets.push(out);
      input.outputs = [out];
    }
    runs.push({ urn: buildUrn(EntityType.RUN, { id }), inputs });
    yield { type: EntityType.RUN, input };
  }

  const deployments: string[] = [];
  for (let i = 0; i < shape.deployments; i++) {
    const name = `${prefix}.endpoint_${i}`;
    deployments.push(buildUrn(EntityType.DEPLOYMENT, { platform: 'sagemaker', name, env: 'PROD' as never }));
    yield { type: EntityType.DEPLOYMENT, input: { platform: 'sagemaker', name, deploymentStatus: 'IN_SERVICE' } };
  }

  const emitted = nRaw + shape.derivedDatasets + nFeatures + shape.featureTables + groups.length + experiments.length;
  const nModels = shape.models ?? Math.max(1, nodes - emitted - runs.length - (datasets.length - nRaw - shape.derivedDatasets) - deployments.length);
  for (let i = 0; i < nModels; i++) {
    const run = runs[Math.floor(r() * runs.length)];
    const group = groups[Math.floor(r() * groups.length)];
    const input: Record<string, unknown> = {
      platform: 'mlflow',
      name: `${prefix}.model_version_${i}`,
      version: String(1 + (i % 20)),
      groups: [group],
      features: pickSome(features, between(...shape.modelFeatures), 2),
      trainingRuns: [run.urn],
      trainingDatasets: run.inputs.slice(0, 2),
      evaluationDatasets: [datasets[popular(datasets.length, 2)]],
      ...rich('model', i),
    };
    if (r() < 0.15) input.deployments = [deployments[popular(deployments.length, 1.5)]];
    yield { type: EntityType.MODEL, input };
  }
}

/**
 * A diamond lattice: a root dataset, then `depth` layers of `width` datasets, each derived from
 * every dataset of the layer before, then one model trained on the last layer. There are
 * width^depth distinct paths from the root to the model, over only width*depth+2 nodes.
 */
export function* diamondLattice(width: number, depth: number, prefix: string): Generator<GeneratedEntity> {
  const root = `${prefix}.lattice_root`;
  yield { type: EntityType.DATASET, input: { platform: 'hive', name: root } };
  let previous = [ds('hive', root)];
  for (let layer = 1; layer <= depth; layer++) {
    const current: string[] = [];
    for (let j = 0; j < width; j++) {
      const name = `${prefix}.lattice_${layer}_${j}`;
      current.push(ds('hive', name));
      yield { type: EntityType.DATASET, input: { platform: 'hive', name, upstreams: previous } };
    }
    previous = current;
  }
  yield { type: EntityType.MODEL, input: { platform: 'mlflow', name: `${prefix}.lattice_model`, trainingDatasets: previous } };
}

/** URN of the root dataset of `diamondLattice(_, _, prefix)`. */
export const latticeRoot = (prefix: string) => ds('hive', `${prefix}.lattice_root`);

/**
 * What real entities carry besides their links (descriptions, owners, tags, custom properties and,
 * by kind, metrics, hyperparameters, frameworks, columns), derived from the index alone so that the
 * random draws of the graph stay the same with or without it.
 */
function richFields(kind: 'dataset' | 'feature' | 'group' | 'run' | 'model', i: number): Record<string, unknown> {
  const common = {
    description: `${kind} ${i}: maintained by the ${['risk', 'growth', 'search', 'fraud'][i % 4]} team. Refreshed daily; see the runbook before changing its schema.`,
    tags: ['ml', ['gold', 'silver', 'bronze'][i % 3], ...(i % 5 === 0 ? ['pii'] : [])],
    owners: [{ id: `team-${i % 12}`, type: 'TECHNICAL_OWNER' }, { id: `user${i % 97}@example.com`, type: 'BUSINESS_OWNER' }],
    customProperties: [{ key: 'cost_center', value: `cc-${i % 30}` }, { key: 'tier', value: String(1 + (i % 3)) }],
    externalUrl: `https://tracking.example.com/${kind}/${i}`,
  };
  const named = (names: string[], seed: number) => names.map((name, k) => ({ name, value: ((seed * 7 + k * 13) % 1000 / 1000).toFixed(3) }));
  switch (kind) {
    case 'dataset':
      return { ...common, schemaFields: Array.from({ length: 8 }, (_, k) => ({ name: `col_${k}`, type: k % 2 ? 'STRING' : 'DOUBLE', description: `column ${k}` })) };
    case 'run':
      return { ...common, hyperParams: named(['learning_rate', 'max_depth', 'n_estimators', 'subsample'], i), metrics: named(['auc', 'logloss', 'precision', 'recall'], i), codeCommit: (i * 2654435761 >>> 0).toString(16).padStart(8, '0') };
    case 'model':
      return {
        ...common,
        modelType: 'gradient boosted trees',
        framework: { name: 'xgboost', version: '2.0.3' },
        hyperParams: named(['learning_rate', 'max_depth', 'n_estimators', 'subsample'], i),
        trainingMetrics: named(['auc', 'logloss', 'precision', 'recall'], i + 1),
        intendedUse: { primaryUses: ['churn scoring'], outOfScopeUses: ['credit decisions'] },
        artifactUri: `s3://models/${i}/model.bin`,
      };
    default:
      return common;
  }
}
