import { registerEnumType } from 'type-graphql';

/** DataHub's DeploymentStatus: the state of a serving endpoint. */
export enum DeploymentStatus {
  OUT_OF_SERVICE = 'OUT_OF_SERVICE',
  CREATING = 'CREATING',
  UPDATING = 'UPDATING',
  ROLLING_BACK = 'ROLLING_BACK',
  IN_SERVICE = 'IN_SERVICE',
  DELETING = 'DELETING',
  FAILED = 'FAILED',
  UNKNOWN = 'UNKNOWN',
}

registerEnumType(DeploymentStatus, {
  name: 'DeploymentStatus',
  description: "State of a deployment's endpoint (DataHub's DeploymentStatus).",
  valuesConfig: {
    OUT_OF_SERVICE: { description: 'Exists but does not serve.' },
    CREATING: { description: 'Being created.' },
    UPDATING: { description: 'Being updated (e.g. a new model version is rolling out).' },
    ROLLING_BACK: { description: 'Returning to the previous version.' },
    IN_SERVICE: { description: 'Serving requests.' },
    DELETING: { description: 'Being removed.' },
    FAILED: { description: 'Failed; not serving.' },
    UNKNOWN: { description: 'Not known.' },
  },
});
