// Takes the write lock of every entity a write touches, creating a bare node for a new URN, so
// concurrent writers of one URN run one after the other and each sees what the other committed.
// Setting and removing a marker takes the node's exclusive lock (held until the transaction ends)
// and leaves nothing to clean up; a node without a type is one this call created.
// params: $urns
// returns: urn, props (the stored properties; null for a URN created by this call)
UNWIND $urns AS urn
MERGE (n:Entity {urn: urn})
SET n._lock = true
REMOVE n._lock
RETURN urn, CASE WHEN n.type IS NULL THEN null ELSE n {.*} END AS props
