// Creates the columns of datasets that the same write creates, from their schema: such a dataset
// has no column yet (columns are made only for stored datasets or those of the same write, and
// schemas are written before column edges), so a plain CREATE does what columns/schema-sync.cypher
// does with MERGE and comparisons, for less (BENCHMARKS.md, "Column-level impact"). The unique
// constraint on column URNs refuses a column that existed after all.
// params: $rows, $now
// rows: [{dataset, since, fields: [{urn, fieldPath, type, description}]}] (since: the write's
// eventTime; null: $now)
// returns: created
UNWIND $rows AS row
UNWIND row.fields AS f
CREATE (c:Column {urn: f.urn})
SET c.dataset = row.dataset, c.fieldPath = f.fieldPath, c.type = f.type, c.description = f.description,
  c.validFrom = coalesce(row.since, $now)
RETURN count(c) AS created
