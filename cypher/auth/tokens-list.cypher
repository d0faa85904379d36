// All API tokens (without their hashes), newest first.
// params: none
// returns: id, principal, role, createdAt, createdBy, revokedAt
MATCH (t:ApiToken)
RETURN t.id AS id, t.principal AS principal, t.role AS role, t.createdAt AS createdAt,
       t.createdBy AS createdBy, t.revokedAt AS revokedAt
ORDER BY createdAt DESC
