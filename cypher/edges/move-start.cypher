// Moves the start of open edges back to an earlier time: a write said, with an eventTime before
// the edge's validFrom, that the edge was already true then (events that arrive out of order).
// params: $edges
// edges: [{from, type, to, at}]
// returns: moved
UNWIND $edges AS e
MATCH (a:Entity {urn: e.from})-[r:$(e.type)]->(b:Entity {urn: e.to})
WHERE r.validTo IS NULL AND e.at < r.validFrom
SET r.validFrom = e.at
RETURN count(r) AS moved
