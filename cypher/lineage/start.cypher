// The start of a lineage walk: the root entity (no row values when it does not exist) with the
// stored properties $fields lists for its type, and the graph's version: how many change records
// exist. Every write that changes what a walk can see (an entity's status, an edge opened or
// closed) records history in the same transaction, so the count moves with every such commit; it
// is read from Neo4j's counts store, in constant time. A walk kept under one version is the
// answer for as long as the version stays the same.
// $urns: the entities on the page this question had when its walk was last kept (none when no walk
// is kept): read in the same statement, so a question asked again under the same version, or a later
// page, is one statement (src/modules/lineage/walk-and-page.ts). Missing URNs are left out.
// params: $urn, $urns, $fields
// fields: {<entity type>: [property name]}
// values: in the order of $fields; times as epoch milliseconds (decoding the driver's DateTime took
// more of a page's allocations than anything else; src/modules/entities/projection.ts turns them back),
// they and every integer sent as floats (the driver builds several objects for each integer it reads).
// returns: version, urn, type, values, entities: [{urn, type, values}]
CALL () {
  MATCH (c:Change)
  RETURN count(c) AS version
}
CALL () {
  UNWIND $urns AS u
  MATCH (e:Entity {urn: u})
  WHERE e.type IS NOT NULL
  RETURN collect({urn: u, type: e.type, values: [v IN [k IN $fields[e.type] | e[k]] | CASE WHEN v IS :: ZONED DATETIME THEN toFloat(v.epochMillis) WHEN v IS :: INTEGER THEN toFloat(v) ELSE v END]}) AS entities
}
OPTIONAL MATCH (n:Entity {urn: $urn})
WHERE n.type IS NOT NULL
RETURN version, n.urn AS urn, n.type AS type, [v IN [k IN coalesce($fields[n.type], []) | n[k]] | CASE WHEN v IS :: ZONED DATETIME THEN toFloat(v.epochMillis) WHEN v IS :: INTEGER THEN toFloat(v) ELSE v END] AS values,
  entities
