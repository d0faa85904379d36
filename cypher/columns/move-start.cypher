// Moves the start of open column edges back: a write with an eventTime before an open edge's
// validFrom says when the edge really began (events arriving out of order), as entity edges do
// (edges/move-start.cypher). `from` is the owner dataset's output column for column lineage, null
// for a feature's or model's READS_COLUMN edge (its `owner`); `to` the input column. An edge whose
// start is already at or before l.at is left as it is.
// params: $links
// links: [{owner, from, to, at}] (from, to: column URNs)
// returns: moved
UNWIND $links AS l
CALL (l) {
  MATCH (:Column {urn: l.from})-[r:COLUMN_DERIVED_FROM]->(:Column {urn: l.to})
  WHERE l.from IS NOT NULL AND r.validTo IS NULL
  RETURN r
  UNION ALL
  MATCH (:Entity {urn: l.owner})-[r:READS_COLUMN]->(:Column {urn: l.to})
  WHERE l.from IS NULL AND r.validTo IS NULL
  RETURN r
}
WITH l, r
WHERE l.at < r.validFrom
SET r.validFrom = l.at
RETURN count(r) AS moved
