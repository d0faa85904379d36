// Opens new edges (the caller has checked that no open edge of the same type joins the pair), with
// their declared edge properties (e.props, names from src/model/edge-properties.ts, never null).
// params: $edges, $now, $actor, $source
// edges: [{from, type, to, props}]
// returns: opened
UNWIND $edges AS e
MATCH (a:Entity {urn: e.from}), (b:Entity {urn: e.to})
CREATE (a)-[r:$(e.type)]->(b)
SET r += e.props
SET r.validFrom = $now, r.createdAt = $now, r.createdBy = $actor, r.source = $source
RETURN count(r) AS opened
