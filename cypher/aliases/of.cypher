// The aliases held on open MEMBER_OF edges that touch the given models or groups: an alias
// belongs to one membership (model -> group), so a model's aliases are those of all its groups and
// a group's are those of all its members. For the per-request alias loader.
// params: $urns
// returns: urn, alias, model, group
UNWIND $urns AS urn
MATCH (:Entity {urn: urn})-[r:MEMBER_OF]-(:Entity)
WHERE r.validTo IS NULL AND r.aliases IS NOT NULL
UNWIND r.aliases AS alias
RETURN urn, alias, startNode(r).urn AS model, endNode(r).urn AS group
