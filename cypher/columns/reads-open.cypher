// Opens READS_COLUMN edges: a feature's source column, a column of a model's input signature. The
// column exists (columns/ensure.cypher ran first). The caller has checked that none is open. Who
// wrote it is in the reader's history (sourceColumns, inputColumns). l.at (the write's eventTime;
// null: $now) is the edge's validFrom.
// params: $links, $now
// links: [{owner, to, at}]
// returns: opened
UNWIND $links AS l
MATCH (e:Entity {urn: l.owner})
MATCH (c:Column {urn: l.to})
CREATE (e)-[r:READS_COLUMN]->(c)
SET r.validFrom = coalesce(l.at, $now)
RETURN count(r) AS opened
