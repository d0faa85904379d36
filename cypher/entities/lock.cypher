// Takes the write lock of every entity a write touches, creating a bare node for a new URN, so
// concurrent writers of one URN run one after the other and each sees what the other committed.
// Setting and removing a marker takes the node's exclusive lock (held until the transaction ends)
// and leaves nothing to clean up; a node this call creates is locked by its creation (and the
// unique constraint's index entry), so only a stored node gets the marker, set and removed in one
// SET (one pass over the rows rather than two). A node without a type is one this call created.
// params: $urns
// returns: urn, props (the stored properties; null for a URN created by this call)
UNWIND $urns AS urn
MERGE (n:Entity {urn: urn})
ON MATCH SET n._lock = true, n._lock = null
RETURN urn, CASE WHEN n.type IS NULL THEN null ELSE n {.*} END AS props
