// One page of search hits from the full-text index entity_search (name, description, tags), best
// score first, URN breaking ties so the order is stable. $query is a Lucene query the server built
// from the user's words (see lucene.ts), always passed as a parameter. Offset paging: relevance has
// no stable key to seek from. $limit is the page size plus one (the extra row says more follow).
// The index is updated in the background (migration 0008): the first call waits for the updates of
// writes that committed before this statement, so a search sees them.
// params: $query, $types, $statuses, $skip, $limit
// returns: urn, score
CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()
CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node, score
WHERE node.type IN $types AND node.status IN $statuses
RETURN node.urn AS urn, score
ORDER BY score DESC, urn
SKIP $skip
LIMIT $limit
