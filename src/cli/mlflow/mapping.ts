import { buildUrn, EntityType, type Env } from '../urn';
import type { MlflowDataset, MlflowExperiment, MlflowModelVersion, MlflowRegisteredModel, MlflowRun, MlflowTag } from './types';

/** Everything that shapes the mapping of one tracking server. */
export interface MappingContext {
  trackingUri: string;
  env: Env;
  /** Set with --instance: keeps two tracking servers apart in one mlgraph. */
  instance?: string;
}

export const PLATFORM = 'mlflow';
type Input = Record<string, unknown>;

/** Custom properties the import keeps for itself (watermarks, digests); never part of a digest. */
export const IMPORT_PREFIX = 'mlflow.import.';

/** A name mlgraph accepts: `,` `(` `)` and control characters become `_`, leading non-alphanumerics go. */
export function safeName(raw: string, fallback: string): string {
  const cleaned = raw.replace(/[,()\u0000-\u001f\u007f]/g, '_').replace(/^[^A-Za-z0-9]+/, '').slice(0, 255).trimEnd();
  return cleaned || fallback;
}

const idPart = (ctx: MappingContext) => (ctx.instance ? `${ctx.instance}-` : '');
const modelName = (ctx: MappingContext, name: string) => safeName(ctx.instance ? `${ctx.instance}.${name}` : name, 'model');

export function experimentUrn(ctx: MappingContext, experimentId: string): string {
  return buildUrn(EntityType.EXPERIMENT, { id: `mlflow-${idPart(ctx)}${experimentId}` });
}

export function runUrn(ctx: MappingContext, runId: string): string {
  return buildUrn(EntityType.RUN, { id: `mlflow-${idPart(ctx)}${runId}` });
}

export function groupUrn(ctx: MappingContext, name: string): string {
  return buildUrn(EntityType.MODEL_GROUP, { platform: PLATFORM, name: modelName(ctx, name), env: ctx.env });
}

/** A version's own name: the registered model's name and `-v` and the version, e.g. churn-v3. */
export function versionName(ctx: MappingContext, name: string, version: string): string {
  return safeName(`${modelName(ctx, name)}-v${version}`, 'model');
}

export function versionUrn(ctx: MappingContext, name: string, version: string): string {
  return buildUrn(EntityType.MODEL, { platform: PLATFORM, name: versionName(ctx, name, version), env: ctx.env });
}

const ms = (t: number | string | undefined) => (t === undefined || t === null || t === '' ? undefined : Number(t));
const iso = (t: number | string | undefined) => (ms(t) === undefined ? undefined : new Date(ms(t)!).toISOString());
const tagMap = (tags: MlflowTag[] | undefined) => new Map((tags ?? []).map((t) => [t.key, t.value]));
const ui = (ctx: MappingContext, fragment: string) => `${ctx.trackingUri.replace(/\/+$/, '')}/#/${fragment}`;

/** MLflow tags as custom properties: user tags as they are, and the listed system tags. */
function properties(tags: MlflowTag[] | undefined, keepSystem: readonly string[], extra: Record<string, string | undefined>): { key: string; value: string }[] {
  const out = (tags ?? [])
    .filter((t) => !t.key.startsWith('mlflow.') || keepSystem.includes(t.key))
    .map((t) => ({ key: t.key.slice(0, 255), value: t.value.slice(0, 32_768) }));
  for (const [key, value] of Object.entries(extra)) if (value !== undefined && value !== '') out.push({ key, value });
  // 500 is the server's limit; a few places stay free for the import's own state (watermark.ts).
  return out.sort((a, b) => a.key.localeCompare(b.key)).slice(0, 490);
}

const owner = (user: string | undefined) => (user ? [{ id: user.slice(0, 255), type: 'TECHNICAL_OWNER' }] : undefined);

/** An MLflow experiment as an UpsertExperimentInput (without the import's own properties). */
export function experimentInput(ctx: MappingContext, e: MlflowExperiment): Input {
  const tags = tagMap(e.tags);
  return {
    id: `mlflow-${idPart(ctx)}${e.experiment_id}`,
    name: safeName(e.name, `experiment-${e.experiment_id}`),
    description: tags.get('mlflow.note.content') ?? null,
    externalUrl: ui(ctx, `experiments/${e.experiment_id}`),
    customProperties: properties(e.tags, [], {
      'mlflow.experiment_id': e.experiment_id,
      'mlflow.name': e.name,
      'mlflow.artifact_location': e.artifact_location,
      'mlflow.last_update_time': ms(e.last_update_time)?.toString(),
    }),
  };
}

