// The first $limit raw datasets of a benchmark store, by URN: roots for bench/cache-memory.ts's column walks.
// params: $limit
// returns: urn
MATCH (d:Dataset)
WHERE d.urn CONTAINS '.raw.'
RETURN d.urn AS urn
ORDER BY urn
LIMIT $limit
