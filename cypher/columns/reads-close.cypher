// Closes open READS_COLUMN edges of features and models (kept with validTo for as-of walks).
// l.at is when the edge stopped being true (the write's eventTime, else its now); an edge is never
// closed before it opened, so an earlier l.at closes it at its validFrom.
// params: $links
// links: [{owner, to, at}] (entity URN, column URN)
// returns: closed
UNWIND $links AS l
MATCH (:Entity {urn: l.owner})-[r:READS_COLUMN]->(:Column {urn: l.to})
WHERE r.validTo IS NULL
SET r.validTo = CASE WHEN l.at < r.validFrom THEN r.validFrom ELSE l.at END
RETURN count(r) AS closed
