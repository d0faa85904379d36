// Migration 0009: every dataset, feature and model with open column edges gets `columnSources`,
// the sorted datasets those edges read from (see cypher/columns/sources-set.cypher, which keeps it
// from then on). Stores written before it have the edges only; a column walk of today's graph
// answers its mapping question from this property. Idempotent: it writes the same list again.
// params: none
MATCH (e:Entity)
WHERE e:Dataset OR e:Feature OR e:Model
CALL (e) {
  WITH e, COLLECT {
    CALL (e) {
      MATCH (:Column {dataset: e.urn})-[l:COLUMN_DERIVED_FROM]->(s:Column)
      WHERE l.validTo IS NULL
      RETURN s.dataset AS d
      UNION
      MATCH (e)-[l:READS_COLUMN]->(s:Column)
      WHERE l.validTo IS NULL
      RETURN s.dataset AS d
    }
    RETURN d ORDER BY d
  } AS ds
  SET e.columnSources = CASE WHEN size(ds) = 0 THEN null ELSE ds END
} IN TRANSACTIONS OF 1000 ROWS;
