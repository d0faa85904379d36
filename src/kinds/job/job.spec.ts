import { defineKind } from '../../model/entity-kind';
import { partKey, urnKey, urnScheme } from '../../model/urn-scheme';

/**
 * A job: one step of a pipeline (DataHub's dataJob, an Airflow task). Its URN embeds its
 * pipeline's, and its `pipeline` relationship follows that key. Jobs depend on jobs, and data flows
 * along: a job is downstream of the jobs it depends on. Runs are its executions.
 */
export const job = defineKind({
  type: 'JOB',
  label: 'Job',
  urn: urnScheme('dataJob', urnKey('pipeline', 'PIPELINE'), partKey('jobId')),
  fields: { jobType: 'string' },
  relationships: [
    {
      field: 'pipeline',
      relationship: 'PART_OF',
      direction: 'out',
      target: 'PIPELINE',
      single: true,
      description: 'The pipeline this job is a step of (the first part of its URN).',
      reverse: { field: 'jobs', description: 'The jobs (steps) of this pipeline.' },
    },
    {
      field: 'upstreamJobs',
      relationship: 'DEPENDS_ON',
      direction: 'out',
      target: 'JOB',
      description: 'Jobs this job depends on: they run first and their output flows into it.',
      reverse: { field: 'downstreamJobs', description: 'Jobs that depend on this job.' },
      lineage: 'against', // upstream job -> dependent job
    },
  ],
  ingestList: 'jobs',
  graphql: {
    noun: 'job',
    objectType: async () => (await import('./job.type')).Job,
    input: async () => (await import('./job.input')).UpsertJobInput,
  },
});
