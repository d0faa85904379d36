// Entities by URN, for the per-request entity loader: of each entity, the stored properties that
// $fields lists for its type (the request's projection), as values in that order. Missing URNs
// return no row.
// params: $urns, $fields
// fields: {<entity type>: [property name]}
// values: in the order of $fields; times as epoch milliseconds (decoding the driver's DateTime took
// more of a page's allocations than anything else; src/modules/entities/projection.ts turns them back),
// they and every integer sent as floats (the driver builds several objects for each integer it reads).
// returns: urn, type, values
UNWIND $urns AS urn
MATCH (n:Entity {urn: urn})
WHERE n.type IS NOT NULL
RETURN urn, n.type AS type, [v IN [k IN $fields[n.type] | n[k]] | CASE WHEN v IS :: ZONED DATETIME THEN toFloat(v.epochMillis) WHEN v IS :: INTEGER THEN toFloat(v) ELSE v END] AS values
