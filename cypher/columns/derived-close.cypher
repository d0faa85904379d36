// Closes open column lineage edges (output column -> input column); they stay stored with validTo,
// so as-of column walks see them.
// params: $links, $now
// links: [{from, to}] (column URNs)
// returns: closed
UNWIND $links AS l
MATCH (:Column {urn: l.from})-[r:COLUMN_DERIVED_FROM]->(:Column {urn: l.to})
WHERE r.validTo IS NULL
SET r.validTo = $now
RETURN count(r) AS closed
