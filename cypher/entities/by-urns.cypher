// Entities by URN, for the per-request entity loader: of each entity, the stored properties that
// $fields lists for its type (the request's projection), as values in that order. Missing URNs
// return no row.
// params: $urns, $fields
// fields: {<entity type>: [property name]}
// returns: urn, type, values
UNWIND $urns AS urn
MATCH (n:Entity {urn: urn})
WHERE n.type IS NOT NULL
RETURN urn, n.type AS type, [k IN $fields[n.type] | n[k]] AS values
