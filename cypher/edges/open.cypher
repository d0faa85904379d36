// Opens new edges (the caller has checked that no open edge of the same type joins the pair).
// params: $edges, $now, $actor, $source
// edges: [{from, type, to}]
// returns: opened
UNWIND $edges AS e
MATCH (a:Entity {urn: e.from}), (b:Entity {urn: e.to})
CREATE (a)-[r:$(e.type)]->(b)
SET r.validFrom = $now, r.createdAt = $now, r.createdBy = $actor, r.source = $source
RETURN count(r) AS opened
