// Opens new edges (the caller has checked that no open edge of the same type joins the pair), with
// their declared edge properties (e.props, names from src/model/edge-properties.ts, never null; an
// absent one is not set). The names are literals here, one SET each, because `SET r += e.props`
// makes the planner buffer every row twice (Eager) for fear the map writes a property it reads;
// a contract test checks that this list is EDGE_PROPERTY_LIST.
// e.at is when the edge became true (the write's eventTime; null: $now, which the writer sends as
// null rather than one date per edge): its validFrom, so as-of reads see it from then; createdAt is
// when it was stored.
// params: $edges, $now, $actor, $source
// edges: [{from, type, to, props, at}]
// returns: opened
UNWIND $edges AS e
MATCH (a:Entity {urn: e.from}), (b:Entity {urn: e.to})
CREATE (a)-[r:$(e.type) {validFrom: coalesce(e.at, $now), createdAt: $now, createdBy: $actor, source: $source}]->(b)
SET r.version = e.props.version, r.derivationKind = e.props.derivationKind
RETURN count(r) AS opened
