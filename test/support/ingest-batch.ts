/**
 * Realistic ingest batches for tests: what a CI pipeline registers per training job (raw and
 * feature datasets with columns, a feature, a training run with metrics, a model version with its
 * card, a deployment), all sharing a few model groups and experiments. Six entities per job plus
 * the shared ones; every key carries `token`, so a test can count exactly what it wrote.
 */

export interface BatchUrns {
  dataset(name: string): string;
  feature(name: string): string;
  group(name: string): string;
  model(name: string): string;
  experiment(id: string): string;
  run(id: string): string;
  deployment(name: string): string;
}

/** URNs of entities whose platform (or namespace / id prefix) is `token`. */
export function urnsFor(token: string): BatchUrns {
  return {
    dataset: (name) => `urn:li:dataset:(urn:li:dataPlatform:${token},${name},PROD)`,
    feature: (name) => `urn:li:mlFeature:(${token},${name})`,
    group: (name) => `urn:li:mlModelGroup:(urn:li:dataPlatform:${token},${name},PROD)`,
    model: (name) => `urn:li:mlModel:(urn:li:dataPlatform:${token},${name},PROD)`,
    experiment: (id) => `urn:li:container:${token}-${id}`,
    run: (id) => `urn:li:dataProcessInstance:${token}-${id}`,
    deployment: (name) => `urn:li:mlModelDeployment:(urn:li:dataPlatform:${token},${name},PROD)`,
  };
}

export interface IngestBatch {
  datasets: Record<string, unknown>[];
  features: Record<string, unknown>[];
  modelGroups: Record<string, unknown>[];
  models: Record<string, unknown>[];
  experiments: Record<string, unknown>[];
  trainingRuns: Record<string, unknown>[];
  deployments: Record<string, unknown>[];
  links: { from: string; relationship: string; to: string }[];
}

const SHARED = 2; // model groups and experiments

/** Number of entities `realisticBatch(token, jobs)` holds. */
export const entitiesInBatch = (jobs: number) => jobs * 6 + SHARED * 2;

/**
 * A batch of `jobs` training jobs. References point forward and backward within the batch (a
 * feature dataset names the raw dataset listed after it; models name runs, datasets, features and
 * deployments of other lists), and every model is also linked to its evaluation dataset by a link.
 */
export function realisticBatch(token: string, jobs: number): IngestBatch {
  const u = urnsFor(token);
  const owners = [{ id: 'ml-platform', type: 'TECHNICAL_OWNER' }];
  const batch: IngestBatch = {
    datasets: [],
    features: [],
    modelGroups: [],
    models: [],
    experiments: [],
    trainingRuns: [],
    deployments: [],
    links: [],
  };
  for (let s = 0; s < SHARED; s++) {
    batch.modelGroups.push({
      platform: token,
      name: `churn-model-${s}`,
      description: 'Predicts which subscribers cancel within 30 days.',
      tags: ['churn', 'tier-1'],
      owners,
    });
    batch.experiments.push({ id: `${token}-exp-${s}`, name: `churn-exp-${s}`, description: 'Weekly retraining of the churn model.' });
  }
  for (let j = 0; j < jobs; j++) {
    const raw = `events_raw_${j}`;
    const feat = `churn_features_${j}`;
    const run = `run-${j}`;
    const model = `churn-v${j}`;
    const dep = `churn-endpoint-${j}`;
    const started = new Date(Date.UTC(2026, 0, 1, 0, j % 60)).toISOString();
    batch.models.push({
      platform: token,
      name: model,
      version: String(j),
      description: `Churn classifier trained by ${token}-${run}: gradient boosted trees on 30 days of subscriber events.`,
      tags: ['churn', 'xgboost'],
      owners,
      customProperties: [
        { key: 'mlflow_run_id', value: `0f3c${j.toString(16).padStart(8, '0')}` },
        { key: 'git_sha', value: '9fceb02d0ae598e95dc970b74767f19372d61af8' },
      ],
      modelType: 'gradient boosted trees',
      framework: { name: 'xgboost', version: '2.0.3' },
      hyperParams: [
        { name: 'max_depth', value: '6' },
        { name: 'eta', value: '0.1' },
        { name: 'n_estimators', value: '400' },
      ],
      trainingMetrics: [
        { name: 'auc', value: (0.8 + (j % 100) / 1000).toFixed(3) },
        { name: 'logloss', value: '0.41' },
      ],
      sourceCode: [{ type: 'TRAINING_PIPELINE', url: 'https://git.example.com/ml/churn/blob/main/train.py' }],
      artifactUri: `s3://models/churn/${j}/model.xgb`,
      groups: [u.group(`churn-model-${j % SHARED}`)],
      trainingRuns: [u.run(run)],
      trainingDatasets: [u.dataset(feat)],
      deployments: [u.deployment(dep)],
      features: [u.feature(`tenure_days_${j}`)],
    });
    batch.trainingRuns.push({
      id: `${token}-${run}`,
      name: `train-churn-${j}`,
      startedAt: started,
      endedAt: new Date(Date.parse(started) + 3_600_000).toISOString(),
      runStatus: 'SUCCEEDED',
      hyperParams: [{ name: 'max_depth', value: '6' }],
      metrics: [{ name: 'auc', value: '0.83' }],
      codeRepository: 'https://git.example.com/ml/churn',
      codeCommit: '9fceb02d0ae598e95dc970b74767f19372d61af8',
      dockerImage: 'registry.example.com/ml/churn-train:2.4.1',
      inputs: [u.dataset(feat)],
      experiment: u.experiment(`exp-${j % SHARED}`),
    });
    batch.datasets.push({
      platform: token,
      name: feat,
      description: 'Per-subscriber churn features, one row per subscriber and day.',
      uri: `s3://lake/features/churn/${j}/`,
      format: 'parquet',
      tags: ['features'],
      schemaFields: [
        { name: 'subscriber_id', type: 'string' },
        { name: 'tenure_days', type: 'int' },
        { name: 'sessions_30d', type: 'int' },
        { name: 'churned', type: 'boolean' },
      ],
      upstreams: [u.dataset(raw)], // forward: raw comes after it in the list
    });
    batch.datasets.push({
      platform: token,
      name: raw,
      description: 'Raw subscriber events from the app.',
      uri: `s3://lake/raw/events/${j}/`,
      format: 'json',
      schemaFields: [
        { name: 'subscriber_id', type: 'string' },
        { name: 'event', type: 'string' },
        { name: 'ts', type: 'timestamp' },
      ],
    });
    batch.features.push({
      namespace: token,
      name: `tenure_days_${j}`,
      description: 'Days since the subscription started.',
      dataType: 'CONTINUOUS',
      featureAlgorithm: 'datediff(today, subscribed_at)',
      sources: [u.dataset(raw)],
    });
    batch.deployments.push({
      platform: token,
      name: dep,
      deploymentStatus: 'IN_SERVICE',
      endpointUrl: `https://ml.example.com/churn/${j}/invocations`,
    });
    batch.links.push({ from: u.model(model), relationship: 'EVALUATED_ON', to: u.dataset(feat) });
  }
  return batch;
}
