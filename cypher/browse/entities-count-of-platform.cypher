// totalCount of entities(filter) when the filter names a platform: browse/entities-count, read
// from the (platform, type, name) index (migration 0010) instead of every active entity. Every
// entity has a non-empty name (`n.name IS NOT NULL` lets the index serve the seek).
// params: $types, $statuses, $platform, $env, $tag, $owner, $namePrefix
// returns: total
MATCH (n:Entity)
WHERE n.platform = $platform AND n.type IN $types AND n.name IS NOT NULL
  AND n.status IN $statuses
  AND ($env IS NULL OR n.env = $env)
  AND ($tag IS NULL OR $tag IN n.tags)
  AND ($owner IS NULL OR $owner IN n.ownerIds)
  AND ($namePrefix IS NULL OR n.name STARTS WITH $namePrefix)
RETURN count(n) AS total
