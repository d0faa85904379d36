import { createHash } from 'node:crypto';
import { IMPORT_PREFIX, millis } from './mapping';
import type { MlflowRest } from './rest';
import type { MlflowRun } from './types';
import type { StoredEntity } from './stored-state';

/** Custom properties of the import's own state, kept on the imported entities in mlgraph. */
export const PROP = {
  /** Digest of what was last sent for the entity (experiments, model groups, model versions). */
  digest: `${IMPORT_PREFIX}digest`,
  /** Experiment: every run that started or ended at or before this time (ms) has been imported. */
  runsUntil: `${IMPORT_PREFIX}runs_until`,
  /** Experiment: runs still RUNNING or SCHEDULED at the last import, read again next time. */
  openRuns: `${IMPORT_PREFIX}open_runs`,
} as const;

/** At most this many open run ids are kept (a custom property holds 32K characters). */
const MAX_OPEN = 900;
/** Run ids per `run_id IN (...)` search. */
const IDS_PER_SEARCH = 100;

/** A digest of an input, independent of key order; the import's own properties are left out. */
export function digestOf(input: Record<string, unknown>): string {
  const stable = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(stable)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, stable((v as Record<string, unknown>)[k])]))
        : v;
  const props = (input.customProperties as { key: string }[] | undefined)?.filter((p) => !p.key.startsWith(IMPORT_PREFIX));
  return createHash('sha256').update(JSON.stringify(stable({ ...input, customProperties: props }))).digest('hex').slice(0, 32);
}

/** The input with the import's properties replaced by `state`. */
export function withImportState(input: Record<string, unknown>, state: Record<string, string>): Record<string, unknown> {
  const props = ((input.customProperties as { key: string; value: string }[] | undefined) ?? []).filter((p) => !p.key.startsWith(IMPORT_PREFIX));
  const added = Object.entries(state).filter(([, v]) => v !== '').map(([key, value]) => ({ key, value }));
  return { ...input, customProperties: [...props, ...added].sort((a, b) => a.key.localeCompare(b.key)) };
}

export interface RunsSince {
  runs: MlflowRun[];
  /** The new watermark: the latest start or end time seen (never less than the old one). */
  until: number;
  /** Runs still unfinished now, to read again next time. */
  open: string[];
  /** Whether the watermark or the open runs differ from the stored ones. */
  moved: boolean;
}

/**
 * The runs of an experiment that may have changed since the last import: those that started or
 * ended after the stored watermark (less `lookbackMs`, for clients whose clocks run behind), plus
 * those that were unfinished then. MLflow sets no update time on runs, so these times and the
 * status are what tells. Without a stored watermark (or with `full`) every active run is read.
 */
export async function runsSince(
  mlflow: MlflowRest,
  experimentId: string,
  stored: StoredEntity | undefined,
  opts: { full: boolean; lookbackMs: number },
): Promise<RunsSince> {
  const oldUntil = opts.full ? undefined : Number(stored?.properties.get(PROP.runsUntil) ?? NaN);
  const oldOpen = (stored?.properties.get(PROP.openRuns) ?? '').split(' ').filter(Boolean);
  const found = new Map<string, MlflowRun>();
  const add = (runs: MlflowRun[]) => runs.forEach((r) => found.set(r.info.run_id, r));
  if (oldUntil === undefined || Number.isNaN(oldUntil)) {
    add(await mlflow.runs(experimentId, ''));
  } else {
    const since = Math.max(0, oldUntil - opts.lookbackMs);
    add(await mlflow.runs(experimentId, `attributes.start_time > ${since}`));
    add(await mlflow.runs(experimentId, `attributes.end_time > ${since}`));
    for (let i = 0; i < oldOpen.length; i += IDS_PER_SEARCH) {
      const ids = oldOpen.slice(i, i + IDS_PER_SEARCH).filter((id) => /^[0-9a-zA-Z_-]+$/.test(id));
      if (ids.length) add(await mlflow.runs(experimentId, `attributes.run_id IN (${ids.map((id) => `'${id}'`).join(', ')})`));
    }
  }
  const runs = [...found.values()].sort((a, b) => (millis(a.info.start_time) ?? 0) - (millis(b.info.start_time) ?? 0));
  let until = Number.isNaN(oldUntil ?? NaN) ? 0 : (oldUntil ?? 0);
  for (const r of runs) until = Math.max(until, millis(r.info.start_time) ?? 0, millis(r.info.end_time) ?? 0);
  const open = runs
    .filter((r) => r.info.status === 'RUNNING' || r.info.status === 'SCHEDULED')
    .map((r) => r.info.run_id)
    .slice(-MAX_OPEN);
  const moved = String(until) !== stored?.properties.get(PROP.runsUntil) || open.join(' ') !== (stored?.properties.get(PROP.openRuns) ?? '');
  return { runs, until, open, moved };
}
