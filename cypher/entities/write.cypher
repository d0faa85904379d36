// Opens the write's new edges, then writes the changed fields of entities locked by entities/lock
// and appends each one's change record (OpenMetadata-style change description): the last statement
// of every write of entities, one statement rather than two (BENCHMARKS.md, "Mixed load",
// fourteenth round); each part is a subquery that ends in a count, and the plan has no Eager
// between them.
// Edges: the caller has checked that no open edge of the same type joins the pair (and closed
// those it replaces, before this). Their declared edge properties (e.props, names from
// src/model/edge-properties.ts, never null; an absent one is not set) are literals here, one SET
// each, because `SET r += e.props` makes the planner buffer every row twice (Eager) for fear the
// map writes a property it reads; a contract test checks that this list is EDGE_PROPERTY_LIST.
// e.at is when the edge became true (the write's eventTime; null: $now, which the writer sends as
// null rather than one date per edge): its validFrom, so as-of reads see it from then; createdAt is
// when it was stored.
// Entities: one pass over the rows, one lookup per entity; the record is created before the SETs,
// which spares the plan an Eager (a buffering of every row). A null in row.props clears that
// property. row.label is one of the entity labels from the server's own table, never user text.
// row.at is when the change became true (the write's eventTime; null: $now); recordedAt when it
// was stored. A record of a change to a stored entity's status also has the label StatusChange:
// kept lineage walks count those (cypher/lineage/start.cypher), because a status change can add or
// remove an entity next to a walk without changing anything the walk reached.
// params: $edges, $rows, $now, $actor, $source
// edges: [{from, type, to, props, at}]
// rows: [{urn, label, props, revision, created, action, changes (JSON [{field, old, new}]), reason, at, statusChanged}]
// returns: opened, written
CALL () {
  UNWIND $edges AS e
  MATCH (a:Entity {urn: e.from}), (b:Entity {urn: e.to})
  CREATE (a)-[r:$(e.type) {validFrom: coalesce(e.at, $now), createdAt: $now, createdBy: $actor, source: $source}]->(b)
  SET r.version = e.props.version, r.derivationKind = e.props.derivationKind
  RETURN count(r) AS opened
}
CALL () {
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
}
RETURN opened, written
