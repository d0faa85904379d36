// Slices of relationship lists, for the per-request relationship loader. Each of $slices asks the
// same list of several entities (k.urns): the entities of type k.target at the other end of each
// one's open edges of the types k.types, in the stored direction k.out (true: the listed entity is
// the edge's start), each once, in URN order, after k.after (a URN, or null), at most k.limit of
// them; with the stored properties $fields lists for their type, so the list needs no second
// statement to show them. Slices group the keys of a tick so that a URN, a type list or a target is
// sent once per slice, not once per key. k.types come from the server's RelationshipType enum,
// never from free text. A slice with k.self true asks the entities k.urns themselves (the entity
// loader's batch, with the lists the operation selects on them read ahead in the same statement).
// params: $slices, $fields
// slices: [{self, types, out, target, after, limit, urns}]
// fields: {<entity type>: [property name]}
// returns: slice, key, urn, type, values
UNWIND range(0, size($slices) - 1) AS slice
WITH slice, $slices[slice] AS k
UNWIND k.urns AS key
MATCH (n:Entity {urn: key})
CALL (n, k) {
  WITH n WHERE k.self AND n.type IS NOT NULL
  RETURN n AS m
  UNION ALL
  WITH n, k WHERE NOT k.self
  CALL (n, k) {
    MATCH (n)-[r:$any(k.types)]->(m:Entity)
    WHERE k.out AND r.validTo IS NULL AND m.type = k.target AND (k.after IS NULL OR m.urn > k.after)
    RETURN m
    UNION
    MATCH (n)<-[r:$any(k.types)]-(m:Entity)
    WHERE NOT k.out AND r.validTo IS NULL AND m.type = k.target AND (k.after IS NULL OR m.urn > k.after)
    RETURN m
  }
  // A limit per slice, so slices of different sizes share one statement (LIMIT takes no variable).
  WITH k, m ORDER BY m.urn
  WITH k, collect(m) AS all
  UNWIND all[..k.limit] AS m
  RETURN m
}
RETURN slice, key, m.urn AS urn, m.type AS type, [f IN $fields[m.type] | m[f]] AS values
