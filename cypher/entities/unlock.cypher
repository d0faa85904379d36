// Removes the markers entities/lock set (the lock itself is held until the transaction ends).
// params: $urns
// returns: unlocked
UNWIND $urns AS urn
MATCH (n:Entity {urn: urn})
REMOVE n._lock, n._new
RETURN count(n) AS unlocked
