// Opens column lineage edges: the output column of a dataset is made from an input column. Both
// columns exist (columns/ensure.cypher ran first: lineage may name a column before its schema
// does). The caller has checked that no open edge joins the pair. Who wrote it and through what is
// in the owner dataset's history (columnLineage), so the edge keeps only its validity and
// transformations. l.at (the write's eventTime; null: $now) is the edge's validFrom, like every
// other edge.
// params: $links, $now
// links: [{from, to, transformations, at}]
// returns: opened
UNWIND $links AS l
MATCH (o:Column {urn: l.from})
MATCH (s:Column {urn: l.to})
CREATE (o)-[r:COLUMN_DERIVED_FROM]->(s)
SET r.transformations = l.transformations, r.validFrom = coalesce(l.at, $now)
RETURN count(r) AS opened
