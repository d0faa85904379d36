// How many stored API tokens are live (not revoked): an open local server requires tokens once any is.
// params: none
// returns: live
MATCH (t:ApiToken)
WHERE t.revokedAt IS NULL
RETURN count(t) AS live
