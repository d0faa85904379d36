// Slices of relationship lists, for the per-request relationship loader. Each of $slices asks the
// same list of several entities (k.urns): the entities of type k.target at the other end of each
// one's open edges of the types k.types, in the stored direction k.out (true: the listed entity is
// the edge's start), each once, in URN order, after k.after (a URN, or null), at most k.limit of
// them; with the stored properties $fields lists for their type, so the list needs no second
// statement to show them. Slices group the keys of a tick so that a URN, a type list or a target is
// sent once per slice, not once per key. k.types come from the server's RelationshipType enum,
// never from free text. A slice with k.self true asks the entities k.urns themselves (the entity
// loader's batch, with the lists the operation selects on them read ahead in the same statement).
// k.nested lists the lists the operation selects on the slice's entities (a page's models' runs,
// and the runs' inputs): read for each entity the slice hands out (its first k.limit - 1, the last
// row only tells that the list goes on), once per entity however many keys list it; what they
// list is placed at sub = j + 1 (j: the nested list's index) with key = the entity they belong to.
// params: $slices, $fields
// slices: [{self, types, out, target, after, limit, urns, nested: [{types, out, target, after, limit}]}]
// fields: {<entity type>: [property name]}
// values: in the order of $fields; times as epoch milliseconds (decoding the driver's DateTime took
// more of a page's allocations than anything else; src/modules/entities/projection.ts turns them back).
// returns: urn, type, values, at: [[slice, sub, key]]
UNWIND range(0, size($slices) - 1) AS slice
WITH slice, $slices[slice] AS k
UNWIND k.urns AS key
MATCH (n:Entity {urn: key})
CALL (n, k) {
  WITH n WHERE k.self AND n.type IS NOT NULL
  RETURN n AS m, false AS shown
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
  WITH k, collect(m) AS listed
  UNWIND range(0, size(listed[..k.limit]) - 1) AS i
  RETURN listed[i] AS m, i < k.limit - 1 AS shown
}
WITH collect({slice: slice, key: key, m: m, shown: shown}) AS rows
CALL (rows) {
  UNWIND rows AS row
  RETURN row.slice AS slice, 0 AS sub, row.key AS key, row.m AS m
  UNION ALL
  UNWIND rows AS row
  WITH row WHERE row.shown AND size($slices[row.slice].nested) > 0
  WITH DISTINCT row.slice AS slice, row.m AS owner
  UNWIND range(0, size($slices[slice].nested) - 1) AS j
  WITH slice, owner, j, $slices[slice].nested[j] AS k
  CALL (owner, k) {
    CALL (owner, k) {
      MATCH (owner)-[r:$any(k.types)]->(m:Entity)
      WHERE k.out AND r.validTo IS NULL AND m.type = k.target AND (k.after IS NULL OR m.urn > k.after)
      RETURN m
      UNION
      MATCH (owner)<-[r:$any(k.types)]-(m:Entity)
      WHERE NOT k.out AND r.validTo IS NULL AND m.type = k.target AND (k.after IS NULL OR m.urn > k.after)
      RETURN m
    }
    WITH k, m ORDER BY m.urn
    WITH k, collect(m) AS listed
    UNWIND listed[..k.limit] AS m
    RETURN m
  }
  RETURN slice, j + 1 AS sub, owner.urn AS key, m
}
// Each entity once, with every place it is listed: a group, a feature or an input dataset shared
// by many models of a page is sent and decoded once.
WITH m, collect([slice, sub, key]) AS at
RETURN m.urn AS urn, m.type AS type, [v IN [f IN $fields[m.type] | m[f]] | CASE WHEN v IS :: ZONED DATETIME THEN v.epochMillis ELSE v END] AS values, at
