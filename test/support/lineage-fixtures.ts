import type { Graph } from '../../src/graph';
import { EntityType } from '../../src/model/entity-type';
import { applyWrites } from '../../src/modules/entities/write/entity-writer';
import { toEntityWrite } from '../../src/modules/entities/write/to-entity-write';

const { DATASET, FEATURE, FEATURE_TABLE, MODEL_GROUP, MODEL, EXPERIMENT, RUN: TRAINING_RUN, DEPLOYMENT } = EntityType;

export type Seed = [EntityType, Record<string, unknown>];

/** Writes entities through the ingest path in one transaction; returns their URNs in order. */
export async function seed(graph: Graph, items: Seed[]): Promise<string[]> {
  const writes = items.map(([type, input], i) => toEntityWrite(type, input, `seed.${i}`));
  await applyWrites(graph, writes, [], { actor: 'lineage-test', source: 'batch' });
  return writes.map((w) => w.urn);
}

/**
 * The example ML workflow (README, "Lineage"), every name under `u`:
 *
 *   clicks, users (raw) -> sessions (derived from both) -> run (INPUT_OF) -> predictions (OUTPUT_OF)
 *   sessions -> f_engagement; users -> f_age; table CONTAINS both features
 *   churn_v1: MEMBER_OF group, CONSUMES both features, TRAINED_BY run, TRAINED_ON sessions,
 *             EVALUATED_ON predictions, DEPLOYED_TO endpoint; the run is PART_OF an experiment
 *   churn_v2: MEMBER_OF group, TRAINED_BY run2 (input: users)
 */
export async function seedWorkflow(graph: Graph, u: string) {
  const urn = (type: EntityType, key: Record<string, unknown>) => toEntityWrite(type, { name: 'x', ...key }).urn;
  const clicks = urn(DATASET, { platform: 's3', name: `${u}.clicks` });
  const users = urn(DATASET, { platform: 's3', name: `${u}.users` });
  const predictions = urn(DATASET, { platform: 's3', name: `${u}.predictions` });
  const sessions = urn(DATASET, { platform: 'snowflake', name: `${u}.sessions` });
  const fEngagement = urn(FEATURE, { namespace: u, name: 'f_engagement' });
  const fAge = urn(FEATURE, { namespace: u, name: 'f_age' });
  const table = urn(FEATURE_TABLE, { platform: 'feast', name: `${u}.churn_features` });
  const experiment = urn(EXPERIMENT, { id: `${u}-exp` });
  const run1 = urn(TRAINING_RUN, { id: `${u}-run1` });
  const run2 = urn(TRAINING_RUN, { id: `${u}-run2` });
  const group = urn(MODEL_GROUP, { platform: 'mlflow', name: `${u}.churn` });
  const endpoint = urn(DEPLOYMENT, { platform: 'sagemaker', name: `${u}.churn-endpoint` });
  const v1 = urn(MODEL, { platform: 'mlflow', name: `${u}.churn_v1` });
  const v2 = urn(MODEL, { platform: 'mlflow', name: `${u}.churn_v2` });
  await seed(graph, [
    [DATASET, { platform: 's3', name: `${u}.clicks` }],
    [DATASET, { platform: 's3', name: `${u}.users` }],
    [DATASET, { platform: 's3', name: `${u}.predictions` }],
    [DATASET, { platform: 'snowflake', name: `${u}.sessions`, upstreams: [clicks, users] }],
    [FEATURE, { namespace: u, name: 'f_engagement', sources: [sessions] }],
    [FEATURE, { namespace: u, name: 'f_age', sources: [users] }],
    [FEATURE_TABLE, { platform: 'feast', name: `${u}.churn_features`, features: [fEngagement, fAge] }],
    [EXPERIMENT, { id: `${u}-exp`, name: `${u} churn` }],
    [TRAINING_RUN, { id: `${u}-run1`, name: `${u} run 1`, inputs: [sessions], outputs: [predictions], experiment }],
    [TRAINING_RUN, { id: `${u}-run2`, name: `${u} run 2`, inputs: [users], experiment }],
    [MODEL_GROUP, { platform: 'mlflow', name: `${u}.churn` }],
    [DEPLOYMENT, { platform: 'sagemaker', name: `${u}.churn-endpoint` }],
    [
      MODEL,
      {
        platform: 'mlflow',
        name: `${u}.churn_v1`,
        groups: [group],
        features: [fEngagement, fAge],
        trainingRuns: [run1],
        trainingDatasets: [sessions],
        evaluationDatasets: [predictions],
        deployments: [endpoint],
      },
    ],
    [MODEL, { platform: 'mlflow', name: `${u}.churn_v2`, groups: [group], trainingRuns: [run2] }],
  ]);
  return { clicks, users, sessions, fEngagement, fAge, table, experiment, predictions, run1, run2, group, endpoint, v1, v2 };
}

/**
 * A diamond lattice of datasets: a root, `depth` layers of `width` datasets each derived from every
 * dataset of the layer before (width^depth paths from the root to the last layer), then a model
 * trained on the last layer. Returns the root, the layers and the model.
 */
export async function seedLattice(graph: Graph, u: string, width: number, depth: number) {
  const items: Seed[] = [[DATASET, { platform: 'hive', name: `${u}.root` }]];
  const layers: string[][] = [];
  let previous = [toEntityWrite(DATASET, items[0][1]).urn];
  for (let l = 1; l <= depth; l++) {
    const layer: string[] = [];
    for (let j = 0; j < width; j++) {
      const input = { platform: 'hive', name: `${u}.l${String(l).padStart(2, '0')}_${j}`, upstreams: previous };
      items.push([DATASET, input]);
      layer.push(toEntityWrite(DATASET, input).urn);
    }
    layers.push(layer);
    previous = layer;
  }
  items.push([MODEL, { platform: 'mlflow', name: `${u}.lattice_model`, trainingDatasets: previous }]);
  const urns = await seed(graph, items);
  return { root: urns[0], layers, model: urns[urns.length - 1] };
}

/**
 * A popular raw dataset, as platforms have them: `fanOut` datasets derived from it, each read by a
 * training run that trained a model, so an impact walk from it reaches 3 x fanOut entities and every
 * derived dataset lists the popular one among its upstreams. One ingest.
 */
export async function seedPopularDataset(graph: Graph, u: string, fanOut: number) {
  const popular = toEntityWrite(DATASET, { platform: 'kafka', name: `${u}.events` }).urn;
  const items: Seed[] = [[DATASET, { platform: 'kafka', name: `${u}.events`, description: 'Every click, as it happens.' }]];
  for (let i = 0; i < fanOut; i++) {
    const name = `${u}.derived_${String(i).padStart(5, '0')}`;
    const derived = toEntityWrite(DATASET, { platform: 'hive', name }).urn;
    const run = `${u}-run-${i}`;
    items.push([DATASET, { platform: 'hive', name, description: `Daily aggregate ${i} of the click stream.`, upstreams: [popular] }]);
    items.push([TRAINING_RUN, { id: run, name: `train ${i}`, inputs: [derived] }]);
    items.push([MODEL, { platform: 'mlflow', name: `${u}.model_${i}`, trainingRuns: [toEntityWrite(TRAINING_RUN, { id: run, name: 'x' }).urn] }]);
  }
  await seed(graph, items);
  return { popular };
}
