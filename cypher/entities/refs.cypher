// Type and status of referenced URNs; type is null for a URN that does not exist.
// params: $urns
// returns: urn, type, status
UNWIND $urns AS urn
OPTIONAL MATCH (n:Entity {urn: urn})
RETURN urn, n.type AS type, n.status AS status
