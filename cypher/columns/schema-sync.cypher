// Keeps a dataset's columns in step with its schema: closes the open HAS_COLUMN edges of columns
// the schema no longer lists (the column stays, so as-of reads see it), creates the columns it
// lists that do not exist yet (type and description follow the schema), and opens HAS_COLUMN where
// none is open. Run when a dataset's schemaFields change, and by migration 0006 for datasets
// written before columns existed; running it twice changes nothing.
// params: $rows, $now, $actor, $source
// rows: [{dataset, since, fields: [{urn, fieldPath, type, description}]}] (since: when the schema was
// set, for data written before columns existed; null: $now)
// returns: opened, closed
UNWIND $rows AS row
MATCH (d:Entity {urn: row.dataset})
CALL (d, row) {
  OPTIONAL MATCH (d)-[h:HAS_COLUMN]->(c:Column)
  WHERE h.validTo IS NULL AND NOT c.fieldPath IN [f IN row.fields | f.fieldPath]
  SET h.validTo = $now, h.closedBy = $actor
  RETURN count(h) AS closed
}
CALL (d, row) {
  UNWIND row.fields AS f
  MERGE (c:Column {urn: f.urn})
  ON CREATE SET c.dataset = row.dataset, c.fieldPath = f.fieldPath, c.createdAt = $now
  SET c.type = f.type, c.description = f.description
  WITH c
  WHERE NOT EXISTS { MATCH (d)-[h:HAS_COLUMN]->(c) WHERE h.validTo IS NULL }
  CREATE (d)-[h:HAS_COLUMN]->(c)
  SET h.validFrom = coalesce(row.since, $now), h.createdAt = $now, h.createdBy = $actor, h.source = $source
  RETURN count(h) AS opened
}
RETURN sum(opened) AS opened, sum(closed) AS closed
