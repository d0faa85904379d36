// The first level of a downstream walk asked for one version: the entities one lineage step downstream
// of the root (the frontier holds only the root) over the edges that record $version (their
// `version` property, see src/model/edge-properties.ts), valid at $asOf (open edges when $asOf is
// null), whose status is in $statuses; later levels use downstream-level. Same rows as downstream-level.
// Relationship types and directions are those of downstream-level, written by `npm run schema:emit`.
// params: $frontier, $statuses, $asOf, $version
// returns: urn, type, from, relationship
UNWIND $frontier AS fromUrn
MATCH (n:Entity {urn: fromUrn})
CALL (n) {
  MATCH (n)-[r:CONTAINS|DEPLOYED_TO|INPUT_OF|MEMBER_OF]->(m:Entity)
  RETURN r, m
  UNION ALL
  MATCH (n)<-[r:CONSUMES|DEPENDS_ON|DERIVED_FROM|EVALUATED_ON|OUTPUT_OF|TRAINED_BY|TRAINED_ON]-(m:Entity)
  RETURN r, m
}
WITH fromUrn, r, m
WHERE m.status IN $statuses
  AND r.version = $version
  AND CASE
    WHEN $asOf IS NULL THEN r.validTo IS NULL
    ELSE r.validFrom <= $asOf AND (r.validTo IS NULL OR r.validTo > $asOf)
  END
WITH m, min([fromUrn, type(r)]) AS via
RETURN m.urn AS urn, m.type AS type, via[0] AS from, via[1] AS relationship
