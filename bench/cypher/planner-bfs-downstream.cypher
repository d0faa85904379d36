// Degrees only, over the same pattern: Neo4j 5.26 plans min(length(p)) grouped by end node as a
// pruning breadth-first expand (VarLengthExpand(Pruning,BFS)), so this one does not enumerate
// paths. It cannot give paths, nor mix directions per relationship type as lineage needs.
// params: $urn
// returns: urn, degree
MATCH p = (root:Entity {urn: $urn})<-[:DERIVED_FROM|TRAINED_ON*1..60]-(m:Entity)
RETURN m.urn AS urn, min(length(p)) AS degree
