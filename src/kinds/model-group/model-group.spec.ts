import { defineKind } from '../../model/entity-kind';
import { envKey, nameKey, platformKey, urnScheme } from '../../model/urn-scheme';

/** A model group: the registered model whose versions are Model entities. */
export const modelGroup = defineKind({
  type: 'MODEL_GROUP',
  label: 'ModelGroup',
  urn: urnScheme('mlModelGroup', platformKey(), nameKey(), envKey()),
  fields: {},
  relationships: [],
  ingestList: 'modelGroups',
  graphql: {
    noun: 'model group',
    objectType: async () => (await import('./model-group.type')).ModelGroup,
    input: async () => (await import('./model-group.input')).UpsertModelGroupInput,
    resolvers: async () => [(await import('./model-group-versions.resolver')).ModelGroupVersionsResolver],
  },
});