const RUN_STATUS: Record<string, string> = { RUNNING: 'RUNNING', SCHEDULED: 'SCHEDULED', FINISHED: 'SUCCEEDED', FAILED: 'FAILED', KILLED: 'KILLED' };

/** A run as an UpsertRunInput (a TRAINING run); `inputs` are the URNs of its dataset inputs. */
export function runInput(ctx: MappingContext, run: MlflowRun, inputs: string[], parent: string | null): Input {
  const { info } = run;
  const tags = tagMap(run.data?.tags);
  const name = info.run_name || tags.get('mlflow.runName') || info.run_id;
  return {
    id: `mlflow-${idPart(ctx)}${info.run_id}`,
    name: safeName(name, info.run_id),
    runType: 'TRAINING',
    description: tags.get('mlflow.note.content') ?? null,
    experiment: experimentUrn(ctx, info.experiment_id),
    parentRun: parent,
    inputs,
    startedAt: iso(info.start_time) ?? null,
    endedAt: iso(info.end_time) ?? null,
    runStatus: RUN_STATUS[info.status] ?? null,
    hyperParams: (run.data?.params ?? []).map((p) => ({ name: p.key.slice(0, 255), value: p.value.slice(0, 32_768) })),
    metrics: (run.data?.metrics ?? []).map((m) => ({ name: m.key.slice(0, 255), value: String(m.value) })),
    codeCommit: tags.get('mlflow.source.git.commit')?.slice(0, 255) ?? null,
    codeRepository: tags.get('mlflow.source.git.repoURL')?.slice(0, 2048) ?? null,
    owners: owner(info.user_id || tags.get('mlflow.user')) ?? null,
    externalUrl: ui(ctx, `experiments/${info.experiment_id}/runs/${info.run_id}`),
    customProperties: properties(run.data?.tags, ['mlflow.source.name', 'mlflow.source.type', 'mlflow.source.git.branch'], {
      'mlflow.run_id': info.run_id,
      'mlflow.artifact_uri': info.artifact_uri,
    }),
  };
}

/** Where a dataset source lives, for the URN rule in README ("MLflow import"). */
const PLATFORMS: Record<string, string> = {
  s3: 's3', s3a: 's3', s3n: 's3', gs: 'gcs', wasbs: 'azure-blob', wasb: 'azure-blob', abfss: 'adls', abfs: 'adls',
  hdfs: 'hdfs', dbfs: 'dbfs', file: 'file', http: 'http', https: 'http',
};

/**
 * The UpsertDatasetInput of a dataset a run logged with `mlflow.log_input`. A dataset with a
 * location is named by it, so the same data logged by many runs (or written by other tools) is one
 * entity: `s3://bucket/key` -> platform s3, name `bucket/key`; a local path -> platform file; an
 * HTTP URL -> platform http; a Delta table -> delta-lake; a Hugging Face dataset -> huggingface.
 * A dataset without one (a DataFrame built in code) is platform mlflow, name `<name>@<digest>`.
 * The digest is the dataset's version; the colspec schema becomes its columns.
 */
export function datasetInput(ctx: MappingContext, d: MlflowDataset): Input {
  const { platform, name } = datasetKey(d);
  let columns: { name: string; type: string }[] | undefined;
  try {
    const spec = JSON.parse(d.schema ?? 'null')?.mlflow_colspec;
    if (Array.isArray(spec)) columns = spec.filter((c) => c?.name).map((c) => ({ name: String(c.name), type: String(c.type ?? 'unknown') }));
  } catch {
    // a schema MLflow could not express as a colspec (tensors): no columns
  }
  let rows: string | undefined;
  try {
    const n = JSON.parse(d.profile ?? 'null')?.num_rows;
    rows = n === undefined || n === null ? undefined : String(n);
  } catch {
    rows = undefined;
  }
  return {
    platform,
    name,
    env: ctx.env,
    version: d.digest || null,
    ...(columns ? { schemaFields: columns.slice(0, 10_000) } : {}),
    customProperties: properties([], [], {
      'mlflow.dataset.name': d.name,
      'mlflow.dataset.digest': d.digest,
      'mlflow.dataset.source_type': d.source_type,
      'mlflow.dataset.source': d.source?.slice(0, 32_768),
      'mlflow.dataset.num_rows': rows,
    }),
  };
}

