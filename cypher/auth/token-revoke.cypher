// Revokes an API token; revoking twice keeps the first revocation time.
// params: $id, $actor, $now
// returns: id, revokedAt
MATCH (t:ApiToken {id: $id})
SET t.revokedAt = coalesce(t.revokedAt, $now), t.revokedBy = coalesce(t.revokedBy, $actor)
RETURN t.id AS id, t.revokedAt AS revokedAt
