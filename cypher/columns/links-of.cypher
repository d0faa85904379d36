// The open column lineage of datasets (edges from their columns to input columns) and the open
// READS_COLUMN edges of features and models: what a write of `columnLineage`, `sourceColumns` or
// `inputColumns` compares against. `field` is the owner dataset's output column (null for a
// reader); `transformations` the stored JSON text (null for a reader); `validFrom` when the edge
// began (a write with an earlier eventTime moves it back).
// params: $datasets, $readers
// returns: owner, field, dataset, input, transformations, validFrom
CALL () {
  UNWIND $datasets AS owner
  MATCH (o:Column {dataset: owner})-[l:COLUMN_DERIVED_FROM]->(s:Column)
  WHERE l.validTo IS NULL
  RETURN owner, o.fieldPath AS field, s.dataset AS dataset, s.fieldPath AS input, l.transformations AS transformations, l.validFrom AS validFrom
  UNION ALL
  UNWIND $readers AS owner
  MATCH (:Entity {urn: owner})-[l:READS_COLUMN]->(s:Column)
  WHERE l.validTo IS NULL
  RETURN owner, null AS field, s.dataset AS dataset, s.fieldPath AS input, null AS transformations, l.validFrom AS validFrom
}
RETURN owner, field, dataset, input, transformations, validFrom
