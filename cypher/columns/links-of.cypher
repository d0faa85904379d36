// The open column lineage of datasets (edges from their columns to input columns) and the open
// READS_COLUMN edges of features and models: what a write of `columnLineage`, `sourceColumns` or
// `inputColumns` compares against. `field` is the owner dataset's output column (null for a
// reader); `transformations` the stored JSON text (null for a reader).
// params: $datasets, $readers
// returns: owner, field, dataset, input, transformations
CALL () {
  UNWIND $datasets AS owner
  MATCH (o:Column {dataset: owner})-[l:COLUMN_DERIVED_FROM]->(s:Column)
  WHERE l.validTo IS NULL
  RETURN owner, o.fieldPath AS field, s.dataset AS dataset, s.fieldPath AS input, l.transformations AS transformations
  UNION ALL
  UNWIND $readers AS owner
  MATCH (:Entity {urn: owner})-[l:READS_COLUMN]->(s:Column)
  WHERE l.validTo IS NULL
  RETURN owner, null AS field, s.dataset AS dataset, s.fieldPath AS input, null AS transformations
}
RETURN owner, field, dataset, input, transformations
