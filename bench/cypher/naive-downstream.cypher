// The naive baseline: downstream of a lattice root as one variable-length pattern, with degrees
// taken as the shortest of all matched paths. DERIVED_FROM and TRAINED_ON are the only lineage
// types in the lattice and both point upstream, so this returns what impact returns there; but
// min(length(p)) makes Neo4j enumerate every path (width^depth of them).
// params: $urn
// returns: urn, degree
MATCH p = (root:Entity {urn: $urn})<-[:DERIVED_FROM|TRAINED_ON*1..60]-(m:Entity)
RETURN m.urn AS urn, min(length(p)) AS degree
