// The graph's version: how many change records exist. Every write that changes what a read can
// see (an entity, an edge opened or closed, an alias, a status) records history in the same
// transaction, so the count moves with every such commit; read from Neo4j's counts store, in
// constant time. The read cache (src/graph/read-cache.ts) answers a read again only while this
// stays the same; the statements it keeps run after this one, inside it (src/graph/query.ts,
// versionedText), so what they read is never older than the version they are kept under.
// params: none
// returns: graphVersion
MATCH (c:Change)
RETURN count(c) AS graphVersion
