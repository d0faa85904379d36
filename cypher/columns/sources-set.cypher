// Keeps each column-edge owner's `columnSources`: the datasets its open column edges read from
// (a dataset: the inputs of its columns' COLUMN_DERIVED_FROM edges; a feature or model: the
// datasets of the columns it READS), sorted, unset when none. A column walk's mapping question
// (cypher/columns/downstream-level.cypher, today's graph) reads this one property instead of
// every column and column edge of the entity. Written with the column edges of each owner whose
// edges the write changed; migration 0009 wrote it for stores from before.
// params: $rows
// rows: [{urn, datasets}]
// returns: written
UNWIND $rows AS row
MATCH (e:Entity {urn: row.urn})
SET e.columnSources = CASE WHEN size(row.datasets) = 0 THEN null ELSE row.datasets END
RETURN count(e) AS written
