import { createHash } from 'node:crypto';
import { RunType } from '../../kinds/run/run-type.enum';

// Facets mlgraph keeps without mapping them onto fields: as custom properties of the entity they
// describe, one per facet, the key naming where it came from and the value the facet's JSON.

/** Custom properties hold at most this many characters (UpsertEntityInput's limit). */
const MAX_VALUE = 32_768;
const MAX_KEY = 255;

/** A facet as a custom property value: its JSON, or a note of its size when it is too large to keep. */
export function facetValue(facet: unknown): string {
  const json = JSON.stringify(facet);
  return json.length <= MAX_VALUE ? json : JSON.stringify({ truncated: true, characters: json.length });
}

/** A custom property key of at most 255 characters (a longer one ends with a hash of the whole). */
export function propertyKey(key: string): string {
  return key.length <= MAX_KEY ? key : `${key.slice(0, MAX_KEY - 9)}#${createHash('sha256').update(key).digest('hex').slice(0, 8)}`;
}

/** The facets of `facets` not in `mapped` (and not marked `_deleted`), as custom properties under `prefix`. */
export function keptFacets(prefix: string, facets: Record<string, unknown> | undefined, mapped: readonly string[] = []): [string, string][] {
  return Object.entries(facets ?? {})
    .filter(([name, f]) => !mapped.includes(name) && !(f as { _deleted?: boolean })?._deleted)
    .map(([name, f]) => [propertyKey(`${prefix}${name}`), facetValue(f)]);
}

/** Synonyms of RunType values a `jobType` facet may carry (upper case). */
const RUN_TYPE_OF: Readonly<Record<string, RunType>> = {
  TRAIN: RunType.TRAINING, FINE_TUNING: RunType.TRAINING, FINETUNING: RunType.TRAINING,
  EVAL: RunType.EVALUATION, VALIDATION: RunType.EVALUATION,
  INFERENCE: RunType.BATCH_INFERENCE, BATCH_SCORING: RunType.BATCH_INFERENCE, SCORING: RunType.BATCH_INFERENCE, PREDICTION: RunType.BATCH_INFERENCE,
  FEATURES: RunType.FEATURE_ENGINEERING, FEATURE: RunType.FEATURE_ENGINEERING,
  QUERY: RunType.DATA_PROCESSING, COMMAND: RunType.DATA_PROCESSING, JOB: RunType.DATA_PROCESSING, TASK: RunType.DATA_PROCESSING, ETL: RunType.DATA_PROCESSING,
};

/**
 * The run type a `jobType` facet says: its `jobType` when it is a RunType (TRAINING, EVALUATION,
 * BATCH_INFERENCE, FEATURE_ENGINEERING, DATA_PROCESSING) or a synonym (TRAIN, EVAL, SCORING,
 * INFERENCE...; QUERY, COMMAND, JOB, TASK and ETL are DATA_PROCESSING), else OTHER; undefined
 * without the facet, so a run keeps what another event said.
 */
export function runTypeOf(facet: { jobType?: string } | undefined): RunType | undefined {
  if (!facet) return undefined;
  const t = (facet.jobType ?? '').trim().toUpperCase().replace(/[\s-]+/g, '_');
  return (Object.values(RunType) as string[]).includes(t) ? (t as RunType) : (RUN_TYPE_OF[t] ?? RunType.OTHER);
}
