// Opens column lineage edges: the output column of a dataset is made from an input column (either
// column is created when it does not exist yet: lineage may name a column before its schema does).
// The caller has checked that no open edge joins the pair. Who wrote it and through what is in the
// owner dataset's history (columnLineage), so the edge keeps only its validity and transformations.
// params: $links, $now
// links: [{from, dataset, field, to, inputDataset, input, transformations}]
// returns: opened
UNWIND $links AS l
MERGE (o:Column {urn: l.from})
ON CREATE SET o.dataset = l.dataset, o.fieldPath = l.field
MERGE (s:Column {urn: l.to})
ON CREATE SET s.dataset = l.inputDataset, s.fieldPath = l.input
CREATE (o)-[r:COLUMN_DERIVED_FROM]->(s)
SET r.transformations = l.transformations, r.validFrom = $now
RETURN count(r) AS opened
