// Open outgoing edges for (urn, type) keys: the targets of each entity's relationship of that type.
// k.type comes from the server's RelationshipType enum, never from free text.
// params: $keys
// keys: [{urn, type}]
// returns: urn, type, other
UNWIND $keys AS k
MATCH (n:Entity {urn: k.urn})-[r:$(k.type)]->(m:Entity)
WHERE r.validTo IS NULL
RETURN k.urn AS urn, k.type AS type, m.urn AS other
ORDER BY other
