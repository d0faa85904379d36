// Takes the write lock of every entity a write touches, creating a bare node for a new URN, so
// concurrent writers of one URN run one after the other and each sees what the other committed.
// The _lock/_new markers are removed by entities/unlock in the same transaction.
// params: $urns
// returns: urn, props (the stored properties; null for a URN created by this call)
UNWIND $urns AS urn
MERGE (n:Entity {urn: urn})
  ON CREATE SET n._new = true
SET n._lock = true
RETURN urn, CASE WHEN n._new THEN null ELSE n {.*, _lock: null, _new: null} END AS props
