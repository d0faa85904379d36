// One page of entities(filter): ordered by type, then name, then URN (code point order), which is
// unique and stable, so the page after a cursor (keyset $after = {type, name, urn}) never repeats
// or skips an entity, even while others are written. Null filters do not filter. $limit is the page
// size plus one: the extra row only tells that a next page exists. Each row carries the stored
// properties that $fields lists for its type (the request's projection), so the page's entities
// need no second statement.
// Each type is read from the (type, name) index in order, from the cursor's name (or the name
// prefix) on, and stops at $limit: a page reads about $limit entities per type however many there
// are, instead of sorting them all. Every entity has a non-empty name.
// params: $types, $statuses, $platform, $env, $tag, $owner, $namePrefix, $after, $limit, $fields
// fields: {<entity type>: [property name]}
// values: in the order of $fields; times as epoch milliseconds (decoding the driver's DateTime took
// more of a page's allocations than anything else; src/modules/entities/projection.ts turns them back),
// they and every integer sent as floats (the driver builds several objects for each integer it reads).
// returns: urn, type, name, values
UNWIND $types AS t
WITH DISTINCT t
WITH t WHERE $after IS NULL OR t >= $after.type
WITH t, CASE WHEN $after IS NOT NULL AND t = $after.type THEN $after.name ELSE '' END AS afterName
WITH t, CASE WHEN $namePrefix IS NOT NULL AND $namePrefix > afterName THEN $namePrefix ELSE afterName END AS fromName
CALL (t, fromName) {
  MATCH (n:Entity)
  WHERE n.type = t AND n.name >= fromName
    AND n.status IN $statuses
    AND ($platform IS NULL OR n.platform = $platform)
    AND ($env IS NULL OR n.env = $env)
    AND ($tag IS NULL OR $tag IN n.tags)
    AND ($owner IS NULL OR $owner IN n.ownerIds)
    AND ($namePrefix IS NULL OR n.name STARTS WITH $namePrefix)
    AND ($after IS NULL OR t > $after.type OR n.name > $after.name OR n.urn > $after.urn)
  WITH n ORDER BY n.type, n.name, n.urn
  LIMIT $limit
  RETURN n
}
WITH n ORDER BY n.type, n.name, n.urn
LIMIT $limit
RETURN n.urn AS urn, n.type AS type, n.name AS name, [v IN [k IN $fields[n.type] | n[k]] | CASE WHEN v IS :: ZONED DATETIME THEN toFloat(v.epochMillis) WHEN v IS :: INTEGER THEN toFloat(v) ELSE v END] AS values
