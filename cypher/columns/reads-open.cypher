// Opens READS_COLUMN edges: a feature's source column, a column of a model's input signature (the
// column is created when it does not exist yet). The caller has checked that none is open. Who
// wrote it is in the reader's history (sourceColumns, inputColumns). l.at (the write's eventTime,
// else its now) is the edge's validFrom.
// params: $links
// links: [{owner, to, dataset, field, at}]
// returns: opened
UNWIND $links AS l
MATCH (e:Entity {urn: l.owner})
MERGE (c:Column {urn: l.to})
ON CREATE SET c.dataset = l.dataset, c.fieldPath = l.field
CREATE (e)-[r:READS_COLUMN]->(c)
SET r.validFrom = l.at
RETURN count(r) AS opened
