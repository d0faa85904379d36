import { defineKind } from '../../model/entity-kind';
import { nameKey, partKey, urnScheme } from '../../model/urn-scheme';

/** An ML feature: a named input signal that models consume. */
export const feature = defineKind({
  type: 'FEATURE',
  label: 'Feature',
  urn: urnScheme('mlFeature', partKey('namespace'), nameKey()),
  fields: { dataType: 'string', featureAlgorithm: 'string', version: 'string' },
  relationships: [
    {
      field: 'sources',
      relationship: 'DERIVED_FROM',
      direction: 'out',
      target: 'DATASET',
      description: 'Datasets this feature is computed from.',
      reverse: { field: 'derivedFeatures', description: 'Features computed from this dataset.' },
      lineage: 'against', // source dataset -> derived feature
    },
  ],
  columns: { reads: 'sourceColumns' },
  ingestList: 'features',
  graphql: {
    noun: 'feature',
    objectType: async () => (await import('./feature.type')).Feature,
    input: async () => (await import('./feature.input')).UpsertFeatureInput,
  },
});
