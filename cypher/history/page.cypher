// One page of an entity's change records, newest (highest revision) first. Revisions of one URN
// are unique (the writer bumps them under the entity's lock), so $before (the revision of the
// previous page's last record; null for the first page) is a stable keyset cursor.
// $limit is the page size plus one (the extra row says more follow). Records written before
// eventTime existed have no recordedAt: they were stored at their `at`.
// params: $urn, $before, $limit
// returns: revision, at, recordedAt, actor, action, reason, source, changes
MATCH (c:Change {urn: $urn})
WHERE $before IS NULL OR c.revision < $before
RETURN c.revision AS revision, c.at AS at, coalesce(c.recordedAt, c.at) AS recordedAt, c.actor AS actor, c.action AS action,
       c.reason AS reason, c.source AS source, c.changes AS changes
ORDER BY revision DESC
LIMIT $limit
