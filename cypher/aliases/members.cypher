// The open members of a group and the aliases each holds in it, read under the group's lock by
// setModelAlias.
// params: $group
// returns: model, aliases
MATCH (m:Entity)-[r:MEMBER_OF]->(:Entity {urn: $group})
WHERE r.validTo IS NULL
RETURN m.urn AS model, coalesce(r.aliases, []) AS aliases
