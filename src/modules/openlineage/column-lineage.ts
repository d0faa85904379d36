// The seam for column-level lineage (issue 11): parseColumnLineage turns an output dataset's
// `columnLineage` facet into column edges with mlgraph URNs. The mapping keeps the facet itself as
// a readable facet (`openlineage.dataset.columnLineage`) and collects these edges in
// MappedEvents.columnLineage, which applyEvents (openlineage.service.ts) does not write yet: once
// datasets have column entities, writing them is a loop over that list there.

/** A column of a dataset, by the dataset's URN. */
export interface ColumnRef {
  dataset: string;
  column: string;
}

/** One column-level edge: `to` is computed from `from`. */
export interface ColumnLineageEdge {
  from: ColumnRef;
  to: ColumnRef;
  /** OpenLineage's transformations of this input field (type, subtype, description, masking), as sent. */
  transformations: unknown[];
  /** When the event that said so happened. */
  at: Date;
}

interface ColumnLineageFacet {
  fields?: Record<string, { inputFields?: { namespace: string; name: string; field: string; transformations?: unknown[] }[] }>;
}

/**
 * The column edges of the `columnLineage` facet of the output dataset `output` (its URN), in the
 * facet's order; `urnOf` names input datasets as the rest of the mapping does (symlinks included).
 * Dataset-level `dataset` entries (columns that affect the whole output) are left out.
 */
export function parseColumnLineage(output: string, facet: unknown, urnOf: (namespace: string, name: string) => string, at: Date): ColumnLineageEdge[] {
  const edges: ColumnLineageEdge[] = [];
  for (const [column, spec] of Object.entries((facet as ColumnLineageFacet | null)?.fields ?? {})) {
    for (const input of spec.inputFields ?? []) {
      edges.push({ from: { dataset: urnOf(input.namespace, input.name), column: input.field }, to: { dataset: output, column }, transformations: input.transformations ?? [], at });
    }
  }
  return edges;
}
