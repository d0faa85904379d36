import Ajv, { type ErrorObject, type JSONSchemaType } from 'ajv';

// The parts of an OpenLineage 2-0-x event mlgraph reads, as JSON Schema (written from the spec,
// https://openlineage.io/spec/2-0-2/OpenLineage.json, and the facet schemas it names). Facets
// mlgraph does not read are only required to be objects: they are kept as they came.

/** RFC 3339 date-time with an offset, as the spec's `format: date-time` asks. */
const DATE_TIME = '^\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:?\\d{2})$';
const UUID = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

const text = (max = 32_768) => ({ type: 'string', minLength: 1, maxLength: max });
const facetMap = { type: 'object', additionalProperties: { type: 'object' } };

const schemaField: Record<string, unknown> = {
  type: 'object',
  required: ['name'],
  properties: { name: text(255), type: { type: 'string', maxLength: 255 }, description: { type: 'string', maxLength: 32_768 }, fields: { type: 'array', items: { $ref: '#/definitions/schemaField' } } },
};

const datasetFacets = {
  type: 'object',
  additionalProperties: { type: 'object' },
  properties: {
    schema: { type: 'object', properties: { fields: { type: 'array', maxItems: 10_000, items: { $ref: '#/definitions/schemaField' } } } },
    version: { type: 'object', required: ['datasetVersion'], properties: { datasetVersion: text(255) } },
    symlinks: {
      type: 'object',
      properties: { identifiers: { type: 'array', items: { type: 'object', required: ['namespace', 'name', 'type'], properties: { namespace: text(2048), name: text(2048), type: text(255) } } } },
    },
    documentation: { type: 'object', required: ['description'], properties: { description: { type: 'string', maxLength: 32_768 } } },
    columnLineage: {
      type: 'object',
      required: ['fields'],
      properties: {
        fields: {
          type: 'object',
          additionalProperties: {
            type: 'object',
            required: ['inputFields'],
            properties: { inputFields: { type: 'array', items: { type: 'object', required: ['namespace', 'name', 'field'], properties: { namespace: text(2048), name: text(2048), field: text(1024) } } } },
          },
        },
      },
    },
  },
};

const dataset = {
  type: 'object',
  required: ['namespace', 'name'],
  properties: { namespace: text(2048), name: text(2048), facets: datasetFacets, inputFacets: facetMap, outputFacets: facetMap },
};

const jobName = { type: 'object', required: ['namespace', 'name'], properties: { namespace: text(2048), name: text(2048) } };

const job = {
  type: 'object',
  required: ['namespace', 'name'],
  properties: {
    namespace: text(2048),
    name: text(2048),
    facets: {
      type: 'object',
      additionalProperties: { type: 'object' },
      properties: {
        jobType: { type: 'object', properties: { processingType: { type: 'string' }, integration: { type: 'string' }, jobType: { type: 'string' } } },
        documentation: { type: 'object', required: ['description'], properties: { description: { type: 'string', maxLength: 32_768 } } },
      },
    },
  },
};

const base = {
  eventTime: { type: 'string', pattern: DATE_TIME },
  producer: text(2048),
  schemaURL: text(2048),
};
const datasets = { type: 'array', maxItems: 10_000, items: dataset };

const definitions = { schemaField };

/** A RunEvent: a run of a job changed state (START, RUNNING, COMPLETE, FAIL, ABORT, OTHER). */
const runEvent = {
  type: 'object',
  definitions,
  required: ['eventTime', 'producer', 'schemaURL', 'run', 'job'],
  properties: {
    ...base,
    eventType: { enum: ['START', 'RUNNING', 'COMPLETE', 'ABORT', 'FAIL', 'OTHER'] },
    run: {
      type: 'object',
      required: ['runId'],
      properties: {
        runId: { type: 'string', pattern: UUID },
        facets: {
          type: 'object',
          additionalProperties: { type: 'object' },
          properties: { parent: { type: 'object', required: ['run', 'job'], properties: { run: { type: 'object', required: ['runId'], properties: { runId: { type: 'string', pattern: UUID } } }, job: jobName } } },
        },
      },
    },
    job,
    inputs: datasets,
    outputs: datasets,
  },
};

/** A JobEvent: a job's static metadata, with the datasets it reads and writes. */
const jobEvent = { type: 'object', definitions, required: ['eventTime', 'producer', 'schemaURL', 'job'], properties: { ...base, job, inputs: datasets, outputs: datasets } };

/** A DatasetEvent: a dataset's static metadata. */
const datasetEvent = { type: 'object', definitions, required: ['eventTime', 'producer', 'schemaURL', 'dataset'], properties: { ...base, dataset } };

const ajv = new Ajv({ allErrors: false, strict: true });
const validators = {
  run: ajv.compile(runEvent as unknown as JSONSchemaType<unknown>),
  job: ajv.compile(jobEvent as unknown as JSONSchemaType<unknown>),
  dataset: ajv.compile(datasetEvent as unknown as JSONSchemaType<unknown>),
};

export type EventKind = keyof typeof validators;

/** What is wrong with an event: the field (dotted path, e.g. `run.runId`) and why. */
export interface EventProblem {
  field: string;
  message: string;
}

/**
 * The kind of `event` (a RunEvent has `run`, a DatasetEvent `dataset`, a JobEvent `job` alone) and
 * the first problem the schema finds in it, or null when it is valid.
 */
export function checkEvent(event: unknown): { kind: EventKind; problem: EventProblem | null } | { kind: null; problem: EventProblem } {
  if (!event || typeof event !== 'object' || Array.isArray(event)) {
    return { kind: null, problem: { field: '', message: 'an event must be a JSON object' } };
  }
  const e = event as Record<string, unknown>;
  const kind: EventKind | null = 'run' in e ? 'run' : 'dataset' in e ? 'dataset' : 'job' in e ? 'job' : null;
  if (!kind) return { kind: null, problem: { field: 'run', message: 'an event is a RunEvent (run, job), a JobEvent (job) or a DatasetEvent (dataset)' } };
  const validate = validators[kind];
  return { kind, problem: validate(event) ? null : describe(validate.errors?.[0]) };
}

function describe(error: ErrorObject | undefined): EventProblem {
  if (!error) return { field: '', message: 'invalid event' };
  const at = error.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'required') at.push(String(error.params.missingProperty));
  const field = at.join('.');
  const message =
    error.keyword === 'required' ? 'is required'
    : error.keyword === 'pattern' && field.endsWith('eventTime') ? 'must be a date-time with an offset (RFC 3339), e.g. 2024-06-01T12:00:00Z'
    : error.keyword === 'pattern' ? 'must be a UUID'
    : error.keyword === 'enum' ? `must be one of ${(error.params.allowedValues as string[]).join(', ')}`
    : (error.message ?? 'is invalid');
  return { field, message: `${field} ${message}` };
}
