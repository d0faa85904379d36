import { DERIVATION_KIND, PINNED_VERSION } from '../../model/edge-properties';
import { defineKind } from '../../model/entity-kind';
import { envKey, nameKey, platformKey, urnScheme } from '../../model/urn-scheme';

/** A model: one trained version, a member of model groups. */
export const model = defineKind({
  type: 'MODEL',
  label: 'Model',
  urn: urnScheme('mlModel', platformKey(), nameKey(), envKey()),
  fields: {
    version: 'string',
    versionSortId: 'string',
    modelType: 'string',
    framework: 'json',
    hyperParams: 'jsonList',
    trainingMetrics: 'jsonList',
    onlineMetrics: 'jsonList',
    metrics: 'jsonList',
    intendedUse: 'json',
    factorPrompts: 'json',
    metricsDescription: 'json',
    trainingData: 'jsonList',
    evaluationData: 'jsonList',
    quantitativeAnalyses: 'json',
    ethics: 'json',
    caveatsAndRecommendations: 'json',
    ethicalConsiderations: 'string',
    caveats: 'string',
    sourceCode: 'jsonList',
    artifactUri: 'string',
    dockerImage: 'string',
    endpointUrl: 'string',
    license: 'string',
  },
  relationships: [
    {
      field: 'groups',
      relationship: 'MEMBER_OF',
      direction: 'out',
      target: 'MODEL_GROUP',
      description: 'Model groups this version belongs to.',
      reverse: { field: 'models', description: 'Model versions in this group.' },
      lineage: 'along', // model -> model group
    },
    {
      field: 'features',
      relationship: 'CONSUMES',
      direction: 'out',
      target: 'FEATURE',
      description: 'Features the model consumes.',
      reverse: { field: 'models', description: 'Models that consume this feature.' },
      lineage: 'against', // feature -> model
    },
    {
      field: 'trainingRuns',
      relationship: 'TRAINED_BY',
      direction: 'out',
      target: 'RUN',
      description: 'Runs that trained this model (a fine-tuning run too).',
      reverse: { field: 'models', description: 'Models this run trained.' },
      lineage: 'against', // run -> model
    },
    {
      field: 'trainingDatasets',
      relationship: 'TRAINED_ON',
      direction: 'out',
      target: 'DATASET',
      description: 'Datasets the model was trained on.',
      reverse: { field: 'trainedModels', description: 'Models trained on this dataset.' },
      lineage: 'against', // dataset -> model
      properties: [PINNED_VERSION],
    },
    {
      field: 'evaluationDatasets',
      relationship: 'EVALUATED_ON',
      direction: 'out',
      target: 'DATASET',
      description: 'Datasets the model was evaluated on.',
      reverse: { field: 'evaluatedModels', description: 'Models evaluated on this dataset.' },
      lineage: 'against', // dataset -> model
      properties: [PINNED_VERSION],
    },
    {
      field: 'deployments',
      relationship: 'DEPLOYED_TO',
      direction: 'out',
      target: 'DEPLOYMENT',
      description: 'Where this model version is deployed.',
      reverse: { field: 'models', description: 'Model versions served by this deployment.' },
      lineage: 'along', // model -> deployment
    },
    {
      field: 'derivedFrom',
      relationship: 'DERIVED_FROM',
      direction: 'out',
      target: 'MODEL',
      description: 'Models this model was made from (fine-tuned, distilled, quantized or converted from; the members of an ensemble).',
      reverse: { field: 'derivedModels', description: 'Models made from this model.' },
      lineage: 'against', // source model -> derived model
      properties: [DERIVATION_KIND],
    },
  ],
  columns: { reads: 'inputColumns' },
  ingestList: 'models',
  graphql: {
    noun: 'model version',
    objectType: async () => (await import('./model.type')).Model,
    input: async () => (await import('./model.input')).UpsertModelInput,
    resolvers: async () => [(await import('./model-metrics.resolver')).ModelMetricsResolver],
  },
});
