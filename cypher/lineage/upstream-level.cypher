// One breadth-first level of an upstream walk ("what produced these"): every entity one lineage
// step upstream of the frontier, over edges valid at $asOf (open edges when $asOf is null), whose
// status is in $statuses. One row per reached entity, with the smallest [frontier urn,
// relationship] that reaches it, so the reported paths are deterministic.
// Relationship types and directions are the exact reverse of the downstream steps of
// LINEAGE_STEPS (src/modules/lineage/lineage-steps.ts), written by `npm run schema:emit`; a
// contract test keeps them equal.
// params: $frontier, $statuses, $asOf
// returns: urn, type, from, relationship
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
  AND CASE
    WHEN $asOf IS NULL THEN r.validTo IS NULL
    ELSE r.validFrom <= $asOf AND (r.validTo IS NULL OR r.validTo > $asOf)
  END
WITH m, min([fromUrn, type(r)]) AS via
RETURN m.urn AS urn, m.type AS type, via[0] AS from, via[1] AS relationship
