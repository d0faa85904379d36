import { defineKind } from '../../model/entity-kind';
import { nameKey, platformKey, urnScheme } from '../../model/urn-scheme';

/** A feature table: features served together under one primary key. */
export const featureTable = defineKind({
  type: 'FEATURE_TABLE',
  label: 'FeatureTable',
  urn: urnScheme('mlFeatureTable', platformKey(), nameKey()),
  fields: { primaryKeys: 'strings' },
  relationships: [
    {
      field: 'features',
      relationship: 'CONTAINS',
      direction: 'out',
      target: 'FEATURE',
      description: 'Features in this table.',
      reverse: { field: 'featureTables', description: 'Feature tables that contain this feature.' },
      lineage: 'along', // feature table -> feature
    },
  ],
  ingestList: 'featureTables',
  graphql: {
    noun: 'feature table',
    objectType: async () => (await import('./feature-table.type')).FeatureTable,
    input: async () => (await import('./feature-table.input')).UpsertFeatureTableInput,
  },
});
