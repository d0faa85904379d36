// How many open edges each entity has, by relationship type, direction and the type of the entity
// at the other end: the sizes of its relationship lists, without loading them.
// params: $urns
// returns: urn, type, outgoing, target, count
UNWIND $urns AS urn
MATCH (n:Entity {urn: urn})-[r]-(m:Entity)
WHERE r.validTo IS NULL
RETURN urn, type(r) AS type, startNode(r) = n AS outgoing, m.type AS target, count(r) AS count
