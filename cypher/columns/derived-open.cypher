// Opens column lineage edges: the output column of a dataset is made from an input column (either
// column is created when it does not exist yet: lineage may name a column before its schema does).
// The caller has checked that no open edge joins the pair. Who wrote it and through what is in the
// owner dataset's history (columnLineage), so the edge keeps only its validity and transformations.
// l.at (the write's eventTime, else its now) is the edge's validFrom, like every other edge.
// params: $links
// links: [{from, dataset, field, to, inputDataset, input, transformations, at}]
// returns: opened
UNWIND $links AS l
MERGE (o:Column {urn: l.from})
ON CREATE SET o.dataset = l.dataset, o.fieldPath = l.field
MERGE (s:Column {urn: l.to})
ON CREATE SET s.dataset = l.inputDataset, s.fieldPath = l.input
CREATE (o)-[r:COLUMN_DERIVED_FROM]->(s)
SET r.transformations = l.transformations, r.validFrom = l.at
RETURN count(r) AS opened
