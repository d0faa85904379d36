// Reads the type and status of referenced URNs, then takes the write lock of every entity a write
// touches, creating a bare node for a new URN, so concurrent writers of one URN run one after the
// other and each sees what the other committed. One statement for both: every statement costs
// Neo4j a round of Bolt messages, and this one with entities/write's edges and entities in one
// statement took about a tenth of a ten-dataset write's Neo4j CPU off (BENCHMARKS.md, "Mixed
// load", fourteenth round). The references are read first, without a lock (a URN of both lists
// reads as it was before this call could create it).
// Setting and removing a marker takes the node's exclusive lock (held until the transaction ends)
// and leaves nothing to clean up; a node this call creates is locked by its creation (and the
// unique constraint's index entry), so only a stored node gets the marker, set and removed in one
// SET (one pass over the rows rather than two). A node without a type is one this call created.
// Each part gathers its rows into one list (no Eager between them, which a UNION planned).
// params: $refs, $urns
// returns: refs ([{urn, type, status}]; type null: no such URN), locked ([{urn, props}]; props:
// the stored properties, null for a URN created by this call)
CALL () {
  UNWIND $refs AS urn
  OPTIONAL MATCH (n:Entity {urn: urn})
  RETURN collect({urn: urn, type: n.type, status: n.status}) AS refs
}
CALL () {
  UNWIND $urns AS urn
  MERGE (n:Entity {urn: urn})
  ON MATCH SET n._lock = true, n._lock = null
  RETURN collect({urn: urn, props: CASE WHEN n.type IS NULL THEN null ELSE n {.*} END}) AS locked
}
RETURN refs, locked
