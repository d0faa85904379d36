// Creates the columns of datasets that the same write creates, from their schema, with the column
// lineage edges of those columns: such a dataset has no column yet (columns are made only for
// stored datasets or those of the same write, and schemas are written before column edges), so a
// plain CREATE does what columns/schema-sync.cypher and columns/derived-open.cypher do with MERGE
// and comparisons, for less (BENCHMARKS.md, "Column-level impact"). The unique constraint on column
// URNs refuses a column that existed after all. Every input column exists: columns/ensure.cypher
// ran first, or it is one of the columns created here (the MATCH comes after every CREATE: the
// plan's one Eager).
// Lineage naming a field outside the dataset's schema goes through columns/derived-open.cypher.
// params: $rows, $now
// rows: [{dataset, since, at, fields: [{urn, fieldPath, type, description, inputs: [{to, transformations}]}]}]
// (since: the write's eventTime, the columns' validFrom; at: when the column lineage became true,
// the edges' validFrom; null: $now; to: the input column's URN)
// returns: opened
UNWIND $rows AS row
UNWIND row.fields AS f
CREATE (c:Column {urn: f.urn})
SET c.dataset = row.dataset, c.fieldPath = f.fieldPath, c.type = f.type, c.description = f.description,
  c.validFrom = coalesce(row.since, $now)
WITH *
UNWIND f.inputs AS i
MATCH (s:Column {urn: i.to})
CREATE (c)-[r:COLUMN_DERIVED_FROM]->(s)
SET r.transformations = i.transformations, r.validFrom = coalesce(row.at, $now)
RETURN count(r) AS opened
