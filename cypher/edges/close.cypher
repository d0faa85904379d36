// Closes open edges: they stay stored with validTo set, so history and as-of lineage see them.
// e.type comes from the server's RelationshipType enum, never from free text.
// params: $edges, $now, $actor
// edges: [{from, type, to}]
// returns: closed
UNWIND $edges AS e
MATCH (a:Entity {urn: e.from})-[r:$(e.type)]->(b:Entity {urn: e.to})
WHERE r.validTo IS NULL
SET r.validTo = $now, r.closedBy = $actor
RETURN count(r) AS closed
