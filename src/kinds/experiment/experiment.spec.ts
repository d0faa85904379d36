import { defineKind } from '../../model/entity-kind';
import { partKey, urnScheme } from '../../model/urn-scheme';

/** An experiment: a container of related training runs (e.g. an MLflow experiment). */
export const experiment = defineKind({
  type: 'EXPERIMENT',
  label: 'Experiment',
  urn: urnScheme('container', partKey('id')),
  fields: {},
  relationships: [],
  ingestList: 'experiments',
  graphql: {
    noun: 'experiment',
    objectType: async () => (await import('./experiment.type')).Experiment,
    input: async () => (await import('./experiment.input')).UpsertExperimentInput,
  },
});
