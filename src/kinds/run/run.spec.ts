import { PINNED_VERSION } from '../../model/edge-properties';
import { defineKind } from '../../model/entity-kind';
import { partKey, urnScheme } from '../../model/urn-scheme';

/**
 * A run: one execution of any kind (training, evaluation, batch inference, feature engineering,
 * data processing), DataHub's dataProcessInstance and MLMD's execution. It reads datasets and
 * models, writes datasets, trains models (their `trainingRuns`), and may be an instance of a job.
 */
export const run = defineKind({
  type: 'RUN',
  label: 'Run',
  urn: urnScheme('dataProcessInstance', partKey('id')),
  fields: {
    runType: 'string',
    startedAt: 'datetime',
    endedAt: 'datetime',
    runStatus: 'string',
    hyperParams: 'jsonList',
    metrics: 'jsonList',
    codeRepository: 'string',
    codeCommit: 'string',
    dockerImage: 'string',
  },
  onCreate: { runType: 'OTHER' },
  relationships: [
    {
      field: 'inputs',
      relationship: 'INPUT_OF',
      direction: 'in',
      target: 'DATASET',
      description: 'Datasets the run read.',
      reverse: { field: 'inputOf', description: 'Runs that read this dataset.' },
      lineage: 'along', // dataset -> run
      properties: [PINNED_VERSION],
    },
    {
      field: 'outputs',
      relationship: 'OUTPUT_OF',
      direction: 'in',
      target: 'DATASET',
      description: 'Datasets the run wrote (e.g. the predictions of a batch-scoring run).',
      reverse: { field: 'outputOf', description: 'Runs that wrote this dataset.' },
      lineage: 'against', // run -> dataset
      properties: [PINNED_VERSION],
    },
    {
      field: 'experiment',
      relationship: 'PART_OF',
      direction: 'out',
      target: 'EXPERIMENT',
      single: true,
      description: 'The experiment this run belongs to.',
      reverse: { field: 'runs', description: 'Runs in this experiment.' },
    },
    {
      field: 'parentRun',
      relationship: 'CHILD_OF',
      direction: 'out',
      target: 'RUN',
      single: true,
      description: 'The parent run (e.g. the sweep of a trial).',
      reverse: { field: 'childRuns', description: 'Child runs (e.g. the trials of a sweep).' },
    },
    {
      field: 'inputModels',
      relationship: 'INPUT_OF',
      direction: 'in',
      target: 'MODEL',
      description: 'Models the run read: the base model a fine-tuning run starts from, the model a scoring or evaluation run applies.',
      reverse: { field: 'inputOf', description: 'Runs that read this model (fine-tuning, batch scoring, evaluation).' },
      lineage: 'along', // model -> run
      properties: [PINNED_VERSION],
    },
    {
      field: 'job',
      relationship: 'INSTANCE_OF',
      direction: 'out',
      target: 'JOB',
      single: true,
      description: 'The pipeline job (step) this run is an execution of.',
      reverse: { field: 'runs', description: 'Runs of this job, e.g. one per scheduled execution.' },
    },
  ],
  ingestList: 'runs',
  formerly: {
    type: 'TRAINING_RUN',
    name: 'TrainingRun',
    ingestList: 'trainingRuns',
    noun: 'training run',
    input: async () => (await import('./training-run.input')).UpsertTrainingRunInput,
    onCreate: { runType: 'TRAINING' },
    reason: 'Runs of every kind are Run (runType TRAINING for training runs); see README, "Deprecations". Removed in 0.3.0.',
  },
  graphql: {
    noun: 'run',
    objectType: async () => (await import('./run.type')).Run,
    input: async () => (await import('./run.input')).UpsertRunInput,
  },
});
