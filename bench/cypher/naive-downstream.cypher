// The naive baseline: impact of a lattice root as one variable-length pattern, keeping for every
// reached entity its degree and one shortest path (what impact returns). DERIVED_FROM and
// TRAINED_ON are the only lineage types in the lattice and both point upstream, so the pattern is
// faithful there. Returning paths makes Neo4j enumerate every one of them (width^depth).
// params: $urn
// returns: urn, degree, path
MATCH p = (root:Entity {urn: $urn})<-[:DERIVED_FROM|TRAINED_ON*1..60]-(m:Entity)
WITH m, p
ORDER BY length(p)
RETURN m.urn AS urn, length(head(collect(p))) AS degree, [n IN nodes(head(collect(p))) | n.urn] AS path
