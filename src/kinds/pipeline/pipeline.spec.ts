import { defineKind } from '../../model/entity-kind';
import { partKey, urnScheme } from '../../model/urn-scheme';

/** A pipeline: a workflow of jobs in an orchestrator (DataHub's dataFlow, an Airflow DAG, a Kubeflow pipeline). */
export const pipeline = defineKind({
  type: 'PIPELINE',
  label: 'Pipeline',
  urn: urnScheme('dataFlow', partKey('orchestrator'), partKey('flowId'), partKey('cluster')),
  fields: {},
  relationships: [],
  ingestList: 'pipelines',
  graphql: {
    noun: 'pipeline',
    objectType: async () => (await import('./pipeline.type')).Pipeline,
    input: async () => (await import('./pipeline.input')).UpsertPipelineInput,
  },
});
