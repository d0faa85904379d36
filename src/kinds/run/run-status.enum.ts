import { registerEnumType } from 'type-graphql';

/** Where a run is in its life (MLflow/DataHub run states). */
export enum RunStatus {
  SCHEDULED = 'SCHEDULED',
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
  KILLED = 'KILLED',
}

registerEnumType(RunStatus, {
  name: 'RunStatus',
  description: 'Where a run is in its life.',
  valuesConfig: {
    SCHEDULED: { description: 'Waiting to start.' },
    RUNNING: { description: 'Started, not finished.' },
    SUCCEEDED: { description: 'Finished successfully.' },
    FAILED: { description: 'Finished with an error.' },
    KILLED: { description: 'Stopped before it finished.' },
  },
});
