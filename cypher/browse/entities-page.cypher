// One page of entities(filter): ordered by type, then name, then URN (code point order), which is
// unique and stable, so the page after a cursor (keyset $after = {type, name, urn}) never repeats
// or skips an entity, even while others are written. Null filters do not filter. $limit is the page
// size plus one: the extra row only tells that a next page exists.
// params: $types, $statuses, $platform, $env, $tag, $owner, $namePrefix, $after, $limit
// returns: urn, type, name
MATCH (n:Entity)
WHERE n.type IN $types
  AND n.status IN $statuses
  AND ($platform IS NULL OR n.platform = $platform)
  AND ($env IS NULL OR n.env = $env)
  AND ($tag IS NULL OR $tag IN n.tags)
  AND ($owner IS NULL OR $owner IN n.ownerIds)
  AND ($namePrefix IS NULL OR n.name STARTS WITH $namePrefix)
  AND ($after IS NULL
    OR n.type > $after.type
    OR (n.type = $after.type AND (n.name > $after.name OR (n.name = $after.name AND n.urn > $after.urn))))
RETURN n.urn AS urn, n.type AS type, n.name AS name
ORDER BY type, name, urn
LIMIT $limit
