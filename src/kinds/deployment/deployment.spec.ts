import { defineKind } from '../../model/entity-kind';
import { envKey, nameKey, platformKey, urnScheme } from '../../model/urn-scheme';

/** A deployment: an endpoint that serves model versions. */
export const deployment = defineKind({
  type: 'DEPLOYMENT',
  label: 'Deployment',
  urn: urnScheme('mlModelDeployment', platformKey(), nameKey(), envKey()),
  fields: { deploymentStatus: 'string', endpointUrl: 'string', version: 'string' },
  relationships: [],
  ingestList: 'deployments',
  graphql: {
    noun: 'deployment',
    objectType: async () => (await import('./deployment.type')).Deployment,
    input: async () => (await import('./deployment.input')).UpsertDeploymentInput,
  },
});
