// totalCount of entities(filter): every entity the filter matches, whatever the page.
// Same predicates as browse/entities-page.
// params: $types, $statuses, $platform, $env, $tag, $owner, $namePrefix
// returns: total
MATCH (n:Entity)
WHERE n.type IN $types
  AND n.status IN $statuses
  AND ($platform IS NULL OR n.platform = $platform)
  AND ($env IS NULL OR n.env = $env)
  AND ($tag IS NULL OR $tag IN n.tags)
  AND ($owner IS NULL OR $owner IN n.ownerIds)
  AND ($namePrefix IS NULL OR n.name STARTS WITH $namePrefix)
RETURN count(n) AS total
