import type { int } from './connect';

// The parameter and row shapes the query registry (queries.ts) names, kept apart so the registry
// reads as the list of statements it is.

/** Stored property names to read, by entity type (a request's projection, see modules/entities/projection.ts). */
export type FieldsByType = Readonly<Record<string, readonly string[]>>;

/** An entity read through a projection: the values of its type's fields, in the projection's order. */
export interface ProjectedRow {
  urn: string;
  type: string;
  values: unknown[];
}

/**
 * A row of edges/related: up to 25 listed entities, each once in the answer, as [urn, type, values,
 * at], `at` where it is listed: each [slice (index), list (0: the slice's own; j: its j-th nested list), key (the URN
 * whose list holds it)], a place twice when two edges lead to the entity.
 */
export interface RelatedRow {
  rows: [urn: string, type: string, values: unknown[], at: [number, number, string][]][];
}

/** One relationship list asked of edges/related for several entities (see that file). */
export interface RelatedSliceParam {
  /** The entities `urns` themselves, not a list of theirs (the other fields are then unused). */
  self: boolean;
  urns: string[];
  types: string[];
  out: boolean;
  target: string;
  after: string | null;
  limit: Int;
  /** Lists of each entity the slice lists (its first `limit - 1`), read after it. */
  nested: Omit<RelatedSliceParam, 'urns' | 'nested'>[];
}

/** Parameters of one lineage level: the frontier's URNs and the walk's filters. */
export interface LineageLevelParams {
  frontier: string[];
  statuses: string[];
  asOf: Date | null;
}

/** Two levels in one statement (lineage/*-two-levels): the level's parameters, what to leave out and what to expand. */
export interface LineageTwoLevelsParams extends LineageLevelParams {
  visited: string[];
  expandable: string[];
  expandMax: number;
}

/** An entity one lineage step from the frontier, with the smallest (from, relationship) reaching it. */
export interface LineageLevelRow {
  urn: string;
  type: string;
  from: string;
  relationship: string;
  /**
   * Whether the entity has any edge of a step in the walk's direction (open or closed, whatever the
   * status at its other end): one without cannot reach anything at the next level. Only the
   * two-level statements ask; absent (the one-level and pinned statements) reads as true.
   */
  onward?: boolean;
}

/** A row of lineage/*-two-levels: a level row and its level (1 or 2 steps from the frontier). */
export interface LineageTwoLevelsRow extends LineageLevelRow {
  depth: number;
}

/** A Neo4j integer (LIMIT and SKIP need one; see `int()`). */
export type Int = ReturnType<typeof int>;

/** The filters of entities(...), null when not filtering; types and statuses are always lists. */
export interface BrowseFilterParams {
  types: string[];
  statuses: string[];
  platform: string | null;
  env: string | null;
  tag: string | null;
  owner: string | null;
  namePrefix: string | null;
}

/** An entity's position in the entities(...) order, and the keyset cursor after it. */
export interface BrowseKey {
  urn: string;
  type: string;
  name: string;
}

/** A Lucene query built by the server, plus the type and status filters of search(...). */
export interface SearchParams {
  query: string;
  types: string[];
  statuses: string[];
}

/** One stored change record; `changes` is the JSON text of [{field, old, new}]. */
export interface ChangeRow {
  revision: number;
  at: Date;
  recordedAt: Date;
  actor: string;
  action: string;
  reason: string | null;
  source: string;
  changes: string;
}

/** Parameters of one column-level lineage level: each frontier entity with its affected datasets. */
export interface ColumnLevelParams {
  frontier: { urn: string; datasets: string[] }[];
  statuses: string[];
  asOf: Date | null;
}

/**
 * An entity one lineage step from a frontier entity, with what the column layer says about the
 * step: links as [input dataset, input field, output dataset, output field, transformations JSON]
 * (output null: the reading feature or model), and datasets read through consumed features.
 */
export interface ColumnLevelRow {
  from: string;
  relationship: string;
  urn: string;
  type: string;
  links: ColumnLink[];
  viaFeatures: string[];
  /** Downstream: the frontier's affected datasets the reached entity has any column mapping from (viaFeatures among them). */
  mapped?: string[];
}

/** A column edge: [input dataset, input field, output dataset, output field, transformations JSON]; output null for a reader. */
export type ColumnLink = [string, string, string | null, string | null, string | null];

export interface ColumnDownstreamLevelParams {
  /**
   * `columns`: URNs of the affected columns; `all`: datasets affected as a whole (every column); `datasets`: both.
   * `fallback`: an entry of the walk's fallback side (all three lists empty).
   */
  frontier: { urn: string; fallback: boolean; datasets: string[]; columns: string[]; all: string[] }[];
  /** (entity, dataset) pairs whose mapping the walk knows already, as keys `${entity}\n${dataset}`: not asked again. */
  known: Record<string, true>;
  statuses: string[];
  asOf: Date | null;
}

/** One frontier entity's downstream level at column level: its steps, with mapped datasets, and what its affected columns feed. */
export interface ColumnDownstreamLevelRow {
  from: string;
  fallback: boolean;
  steps: [relationship: string, urn: string, type: string, mapped: string[]][];
  /** Per affected column: the columns made from it ([dataset, field, transformations]) and the URNs of its readers. */
  fed: [dataset: string, field: string, derived: [dataset: string, field: string, transformations: string | null][], readers: string[]][];
}

/** A dataset's schema as column nodes should follow it (columns/schema-sync). */
export interface SchemaSyncRow {
  dataset: string;
  /** When the schema was set (the write's eventTime, or for data written before columns existed); null: now. */
  since: Date | null;
  fields: { urn: string; fieldPath: string; type: string; description: string | null }[];
}

/** A dataset the write creates: its columns, each with the column lineage it is made from (columns/create). */
export interface ColumnsCreateRow {
  dataset: string;
  /** The write's eventTime, the columns' validFrom; null: now. */
  since: Date | null;
  /** When its column lineage became true, the edges' validFrom; null: now. */
  at: Date | null;
  fields: { urn: string; fieldPath: string; type: string; description: string | null; inputs: { to: string; transformations: string }[] }[];
}

/** One stored edge, by its endpoints and type. */
export interface EdgeKey {
  from: string;
  type: string;
  to: string;
}

/** An edge and the instant a write says it opened or closed (its eventTime, else the write's own time). */
export type TimedEdgeKey = EdgeKey & { at: Date };

/** An edge a write opens: `at` null is the write's own time; `props` its declared edge properties. */
export type EdgeToOpen = EdgeKey & { at: Date | null; props: Record<string, string> };
