// Keeps a dataset's columns in step with its schema. A column's presence in the schema is held on
// the column itself (validFrom, validTo; earlier closed intervals in pastFrom/pastTo), not on an
// edge: the columns of a batch are most of what it writes, and a node property costs far less than
// an edge (BENCHMARKS.md, "Column-level impact"). Columns the schema no longer lists are closed
// (the node stays, so as-of reads see it); columns it lists are created when missing (type and
// description follow the schema) and opened when not open, a reopened column keeping its closed
// interval. Run when a dataset's schemaFields change, and by migration 0006 for datasets written
// before columns existed; running it twice changes nothing.
// params: $rows, $now
// rows: [{dataset, since, fields: [{urn, fieldPath, type, description}]}] (since: when the schema was
// set: the write's eventTime, or for data written before columns existed; null: $now; a column is
// never closed before it opened)
// returns: opened (columns that existed and were opened again), closed
UNWIND $rows AS row
CALL (row) {
  MATCH (c:Column {dataset: row.dataset})
  WHERE c.validFrom IS NOT NULL AND c.validTo IS NULL AND NOT c.fieldPath IN [f IN row.fields | f.fieldPath]
  SET c.validTo = CASE WHEN coalesce(row.since, $now) < c.validFrom THEN c.validFrom ELSE coalesce(row.since, $now) END
  RETURN count(c) AS closed
}
CALL (row) {
  UNWIND row.fields AS f
  MERGE (c:Column {urn: f.urn})
  ON CREATE SET c.dataset = row.dataset, c.fieldPath = f.fieldPath, c.type = f.type, c.description = f.description,
    c.validFrom = coalesce(row.since, $now)
  ON MATCH SET c.type = f.type, c.description = f.description
  WITH c
  // a new column is open already; an existing one opens when it never was in the schema or was closed
  WHERE c.validFrom IS NULL OR c.validTo IS NOT NULL
  SET c.pastFrom = CASE WHEN c.validTo IS NULL THEN c.pastFrom ELSE coalesce(c.pastFrom, []) + [c.validFrom] END
  SET c.pastTo = CASE WHEN c.validTo IS NULL THEN c.pastTo ELSE coalesce(c.pastTo, []) + [c.validTo] END
  SET c.validFrom = coalesce(row.since, $now)
  SET c.validTo = null
  RETURN count(c) AS opened
}
RETURN sum(opened) AS opened, sum(closed) AS closed
