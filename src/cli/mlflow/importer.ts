import type { GraphQLClient } from '../client';
import type { BatchItem } from '../ingest/batch-file';
import { planChunks, type Limits } from '../ingest/plan';
import { sendChunks, type IngestReport } from '../ingest/send';
import { startProgress } from '../progress';
import { buildUrn, EntityType, type Env } from '../urn';
import { applyAliases, planAliases } from './aliases';
import * as map from './mapping';
import type { MlflowRest } from './rest';
import { readStored } from './stored-state';
import type { MlflowRun } from './types';
import { digestOf, PROP, runsSince, withImportState } from './watermark';

export const KINDS = ['experiments', 'runs', 'datasets', 'modelGroups', 'models'] as const;
export type Kind = (typeof KINDS)[number];

export interface KindCounts {
  /** Read from MLflow (runs: only those the watermark let through). */
  seen: number;
  sent: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Read but not sent: unchanged since the last import. */
  skipped: number;
}

export interface ImportReport {
  trackingUri: string;
  env: string;
  dryRun: boolean;
  calls: number;
  counts: Record<Kind, KindCounts>;
  aliases: { seen: number; set: number; removed: number; unchanged: number };
  warnings: string[];
}

export interface ImportOptions {
  ctx: map.MappingContext;
  dryRun: boolean;
  /** Send everything, whatever the watermarks say. */
  full: boolean;
  lookbackMs: number;
  limits: Limits;
  quiet: boolean;
}

/** One entity to send, with its kind and a label for messages. */
interface Planned {
  kind: Kind;
  urn: string;
  input: Record<string, unknown>;
  label: string;
}

const LIST: Record<Kind, string> = {
  experiments: 'experiments',
  runs: 'runs',
  datasets: 'datasets',
  modelGroups: 'modelGroups',
  models: 'models',
};

/**
 * Imports one MLflow tracking server into mlgraph: reads MLflow, compares with the state the last
 * import left on the mlgraph entities (see README, "MLflow import"), sends what changed through
 * `ingest`, then makes each group's aliases match MLflow's. Idempotent; safe to run from several
 * machines at once (the worst a race does is send something again).
 */
