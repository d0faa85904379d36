// The open (validTo IS NULL) edges of the given types that touch the given entities, both ways,
// with the status of the entity at the other end (closing an edge changes both ends), the values
// of the edge properties $props names (declared names, src/model/edge-properties.ts), in that
// order (the writer compares them), and the edge's validFrom (a write with an earlier eventTime
// moves it back).
// params: $urns, $types, $props
// returns: urn, type, outgoing, other, otherStatus, props, validFrom
UNWIND $urns AS urn
MATCH (n:Entity {urn: urn})-[r:$any($types)]-(m:Entity)
WHERE r.validTo IS NULL
RETURN urn, type(r) AS type, startNode(r) = n AS outgoing, m.urn AS other, m.status AS otherStatus, [k IN $props | r[k]] AS props,
       r.validFrom AS validFrom
