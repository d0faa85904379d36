// Two breadth-first levels of a small upstream walk in one statement (src/modules/lineage/lineage-walk.ts
// sends it while the walk is small, to halve its round trips): the rows of lineage/upstream-level
// for $frontier (depth 1), leaving out entities in $visited (the root and every entity sent to a
// level before), then the rows of the same statement for those of them whose type is in
// $expandable and that have a step onward (depth 2), unless there are more than $expandMax of
// those: a large level is left for the next statement, which may split it over cores. Each row
// says whether its entity has any edge of a step in this direction (`onward`: open or closed, to
// an entity of any status); the walk sends no entity without one to a later level. (The one-level
// statement does not ask: on the large levels it walks, the check cost more than it saved.) A
// depth-2 row may name an entity of depth 1; the walk keeps the first level that reaches an
// entity, as it does across statements. Same edges, statuses and tie-breaking as the one-level
// statement.
// params: $frontier, $visited, $expandable, $expandMax, $statuses, $asOf
// returns: depth, urn, type, from, relationship, onward
UNWIND $frontier AS fromUrn
MATCH (n:Entity {urn: fromUrn})
CALL (n) {
  MATCH (n)-[r:CONSUMES|DEPENDS_ON|DERIVED_FROM|EVALUATED_ON|OUTPUT_OF|TRAINED_BY|TRAINED_ON]->(m:Entity)
  RETURN r, m
  UNION ALL
  MATCH (n)<-[r:CONTAINS|DEPLOYED_TO|INPUT_OF|MEMBER_OF]-(m:Entity)
  RETURN r, m
}
WITH fromUrn, r, m
WHERE m.status IN $statuses
  AND NOT m.urn IN $visited
  AND CASE
    WHEN $asOf IS NULL THEN r.validTo IS NULL
    ELSE r.validFrom <= $asOf AND (r.validTo IS NULL OR r.validTo > $asOf)
  END
WITH m, min([fromUrn, type(r)]) AS via
WITH collect({m: m, via: via, onward: EXISTS { (m)-[:CONSUMES|DEPENDS_ON|DERIVED_FROM|EVALUATED_ON|OUTPUT_OF|TRAINED_BY|TRAINED_ON]->() } OR EXISTS { (m)<-[:CONTAINS|DEPLOYED_TO|INPUT_OF|MEMBER_OF]-() }}) AS first
CALL (first) {
  UNWIND first AS f
  RETURN 1 AS depth, f.m.urn AS urn, f.m.type AS type, f.via[0] AS from, f.via[1] AS relationship, f.onward AS onward
  UNION ALL
  WITH [f IN first WHERE f.m.type IN $expandable AND f.onward | f.m] AS next
  WHERE size(next) <= $expandMax
  UNWIND next AS n
  CALL (n) {
    MATCH (n)-[r:CONSUMES|DEPENDS_ON|DERIVED_FROM|EVALUATED_ON|OUTPUT_OF|TRAINED_BY|TRAINED_ON]->(m:Entity)
    RETURN r, m
    UNION ALL
    MATCH (n)<-[r:CONTAINS|DEPLOYED_TO|INPUT_OF|MEMBER_OF]-(m:Entity)
    RETURN r, m
  }
  WITH n.urn AS fromUrn, r, m
  WHERE m.status IN $statuses
    AND CASE
      WHEN $asOf IS NULL THEN r.validTo IS NULL
      ELSE r.validFrom <= $asOf AND (r.validTo IS NULL OR r.validTo > $asOf)
    END
  WITH m, min([fromUrn, type(r)]) AS via
  RETURN 2 AS depth, m.urn AS urn, m.type AS type, via[0] AS from, via[1] AS relationship,
    EXISTS { (m)-[:CONSUMES|DEPENDS_ON|DERIVED_FROM|EVALUATED_ON|OUTPUT_OF|TRAINED_BY|TRAINED_ON]->() } OR EXISTS { (m)<-[:CONTAINS|DEPLOYED_TO|INPUT_OF|MEMBER_OF]-() } AS onward
}
RETURN depth, urn, type, from, relationship, onward
