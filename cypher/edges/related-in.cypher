// Open incoming edges for (urn, type) keys: the sources of each entity's relationship of that type.
// params: $keys
// keys: [{urn, type}]
// returns: urn, type, other
UNWIND $keys AS k
MATCH (n:Entity {urn: k.urn})<-[r:$(k.type)]-(m:Entity)
WHERE r.validTo IS NULL
RETURN k.urn AS urn, k.type AS type, m.urn AS other
ORDER BY other
