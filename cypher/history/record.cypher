// Appends one change record per changed entity (OpenMetadata-style change description). c.at is
// when the change became true (the write's eventTime, else $now); recordedAt when it was stored.
// params: $changes, $now, $actor, $source
// changes: [{urn, revision, action, changes (JSON [{field, old, new}]), reason, at}]
// returns: recorded
UNWIND $changes AS c
CREATE (h:Change {
  urn: c.urn, revision: c.revision, action: c.action, changes: c.changes, reason: c.reason,
  at: c.at, recordedAt: $now, actor: $actor, source: $source
})
RETURN count(h) AS recorded
