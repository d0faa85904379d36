import { registerEnumType } from 'type-graphql';

/** What a run does (MLMD's execution types, DataHub's process instance purposes). */
export enum RunType {
  TRAINING = 'TRAINING',
  EVALUATION = 'EVALUATION',
  BATCH_INFERENCE = 'BATCH_INFERENCE',
  FEATURE_ENGINEERING = 'FEATURE_ENGINEERING',
  DATA_PROCESSING = 'DATA_PROCESSING',
  OTHER = 'OTHER',
}

registerEnumType(RunType, {
  name: 'RunType',
  description: 'What a run does.',
  valuesConfig: {
    TRAINING: { description: 'Trains (or fine-tunes, distils) models: they list it in `trainingRuns`.' },
    EVALUATION: { description: 'Evaluates models on datasets.' },
    BATCH_INFERENCE: { description: 'Scores datasets with models and writes the predictions.' },
    FEATURE_ENGINEERING: { description: 'Computes features or feature tables.' },
    DATA_PROCESSING: { description: 'Transforms datasets (ETL, cleaning, labelling).' },
    OTHER: { description: 'Anything else; what a run created without a type is.' },
  },
});
