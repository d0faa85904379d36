// Opens new edges (the caller has checked that no open edge of the same type joins the pair), with
// their declared edge properties (e.props, names from src/model/edge-properties.ts, never null).
// e.at is when the edge became true (the write's eventTime, else $now): its validFrom, so as-of
// reads see it from then; createdAt is when it was stored.
// params: $edges, $now, $actor, $source
// edges: [{from, type, to, props, at}]
// returns: opened
UNWIND $edges AS e
MATCH (a:Entity {urn: e.from}), (b:Entity {urn: e.to})
CREATE (a)-[r:$(e.type)]->(b)
SET r += e.props
SET r.validFrom = e.at, r.createdAt = $now, r.createdBy = $actor, r.source = $source
RETURN count(r) AS opened
