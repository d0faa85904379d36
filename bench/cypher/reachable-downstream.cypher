// Reachability only (no degrees, no paths) over the same pattern: DISTINCT end nodes let the planner
// use its pruning breadth-first expand, so this one is fast. For reference next to the naive query.
// params: $urn
// returns: urn
MATCH (root:Entity {urn: $urn})<-[:DERIVED_FROM|TRAINED_ON*1..60]-(m:Entity)
RETURN DISTINCT m.urn AS urn