export async function importMlflow(mlflow: MlflowRest, client: GraphQLClient, o: ImportOptions): Promise<ImportReport> {
  const { ctx } = o;
  const warnings: string[] = [];
  const seen: Record<Kind, number> = { experiments: 0, runs: 0, datasets: 0, modelGroups: 0, models: 0 };
  const planned: Planned[] = [];
  const say = (line: string) => o.quiet || process.stderr.write(`${line}\n`);

  // Experiments and their runs.
  say(`reading MLflow at ${ctx.trackingUri}`);
  const experiments = await mlflow.experiments();
  seen.experiments = experiments.length;
  const storedExperiments = await readStored(client, 'experiment', experiments.map((e) => map.experimentUrn(ctx, e.experiment_id)));
  const runs: MlflowRun[] = [];
  const finalExperiments: Planned[] = []; // with the new watermark: written after the runs
  const changedExperiments: Planned[] = []; // content changed: sent with the runs, old watermark
  const progress = startProgress('reading runs', experiments.length, 'experiments', o.quiet);
  try {
    for (const e of experiments) {
      const urn = map.experimentUrn(ctx, e.experiment_id);
      const stored = storedExperiments.get(urn);
      const since = await runsSince(mlflow, e.experiment_id, stored, o);
      for (const run of since.runs) runs.push(run);
      const input = map.experimentInput(ctx, e);
      const digest = digestOf(input);
      const changed = o.full || stored?.properties.get(PROP.digest) !== digest;
      const label = `MLflow experiment ${e.experiment_id} (${e.name})`;
      const time = map.changedAt(stored !== undefined, e.creation_time, e.last_update_time);
      if (changed) {
        const old = { [PROP.digest]: stored?.properties.get(PROP.digest) ?? '', [PROP.runsUntil]: stored?.properties.get(PROP.runsUntil) ?? '', [PROP.openRuns]: stored?.properties.get(PROP.openRuns) ?? '' };
        changedExperiments.push({ kind: 'experiments', urn, input: map.at(withImportState(input, old), ...time), label });
      }
      if (changed || since.moved) {
        const state = { [PROP.digest]: digest, [PROP.runsUntil]: String(since.until), [PROP.openRuns]: since.open.join(' ') };
        finalExperiments.push({ kind: 'experiments', urn, input: map.at(withImportState(input, state), ...time), label });
      }
      progress.tick();
    }
  } finally {
    progress.done();
  }
  seen.runs = runs.length;

  // Datasets logged as run inputs: one entity per dataset, the latest run's digest as its version,
  // dated by the first of those runs to start (it existed by then).
  const datasets = new Map<string, Planned>();
  const runInputs = new Map<string, string[]>();
  const firstUse = new Map<string, number>();
  for (const r of runs) {
    const urns: string[] = [];
    for (const di of r.inputs?.dataset_inputs ?? []) {
      const logged = map.datasetInput(ctx, di.dataset);
      const urn = datasetUrn(logged);
      const started = map.millis(r.info.start_time);
      if (started !== undefined && started < (firstUse.get(urn) ?? Infinity)) firstUse.set(urn, started);
      const input = map.at(logged, firstUse.get(urn));
      datasets.set(urn, { kind: 'datasets', urn, input, label: `MLflow dataset ${di.dataset.name} (${di.dataset.digest}) of run ${r.info.run_id}` });
      urns.push(urn);
    }
    runInputs.set(r.info.run_id, [...new Set(urns)]);
  }
  seen.datasets = datasets.size;

  // Registered models and versions: listed in full, compared by digest.
  say('reading the MLflow model registry');
  const models = await mlflow.registeredModels();
  const versions = await mlflow.modelVersions();
  seen.modelGroups = models.length;
  seen.models = versions.length;
  const storedGroups = await readStored(client, 'modelGroup', models.map((m) => map.groupUrn(ctx, m.name)));
  const storedVersions = await readStored(client, 'model', versions.map((v) => map.versionUrn(ctx, v.name, v.version)));

  // References to runs not read this time must name runs mlgraph already has.
  const batchRuns = new Set(runs.map((r) => map.runUrn(ctx, r.info.run_id)));
  const parentOf = (r: MlflowRun) => r.data?.tags?.find((t) => t.key === 'mlflow.parentRunId')?.value;
  const outside = [
    ...runs.flatMap((r) => (parentOf(r) ? [map.runUrn(ctx, parentOf(r)!)] : [])),
    ...versions.flatMap((v) => (v.run_id ? [map.runUrn(ctx, v.run_id)] : [])),
  ].filter((u) => !batchRuns.has(u));
  const known = new Set([...batchRuns, ...(await readStored(client, 'entity', outside)).keys()]);

  for (const r of runs) {
    const parent = parentOf(r) ? map.runUrn(ctx, parentOf(r)!) : null;
    if (parent && !known.has(parent)) warnings.push(`run ${r.info.run_id}: its parent run ${parentOf(r)} is not in MLflow's active runs nor in mlgraph; imported without a parent`);
    const input = map.at(map.runInput(ctx, r, runInputs.get(r.info.run_id) ?? [], parent && known.has(parent) ? parent : null), map.runTime(r));
    planned.push({ kind: 'runs', urn: map.runUrn(ctx, r.info.run_id), input, label: `MLflow run ${r.info.run_id} (${input.name})` });
  }
  planned.push(...datasets.values());

  const groupsSent = new Set<string>();
  for (const m of models) {
    const urn = map.groupUrn(ctx, m.name);
    const input = map.groupInput(ctx, m);
    const digest = digestOf(input);
    const stored = storedGroups.get(urn);
    if (!o.full && stored?.properties.get(PROP.digest) === digest) continue;
    groupsSent.add(urn);
    const time = map.changedAt(stored !== undefined, m.creation_timestamp, m.last_updated_timestamp);
    planned.push({ kind: 'modelGroups', urn, input: map.at(withImportState(input, { [PROP.digest]: digest }), ...time), label: `MLflow registered model ${m.name}` });
  }
  const runsById = new Map(runs.map((r) => [r.info.run_id, r]));
  const versionUrns = new Set<string>();
  for (const v of versions) {
    const urn = map.versionUrn(ctx, v.name, v.version);
    versionUrns.add(urn);
    const run = v.run_id ? map.runUrn(ctx, v.run_id) : undefined;
    const input = map.versionInput(ctx, v, run && known.has(run) ? run : undefined);
    const digest = digestOf(input);
    // The run's metrics come only with runs read this time (new or changed): they then go with the
    // version; otherwise the version's stored metrics stay as they are (an upsert without metrics).
    const readRun = v.run_id ? runsById.get(v.run_id) : undefined;
    const metrics = readRun ? map.versionMetrics(readRun) : [];
    const stored = storedVersions.get(urn);
    if (!o.full && !metrics.length && stored?.properties.get(PROP.digest) === digest) continue;
    if (run && !known.has(run)) warnings.push(`model ${v.name} version ${v.version}: its run ${v.run_id} is not in MLflow's active runs nor in mlgraph; imported without it`);
    const sent = metrics.length ? { ...input, metrics } : input;
    const time = map.changedAt(stored !== undefined, v.creation_timestamp, v.last_updated_timestamp);
    planned.push({ kind: 'models', urn, input: map.at(withImportState(sent, { [PROP.digest]: digest }), ...time), label: `MLflow model ${v.name} version ${v.version}` });
  }

  // Send: in one call when it fits (the watermarks then move in the same transaction as the data);
  // otherwise the data first, and the experiments' new watermarks in the last call.
  const toItems = (ps: Planned[]): BatchItem[] =>
    ps.map((p, index) => ({ list: LIST[p.kind], value: p.input, origin: { file: p.label, doc: 0, list: LIST[p.kind], index } }));
  const single = planChunks(toItems([...finalExperiments, ...planned]), o.limits, o.dryRun);
  const chunks =
    single.length === 1
      ? single
      : [...planChunks(toItems([...changedExperiments, ...planned]), o.limits, o.dryRun), ...planChunks(toItems(finalExperiments), o.limits, o.dryRun)];
  const nothing = chunks.every((c) => c.entities.length === 0 && c.links.length === 0);
  const sent: IngestReport = nothing
    ? { dryRun: o.dryRun, calls: 0, created: [], updated: [], unchanged: [], warnings: [] }
    : await sendChunks(client, chunks, { dryRun: o.dryRun, quiet: o.quiet, locate: (origin, rest) => `${origin.file}${rest.length ? `, field ${rest.join('.')}` : ''}` });
  warnings.push(...sent.warnings.map((w) => `${w.at ?? w.urn}: ${w.code}: ${w.message}`));

  // Aliases: MLflow's are the truth for imported groups.
  const desired = new Map<string, Map<string, string | null>>();
  for (const m of models) {
    const want = new Map<string, string | null>();
    for (const a of m.aliases ?? []) {
      const urn = map.versionUrn(ctx, m.name, a.version);
      want.set(a.alias, versionUrns.has(urn) ? urn : null);
    }
    desired.set(map.groupUrn(ctx, m.name), want);
  }
  const current = new Map([...storedGroups].map(([urn, s]) => [urn, s.aliases]));
  const aliasPlan = planAliases(desired, current);
  warnings.push(...aliasPlan.warnings);
  if (!o.dryRun && aliasPlan.changes.length) {
    const bar = startProgress('aliases', aliasPlan.changes.length, 'changes', o.quiet || aliasPlan.changes.length < 20);
    try {
      await applyAliases(client, aliasPlan.changes, () => bar.tick());
    } finally {
      bar.done();
    }
  }

  return {
    trackingUri: ctx.trackingUri,
    env: ctx.env,
    dryRun: o.dryRun,
    calls: sent.calls,
    counts: countByKind(seen, [...finalExperiments, ...planned], sent),
    aliases: {
      seen: aliasPlan.seen,
      set: aliasPlan.changes.filter((c) => c.model).length,
      removed: aliasPlan.changes.filter((c) => !c.model).length,
      unchanged: aliasPlan.unchanged,
    },
    warnings,
  };
}

function datasetUrn(input: Record<string, unknown>): string {
  return buildUrn(EntityType.DATASET, { platform: input.platform as string, name: input.name as string, env: input.env as Env });
}

function countByKind(seen: Record<Kind, number>, planned: Planned[], sent: IngestReport): Record<Kind, KindCounts> {
  const created = new Set(sent.created);
  const updated = new Set(sent.updated);
  const out = {} as Record<Kind, KindCounts>;
  for (const kind of KINDS) {
    const urns = [...new Set(planned.filter((p) => p.kind === kind).map((p) => p.urn))];
    const c = urns.filter((u) => created.has(u)).length;
    const u = urns.filter((x) => updated.has(x)).length;
    out[kind] = {
      seen: seen[kind],
      sent: urns.length,
      created: c,
      updated: u,
      unchanged: urns.length - c - u,
      skipped: kind === 'runs' || kind === 'datasets' ? 0 : seen[kind] - urns.length,
    };
  }
  return out;
}
