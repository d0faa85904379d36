// Makes sure the columns that column edges about to open will join exist: lineage and reads may
// name a column before its dataset's schema does, and such a column is created bare (dataset and
// field path only). Columns that exist are left as they are. Run once per write, over the distinct
// columns, before columns/create, columns/derived-open and columns/reads-open, which then only
// MATCH both ends: one MERGE per column instead of one per edge end, and no Eager in their plans
// (BENCHMARKS.md, "Column-level impact"). Columns that columns/create makes in the same write are
// not listed (the unique constraint would refuse the second one).
// params: $columns
// columns: [{urn, dataset, field}]
// returns: columns
UNWIND $columns AS col
MERGE (c:Column {urn: col.urn})
ON CREATE SET c.dataset = col.dataset, c.fieldPath = col.field
RETURN count(c) AS columns
