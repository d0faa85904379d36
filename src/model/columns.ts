// Columns of datasets as graph citizens (README, "Columns"). A column is a node of its own,
// (:Column {urn, dataset, fieldPath, type, description, validFrom, validTo}), keyed like DataHub's
// schema fields and found by its dataset (an index). It is never deleted: validFrom/validTo (and
// earlier intervals in pastFrom/pastTo) say when it was in the dataset's schema. Column lineage is stored column to column (COLUMN_DERIVED_FROM, output -> input, as
// OpenLineage's columnLineage facet says it) and entity to column (READS_COLUMN: a feature's
// sources, a model's input signature). None of these is an entity (no status, no history of its
// own): they are written with, and recorded in the history of, the entity whose input sets them.


/** DataHub's schema field URN of a dataset's column: urn:li:schemaField:(<dataset URN>,<fieldPath>). */
export function columnUrn(dataset: string, fieldPath: string): string {
  return `urn:li:schemaField:(${dataset},${fieldPath})`;
}

/** A field path: 1-1,000 characters, no control or format characters (they would look alike). */
export const FIELD_PATH_PATTERN = /^[^\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]{1,1000}$/u;

/** OpenLineage's transformation types: whether the output's value comes from the input's. */
export enum TransformationType {
  DIRECT = 'DIRECT',
  INDIRECT = 'INDIRECT',
}

/** OpenLineage's transformation subtypes (DIRECT: the first three; INDIRECT: the rest). */
export enum TransformationSubtype {
  IDENTITY = 'IDENTITY',
  TRANSFORMATION = 'TRANSFORMATION',
  AGGREGATION = 'AGGREGATION',
  FILTER = 'FILTER',
  JOIN = 'JOIN',
  GROUP_BY = 'GROUP_BY',
  SORT = 'SORT',
  WINDOW = 'WINDOW',
  CONDITIONAL = 'CONDITIONAL',
}

/** How an output column is made from an input column (one element of OpenLineage's `transformations`). */
export interface Transformation {
  type: TransformationType;
  subtype: TransformationSubtype | null;
  description: string | null;
  masking: boolean;
}

/** A column by its dataset and field path. */
export interface ColumnRef {
  dataset: string;
  field: string;
}

/** One stored column-to-column edge: the output column `field` of the owner dataset reads `input`. */
export interface ColumnLink {
  field: string;
  input: ColumnRef;
  transformations: Transformation[];
}

/** A column of a dataset's schema, as the dataset's `schemaFields` give it. */
export interface SchemaColumn {
  fieldPath: string;
  type: string;
  description: string | null;
}

/**
 * What one entity's input says about columns; each part present replaces what is stored.
 * `schema` (datasets) keeps the columns in step with schemaFields; `lineage` (datasets) is the
 * column lineage of its own columns; `reads` (features, models) the columns it reads.
 */
export interface ColumnWrite {
  schema?: SchemaColumn[];
  lineage?: ColumnLink[];
  reads?: ColumnRef[];
  /** When what it says became true, when not the entity's own eventTime (an OpenLineage facet's event). */
  at?: Date;
}

/** Stable text of a transformation list (order and absent fields do not matter), for comparison and storage. */
export function transformationsText(ts: readonly Transformation[]): string {
  const norm = ts.map((t) => ({ type: t.type, subtype: t.subtype ?? null, description: t.description ?? null, masking: Boolean(t.masking) }));
  return JSON.stringify(norm.map((t) => JSON.stringify(t)).sort().map((s) => JSON.parse(s)));
}
