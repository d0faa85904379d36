// The open (validTo IS NULL) edges of the given types that touch the given entities, both ways,
// with the status of the entity at the other end (closing an edge changes both ends) and the
// edge's stored properties (the writer compares the declared edge properties among them).
// params: $urns, $types
// returns: urn, type, outgoing, other, otherStatus, props
UNWIND $urns AS urn
MATCH (n:Entity {urn: urn})-[r:$any($types)]-(m:Entity)
WHERE r.validTo IS NULL
RETURN urn, type(r) AS type, startNode(r) = n AS outgoing, m.urn AS other, m.status AS otherStatus, properties(r) AS props
