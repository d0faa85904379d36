// One slice of a relationship list per key, for the per-request relationship loader: the entities
// of type k.target at the other end of the key entity's open edges of the types k.types, in the
// stored direction k.out (true: the key entity is the edge's start), each once, in URN order, after
// k.after (a URN, or null), at most $limit of them; with the stored properties $fields lists for
// their type, so the list needs no second statement to show them. k.types come from the server's
// RelationshipType enum, never from free text.
// params: $keys, $limit, $fields
// keys: [{id, urn, types, out, target, after}]
// fields: {<entity type>: [property name]}
// returns: key, urn, type, values
UNWIND $keys AS k
MATCH (n:Entity {urn: k.urn})
CALL (n, k) {
  CALL (n, k) {
    MATCH (n)-[r:$any(k.types)]->(m:Entity)
    WHERE k.out AND r.validTo IS NULL AND m.type = k.target AND (k.after IS NULL OR m.urn > k.after)
    RETURN m
    UNION
    MATCH (n)<-[r:$any(k.types)]-(m:Entity)
    WHERE NOT k.out AND r.validTo IS NULL AND m.type = k.target AND (k.after IS NULL OR m.urn > k.after)
    RETURN m
  }
  RETURN m ORDER BY m.urn LIMIT $limit
}
RETURN k.id AS key, m.urn AS urn, m.type AS type, [f IN $fields[m.type] | m[f]] AS values
