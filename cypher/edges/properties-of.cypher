// The stored properties of given edges, for relationship lists with their edge properties and
// lineage path hops: per key, the edge (k.from)-[k.type]->(k.to) as stored, open at k.asOf (the
// open one when k.asOf is null). k.type comes from the server's RelationshipType enum, never from
// free text. No row for a key whose edge is not there.
// params: $keys
// keys: [{id, from, type, to, asOf}]
// returns: key, props, validFrom, createdBy
UNWIND $keys AS k
MATCH (a:Entity {urn: k.from})-[r:$(k.type)]->(b:Entity {urn: k.to})
WHERE CASE
    WHEN k.asOf IS NULL THEN r.validTo IS NULL
    ELSE r.validFrom <= k.asOf AND (r.validTo IS NULL OR r.validTo > k.asOf)
  END
RETURN k.id AS key, properties(r) AS props, r.validFrom AS validFrom, r.createdBy AS createdBy