/** Platform and name of a logged dataset (see datasetInput). */
export function datasetKey(d: MlflowDataset): { platform: string; name: string } {
  let source: Record<string, unknown> = {};
  try {
    source = JSON.parse(d.source || '{}') ?? {};
  } catch {
    source = {};
  }
  const fallback = { platform: PLATFORM, name: safeName(`${d.name}@${d.digest}`, `dataset@${d.digest}`) };
  const str = (k: string) => (typeof source[k] === 'string' && source[k] ? (source[k] as string) : undefined);
  const location = str('uri') ?? str('url');
  if (d.source_type === 'delta_table' && (str('delta_table_name') || str('path'))) {
    return { platform: 'delta-lake', name: safeName(str('delta_table_name') ?? str('path')!, fallback.name) };
  }
  if (d.source_type === 'hugging_face' && str('path')) {
    const config = str('config_name');
    return { platform: 'huggingface', name: safeName(config ? `${str('path')}/${config}` : str('path')!, fallback.name) };
  }
  if (location) {
    const m = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/i.exec(location);
    const platform = m ? (PLATFORMS[m[1].toLowerCase()] ?? m[1].toLowerCase()) : 'file';
    const name = safeName((m ? m[2] : location).replace(/^\/+/, ''), '');
    if (name && /^[A-Za-z0-9][A-Za-z0-9_.:\-/@]*$/.test(platform)) return { platform, name };
  }
  return fallback;
}

/** A registered model as an UpsertModelGroupInput (without the import's own properties). */
export function groupInput(ctx: MappingContext, m: MlflowRegisteredModel): Input {
  return {
    platform: PLATFORM,
    name: modelName(ctx, m.name),
    env: ctx.env,
    description: m.description || null,
    externalUrl: ui(ctx, `models/${encodeURIComponent(m.name)}`),
    customProperties: properties(m.tags, [], {
      'mlflow.name': m.name,
      'mlflow.last_updated_timestamp': ms(m.last_updated_timestamp)?.toString(),
    }),
  };
}

/** A model version as an UpsertModelInput; `run` is the URN of the run that produced it, if imported. */
export function versionInput(ctx: MappingContext, v: MlflowModelVersion, run: string | undefined): Input {
  return {
    platform: PLATFORM,
    name: versionName(ctx, v.name, v.version),
    env: ctx.env,
    version: String(v.version),
    description: v.description || null,
    artifactUri: v.source?.slice(0, 2048) || null,
    groups: [groupUrn(ctx, v.name)],
    ...(run ? { trainingRuns: [run] } : {}),
    owners: owner(v.user_id) ?? null,
    externalUrl: ui(ctx, `models/${encodeURIComponent(v.name)}/versions/${v.version}`),
    customProperties: properties(v.tags, [], {
      'mlflow.name': v.name,
      'mlflow.version': String(v.version),
      'mlflow.run_id': v.run_id,
      'mlflow.model_id': v.model_id,
      'mlflow.status': v.status,
      'mlflow.current_stage': v.current_stage,
      'mlflow.last_updated_timestamp': ms(v.last_updated_timestamp)?.toString(),
    }),
  };
}

/**
 * The numeric metrics of a model version: its run's latest value of each metric, with the step and
 * time MLflow logged it at (what MLflow's UI shows beside a version). Values that are not finite
 * numbers (MLflow stores NaN) are left out.
 */
export function versionMetrics(run: MlflowRun): { name: string; value: number; step: number | null; timestamp: string | null }[] {
  return (run.data?.metrics ?? []).flatMap((m) => {
    const value = Number(m.value);
    if (!Number.isFinite(value)) return [];
    const step = ms(m.step);
    return [{ name: m.key.slice(0, 255), value, step: step !== undefined && Number.isInteger(step) && step >= 0 ? step : null, timestamp: iso(m.timestamp) ?? null }];
  });
}

export { ms as millis };

/**
 * `input` with the MLflow time its facts became true as its `eventTime` (README, "Source times"),
 * so that `asOf` sees imported history as it was in MLflow rather than as of the import. The first
 * of `times` that MLflow gave wins; none (or a time that is not a valid date): the input as it is,
 * dated by the import.
 */
export function at(input: Input, ...times: (number | string | undefined)[]): Input {
  for (const t of times) {
    const when = ms(t);
    if (when !== undefined && Number.isFinite(when) && when > 0) return { ...input, eventTime: new Date(when).toISOString() };
  }
  return input;
}

/**
 * The times for {@link at} of something MLflow created and may have updated since: its creation
 * when mlgraph does not have it yet (the write creates it), else its last update (the write
 * changes it); the other when MLflow lacks one.
 */
export function changedAt(stored: boolean, created: number | string | undefined, updated: number | string | undefined): (number | string | undefined)[] {
  return stored ? [updated, created] : [created, updated];
}

/** When a run's facts as read became true: its end when it has ended, else its start. */
export function runTime(run: MlflowRun): number | string | undefined {
  return run.info.end_time ?? run.info.start_time;
}
