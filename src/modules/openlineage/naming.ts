import { createHash } from 'node:crypto';
import { DEFAULT_ENV } from '../../model/env';
import { EntityType } from '../../model/entity-type';
import { buildUrn } from '../../model/urn';
import { keyFieldProblem } from '../../model/urn-scheme';

// OpenLineage names (https://openlineage.io/docs/spec/naming) mapped onto mlgraph's URN keys.

/** Namespace schemes whose platform has another name in mlgraph (and DataHub). */
const PLATFORM_OF_SCHEME: Readonly<Record<string, string>> = {
  postgresql: 'postgres', s3a: 's3', s3n: 's3', gs: 'gcs', abfss: 'adls', abfs: 'adls', wasbs: 'azure-blob', wasb: 'azure-blob',
  sqlserver: 'mssql', awsathena: 'athena', 'hive-metastore': 'hive',
};

/** Object stores and file systems: the name is a path under the authority (bucket, container). */
const PATH_SCHEMES: ReadonlySet<string> = new Set(['s3', 'gcs', 'adls', 'azure-blob', 'hdfs', 'file', 'dbfs']);

/**
 * `value` if it is a valid URN key part (or name, for `kind` 'name'), else the same text with each
 * character mlgraph does not take replaced by `_`, cut to fit, and `@` plus 8 hex digits of its
 * SHA-256: deterministic, and two different OpenLineage names never meet in one URN.
 */
export function safePart(value: string, kind: 'name' | 'part'): string {
  if (value.length <= 255 && keyFieldProblem('x', value, kind) === null) return value;
  const bad = kind === 'name' ? /[,()\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu : /[^A-Za-z0-9_.:\-/@]/g;
  const cleaned = value.normalize('NFC').replace(bad, '_').replace(/^[^A-Za-z0-9]+/, '').slice(0, 240);
  return `${cleaned || 'x'}@${createHash('sha256').update(value).digest('hex').slice(0, 8)}`;
}

/** Where a dataset of OpenLineage's `namespace` and `name` lives in mlgraph. */
export interface DatasetKey {
  platform: string;
  name: string;
  env: string;
  /** The physical location, `namespace/name` for stores named by a path (s3://bucket/key). */
  uri: string | null;
}

/**
 * The key of an OpenLineage dataset: the namespace's scheme is the platform (`postgres://db:5432`
 * -> postgres, `s3://bucket` -> s3; a namespace without a scheme, such as `bigquery`, is itself the
 * platform), and the name is the authority and the dataset's name, so tables of two servers never
 * meet: `db:5432/shop.public.orders`, `bucket/path/file.parquet`. Env is PROD.
 */
export function datasetKey(namespace: string, name: string): DatasetKey {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/]*)(\/.*)?$/.exec(namespace);
  if (!m) return { platform: safePart(namespace.toLowerCase(), 'part'), name: safePart(name.replace(/^\/+/, ''), 'name'), env: DEFAULT_ENV, uri: null };
  const scheme = m[1].toLowerCase();
  const platform = safePart(PLATFORM_OF_SCHEME[scheme] ?? scheme, 'part');
  const authority = m[2];
  const prefix = (m[3] ?? '').replace(/^\/+|\/+$/g, '');
  const path = [authority, prefix, name.replace(/^\/+/, '')].filter(Boolean).join('/');
  const uri = PATH_SCHEMES.has(platform) ? `${namespace.replace(/\/+$/, '')}/${name.replace(/^\/+/, '')}` : null;
  return { platform, name: safePart(path || name, 'name'), env: DEFAULT_ENV, uri };
}

/** The URN of an OpenLineage dataset (see datasetKey). */
export function datasetUrn(namespace: string, name: string): string {
  const { platform, name: n, env } = datasetKey(namespace, name);
  return buildUrn(EntityType.DATASET, { platform, name: n, env });
}

/** Pipelines made from OpenLineage jobs name this orchestrator. */
export const ORCHESTRATOR = 'openlineage';

/**
 * The pipeline of a job: its parent job when the run has a `parent` facet (flowId the parent's
 * name, cluster its namespace), else the job's namespace (flowId and cluster both the namespace).
 */
export function pipelineKey(job: { namespace: string; name: string }, parent?: { namespace: string; name: string }) {
  const flowId = safePart(parent ? parent.name : job.namespace, 'part');
  const cluster = safePart(parent ? parent.namespace : job.namespace, 'part');
  return { orchestrator: ORCHESTRATOR, flowId, cluster };
}

/** The URN of a run, from OpenLineage's runId (a UUID). */
export function runUrn(runId: string): string {
  return buildUrn(EntityType.RUN, { id: runId.toLowerCase() });
}
