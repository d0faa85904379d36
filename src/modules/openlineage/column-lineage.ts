import { BadUserInputError } from '../../errors/errors';
import { FIELD_PATH_PATTERN, TransformationSubtype, TransformationType, type Transformation } from '../../model/columns';

// OpenLineage's `columnLineage` dataset facet as column lineage (README, "Columns"): the mapping
// parses each output dataset's facet into column edges with mlgraph URNs, and the dataset's write
// carries them as its `columnLineage` input, the same input an upsert or `ingest` gives.

/** A column of a dataset, by the dataset's URN. */
export interface ColumnRef {
  dataset: string;
  column: string;
}

/** One column-level edge: `to` is computed from `from`. */
export interface ColumnLineageEdge {
  from: ColumnRef;
  to: ColumnRef;
  /** How, as mlgraph stores it (see transformationsOf). */
  transformations: Transformation[];
  /** When the event that said so happened. */
  at: Date;
}

/** A dataset's `columnLineage` input (ColumnLineageInput): each output field with its input fields. */
export interface ColumnLineageInputValue {
  field: string;
  inputFields: { dataset: string; field: string; transformations: Transformation[] }[];
}

interface ColumnLineageFacet {
  fields?: Record<string, { inputFields?: { namespace: string; name: string; field: string; transformations?: unknown[] }[] }>;
}

/** Most transformations kept per input field, and the longest description (ColumnTransformationInput's limits). */
const MAX_TRANSFORMATIONS = 20;
const MAX_DESCRIPTION = 4096;

/**
 * The column edges of the `columnLineage` facet of the output dataset `output` (its URN), in the
 * facet's order; `urnOf` names input datasets as the rest of the mapping does (symlinks included).
 * Dataset-level `dataset` entries (columns that affect the whole output) are left out.
 * BAD_USER_INPUT under `path` (the facet's place in the request) for a field name that is not a
 * field path (empty, over 1,000 characters, control characters).
 */
export function parseColumnLineage(
  output: string,
  facet: unknown,
  urnOf: (namespace: string, name: string) => string,
  at: Date,
  path = 'columnLineage',
): ColumnLineageEdge[] {
  const edges: ColumnLineageEdge[] = [];
  for (const [column, spec] of Object.entries((facet as ColumnLineageFacet | null)?.fields ?? {})) {
    requireFieldPath(column, `${path}.fields.${column}`);
    (spec.inputFields ?? []).forEach((input, i) => {
      requireFieldPath(input.field, `${path}.fields.${column}.inputFields.${i}.field`);
      const from = { dataset: urnOf(input.namespace, input.name), column: input.field };
      edges.push({ from, to: { dataset: output, column }, transformations: transformationsOf(input.transformations), at });
    });
  }
  return edges;
}

/**
 * OpenLineage transformations as mlgraph stores them. Lenient, so that a producer on a newer
 * version of the spec is not refused: an element whose `type` is neither DIRECT nor INDIRECT is
 * left out, an unknown `subtype` is null (not known), descriptions are cut at 4,096 characters and
 * at most 20 elements are kept.
 */
export function transformationsOf(list: unknown[] | undefined): Transformation[] {
  const out: Transformation[] = [];
  for (const t of list ?? []) {
    const x = (t ?? {}) as Record<string, unknown>;
    const type = String(x.type ?? '').toUpperCase() as TransformationType;
    if (!Object.values(TransformationType).includes(type)) continue;
    const subtype = String(x.subtype ?? '').toUpperCase() as TransformationSubtype;
    out.push({
      type,
      subtype: Object.values(TransformationSubtype).includes(subtype) ? subtype : null,
      description: typeof x.description === 'string' && x.description ? x.description.slice(0, MAX_DESCRIPTION) : null,
      masking: x.masking === true,
    });
  }
  return out.slice(0, MAX_TRANSFORMATIONS);
}

/** Column edges of one output dataset as its `columnLineage` input, grouped by output field in first-seen order. */
export function columnLineageInput(edges: readonly ColumnLineageEdge[]): ColumnLineageInputValue[] {
  const byField = new Map<string, ColumnLineageInputValue>();
  for (const e of edges) {
    const entry = byField.get(e.to.column) ?? byField.set(e.to.column, { field: e.to.column, inputFields: [] }).get(e.to.column)!;
    entry.inputFields.push({ dataset: e.from.dataset, field: e.from.column, transformations: e.transformations });
  }
  return [...byField.values()];
}

function requireFieldPath(value: unknown, path: string): void {
  if (typeof value !== 'string' || !FIELD_PATH_PATTERN.test(value)) {
    throw new BadUserInputError('a column name is 1-1,000 characters without control or format characters', path);
  }
}
