// Closes open column lineage edges (output column -> input column); they stay stored with validTo,
// so as-of column walks see them.
// l.at is when the edge stopped being true (the write's eventTime, else its now); an edge is never
// closed before it opened, so an earlier l.at closes it at its validFrom.
// params: $links
// links: [{from, to, at}] (column URNs)
// returns: closed
UNWIND $links AS l
MATCH (:Column {urn: l.from})-[r:COLUMN_DERIVED_FROM]->(:Column {urn: l.to})
WHERE r.validTo IS NULL
SET r.validTo = CASE WHEN l.at < r.validFrom THEN r.validFrom ELSE l.at END
RETURN count(r) AS closed
