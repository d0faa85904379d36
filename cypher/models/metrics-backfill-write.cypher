// Sets the numeric metrics converted from text (migration 0007) on models that still have none, so
// a model written meanwhile by a client keeps what the client wrote.
// params: $rows
// rows: [{urn, metrics (JSON text)}]
// returns: written
UNWIND $rows AS r
MATCH (m:Model {urn: r.urn})
WHERE m.metrics IS NULL OR m.metrics = '[]'
SET m.metrics = r.metrics
RETURN count(m) AS written
