// One page of datasets written before columns existed (migration 0006): datasets with a schema
// (schemaFields, JSON text) but no column in it, after $after in URN order. `since` is the last
// time the dataset changed, the latest instant its schema can have been set.
// params: $after, $limit
// returns: urn, schemaFields, since
MATCH (d:Dataset)
WHERE d.urn > $after AND d.schemaFields IS NOT NULL AND d.schemaFields <> '[]' AND NOT EXISTS { MATCH (c:Column {dataset: d.urn}) WHERE c.validFrom IS NOT NULL }
RETURN d.urn AS urn, d.schemaFields AS schemaFields, coalesce(d.updatedAt, d.createdAt) AS since
ORDER BY urn
LIMIT $limit
