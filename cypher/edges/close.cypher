// Closes open edges: they stay stored with validTo set, so history and as-of lineage see them.
// e.type comes from the server's RelationshipType enum, never from free text. e.at is when the
// edge stopped being true (the write's eventTime, else $now); an edge is never closed before it
// opened, so an earlier e.at closes it at its validFrom. closedAt is when the close was stored.
// params: $edges, $now, $actor
// edges: [{from, type, to, at}]
// returns: closed
UNWIND $edges AS e
MATCH (a:Entity {urn: e.from})-[r:$(e.type)]->(b:Entity {urn: e.to})
WHERE r.validTo IS NULL
SET r.validTo = CASE WHEN e.at < r.validFrom THEN r.validFrom ELSE e.at END, r.closedBy = $actor, r.closedAt = $now
RETURN count(r) AS closed
