// Closes open READS_COLUMN edges of features and models (kept with validTo for as-of walks).
// params: $links, $now
// links: [{owner, to}] (entity URN, column URN)
// returns: closed
UNWIND $links AS l
MATCH (:Entity {urn: l.owner})-[r:READS_COLUMN]->(:Column {urn: l.to})
WHERE r.validTo IS NULL
SET r.validTo = $now
RETURN count(r) AS closed
