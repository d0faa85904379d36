// totalCount of search(...): every hit of $query that passes the type and status filters, after
// the index has applied the writes committed before this statement (see search/entities-page).
// params: $query, $types, $statuses
// returns: total
CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()
CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node
WHERE node.type IN $types AND node.status IN $statuses
RETURN count(node) AS total
