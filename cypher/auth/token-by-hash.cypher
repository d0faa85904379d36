// The live (not revoked) API token with this hash, if any.
// params: $hash
// returns: id, principal, role
MATCH (t:ApiToken {hash: $hash})
WHERE t.revokedAt IS NULL
RETURN t.id AS id, t.principal AS principal, t.role AS role
