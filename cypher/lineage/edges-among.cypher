// The lineage edges, valid at $asOf (open edges when $asOf is null), whose both ends are in $urns:
// what lineageGraph draws between the nodes it found. Edges come back as stored (start -> end).
// The relationship types are exactly those of LINEAGE_STEPS, written by `npm run schema:emit` (a
// contract test keeps them equal).
// $edgeProps: the declared edge property names (EDGE_PROPERTY_LIST).
// params: $urns, $asOf, $edgeProps
// returns: from, relationship, to, props (the values of $edgeProps, in order; temporals are not read)
UNWIND $urns AS fromUrn
MATCH (a:Entity {urn: fromUrn})-[r:CONSUMES|CONTAINS|DEPENDS_ON|DEPLOYED_TO|DERIVED_FROM|EVALUATED_ON|INPUT_OF|MEMBER_OF|OUTPUT_OF|TRAINED_BY|TRAINED_ON]->(b:Entity)
WHERE b.urn IN $urns
  AND CASE
    WHEN $asOf IS NULL THEN r.validTo IS NULL
    ELSE r.validFrom <= $asOf AND (r.validTo IS NULL OR r.validTo > $asOf)
  END
RETURN fromUrn AS from, type(r) AS relationship, b.urn AS to, [k IN $edgeProps | r[k]] AS props
ORDER BY from, relationship, to
