// One page of entities(filter) when the filter names a platform: browse/entities-page, read from
// the (platform, type, name) index (migration 0010), so a page reads about $limit entities of the
// platform per type instead of every entity of the type from the cursor on (most of them of other
// platforms). Same order, cursor, filters and rows as browse/entities-page. Every entity has a
// non-empty name.
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
  WHERE n.platform = $platform AND n.type = t AND n.name >= fromName
    AND n.status IN $statuses
    AND ($env IS NULL OR n.env = $env)
    AND ($tag IS NULL OR $tag IN n.tags)
    AND ($owner IS NULL OR $owner IN n.ownerIds)
    AND ($namePrefix IS NULL OR n.name STARTS WITH $namePrefix)
    AND ($after IS NULL OR t > $after.type OR n.name > $after.name OR n.urn > $after.urn)
  WITH n ORDER BY n.platform, n.type, n.name, n.urn
  LIMIT $limit
  RETURN n
}
WITH n ORDER BY n.type, n.name, n.urn
LIMIT $limit
RETURN n.urn AS urn, n.type AS type, n.name AS name, [v IN [k IN $fields[n.type] | n[k]] | CASE WHEN v IS :: ZONED DATETIME THEN toFloat(v.epochMillis) WHEN v IS :: INTEGER THEN toFloat(v) ELSE v END] AS values
