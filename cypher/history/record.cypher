// Appends one change record per changed entity (OpenMetadata-style change description).
// params: $changes, $now, $actor, $source
// changes: [{urn, revision, action, changes (JSON [{field, old, new}]), reason}]
// returns: recorded
UNWIND $changes AS c
CREATE (h:Change {
  urn: c.urn, revision: c.revision, action: c.action, changes: c.changes, reason: c.reason,
  at: $now, actor: $actor, source: $source
})
RETURN count(h) AS recorded
