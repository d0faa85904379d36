// Stores a new API token by its hash (the token itself is never stored).
// params: $id, $principal, $role, $hash, $actor, $now
// returns: id, principal, role, createdAt
CREATE (t:ApiToken {id: $id, principal: $principal, role: $role, hash: $hash, createdBy: $actor, createdAt: $now})
RETURN t.id AS id, t.principal AS principal, t.role AS role, t.createdAt AS createdAt
