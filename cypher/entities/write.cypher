// Writes the changed fields of entities locked by entities/lock and appends each one's change
// record (OpenMetadata-style change description), in one pass over the rows: one statement and
// one lookup per entity instead of two (BENCHMARKS.md, "Ingest"); the record is created before the
// SETs, which spares the plan an Eager (a buffering of every row). A null in row.props clears that
// property. row.label is one of the entity labels from the server's own table, never user text.
// row.at is when the change became true (the write's eventTime; null: $now); recordedAt when it
// was stored. A record of a change to a stored entity's status also has the label StatusChange:
// kept lineage walks count those (cypher/lineage/start.cypher), because a status change can add or
// remove an entity next to a walk without changing anything the walk reached.
// params: $rows, $now, $actor, $source
// rows: [{urn, label, props, revision, created, action, changes (JSON [{field, old, new}]), reason, at, statusChanged}]
// returns: written
UNWIND $rows AS row
MATCH (n:Entity {urn: row.urn})
CREATE (h:Change {
  urn: row.urn, revision: row.revision, action: row.action, changes: row.changes, reason: row.reason,
  at: coalesce(row.at, $now), recordedAt: $now, actor: $actor, source: $source
})
SET n += row.props,
    n:$(row.label),
    n.revision = row.revision,
    n.updatedAt = $now,
    n.updatedBy = $actor
FOREACH (_ IN CASE WHEN row.created THEN [1] ELSE [] END |
  SET n.createdAt = $now, n.createdBy = $actor)
FOREACH (_ IN CASE WHEN row.statusChanged THEN [1] ELSE [] END |
  SET h:StatusChange)
RETURN count(h) AS written
