// Replaces the aliases of open memberships of one group (the caller holds the group's lock).
// params: $group, $rows
// rows: [{model, aliases}]
// returns: written
UNWIND $rows AS row
MATCH (:Entity {urn: row.model})-[r:MEMBER_OF]->(:Entity {urn: $group})
WHERE r.validTo IS NULL
SET r.aliases = row.aliases
RETURN count(r) AS written
