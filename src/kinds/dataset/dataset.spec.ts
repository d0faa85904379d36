import { defineKind } from '../../model/entity-kind';
import { envKey, nameKey, platformKey, urnScheme } from '../../model/urn-scheme';

/** A dataset: a table, file set or stream that runs read and write. */
export const dataset = defineKind({
  type: 'DATASET',
  label: 'Dataset',
  urn: urnScheme('dataset', platformKey(), nameKey(), envKey()),
  fields: { uri: 'string', version: 'string', format: 'string', schemaFields: 'jsonList' },
  relationships: [
    {
      field: 'upstreams',
      relationship: 'DERIVED_FROM',
      direction: 'out',
      target: 'DATASET',
      description: 'Datasets this dataset is derived from.',
      reverse: { field: 'downstreams', description: 'Datasets derived from this dataset.' },
      lineage: 'against', // source dataset -> derived dataset
    },
  ],
  columns: { schema: 'schemaFields', lineage: 'columnLineage' },
  ingestList: 'datasets',
  graphql: {
    noun: 'dataset',
    objectType: async () => (await import('./dataset.type')).Dataset,
    input: async () => (await import('./dataset.input')).UpsertDatasetInput,
    resolvers: async () => [(await import('./dataset-consumers.resolver')).DatasetConsumersResolver, (await import('./dataset-columns.resolver')).DatasetColumnsResolver],
  },
});
