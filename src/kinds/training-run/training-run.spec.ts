import { defineKind } from '../../model/entity-kind';
import { partKey, urnScheme } from '../../model/urn-scheme';

/** A training run: one execution that reads datasets and trains models. */
export const trainingRun = defineKind({
  type: 'TRAINING_RUN',
  label: 'TrainingRun',
  urn: urnScheme('dataProcessInstance', partKey('id')),
  fields: {
    startedAt: 'datetime',
    endedAt: 'datetime',
    runStatus: 'string',
    hyperParams: 'jsonList',
    metrics: 'jsonList',
    codeRepository: 'string',
    codeCommit: 'string',
    dockerImage: 'string',
  },
  relationships: [
    {
      field: 'inputs',
      relationship: 'INPUT_OF',
      direction: 'in',
      target: 'DATASET',
      description: 'Datasets the run read.',
      reverse: { field: 'inputOf', description: 'Training runs that read this dataset.' },
      lineage: 'along', // dataset -> run
    },
    {
      field: 'outputs',
      relationship: 'OUTPUT_OF',
      direction: 'in',
      target: 'DATASET',
      description: 'Datasets the run wrote.',
      reverse: { field: 'outputOf', description: 'Training runs that wrote this dataset.' },
      lineage: 'against', // run -> dataset
    },
    {
      field: 'experiment',
      relationship: 'PART_OF',
      direction: 'out',
      target: 'EXPERIMENT',
      single: true,
      description: 'The experiment this run belongs to.',
      reverse: { field: 'runs', description: 'Training runs in this experiment.' },
    },
    {
      field: 'parentRun',
      relationship: 'CHILD_OF',
      direction: 'out',
      target: 'TRAINING_RUN',
      single: true,
      description: 'The parent run (e.g. the sweep of a trial).',
      reverse: { field: 'childRuns', description: 'Child runs (e.g. the trials of a sweep).' },
    },
  ],
  ingestList: 'trainingRuns',
  graphql: {
    noun: 'training run',
    objectType: async () => (await import('./training-run.type')).TrainingRun,
    input: async () => (await import('./training-run.input')).UpsertTrainingRunInput,
  },
});
