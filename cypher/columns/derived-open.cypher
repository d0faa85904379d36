// Opens column lineage edges: the output column of a dataset is made from an input column (either
// column is created when it does not exist yet: lineage may name a column before its schema does).
// The caller has checked that no open edge joins the pair.
// params: $links, $now, $actor, $source
// links: [{from, dataset, field, to, inputDataset, input, transformations}]
// returns: opened
UNWIND $links AS l
MERGE (o:Column {urn: l.from})
ON CREATE SET o.dataset = l.dataset, o.fieldPath = l.field, o.createdAt = $now
MERGE (s:Column {urn: l.to})
ON CREATE SET s.dataset = l.inputDataset, s.fieldPath = l.input, s.createdAt = $now
CREATE (o)-[r:COLUMN_DERIVED_FROM]->(s)
SET r.transformations = l.transformations, r.validFrom = $now, r.createdAt = $now, r.createdBy = $actor, r.source = $source
RETURN count(r) AS opened
