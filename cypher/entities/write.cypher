// Writes the changed fields of entities locked by entities/lock. A null in row.props clears that
// property. row.label is one of the entity labels from the server's own table, never user text.
// params: $rows, $now, $actor
// rows: [{urn, label, props, revision, created}]
// returns: written
UNWIND $rows AS row
MATCH (n:Entity {urn: row.urn})
SET n += row.props,
    n:$(row.label),
    n.revision = row.revision,
    n.updatedAt = $now,
    n.updatedBy = $actor
FOREACH (_ IN CASE WHEN row.created THEN [1] ELSE [] END |
  SET n.createdAt = $now, n.createdBy = $actor)
RETURN count(n) AS written
