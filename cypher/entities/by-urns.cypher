// Entities by URN, for the per-request entity loader. Missing URNs return no row.
// params: $urns
// returns: urn, props
UNWIND $urns AS urn
MATCH (n:Entity {urn: urn})
WHERE n.type IS NOT NULL
RETURN urn, n {.*} AS props
