// Migration 0008: the full-text index entity_search is rebuilt as eventually consistent. Kept in
// step at commit (as 0002 made it), it cost about half of Neo4j's CPU in a load of small ingests:
// every commit updated and refreshed Lucene. Now commits queue their changes and a background
// thread applies them in batches; the search statements first wait for what is queued
// (db.index.fulltext.awaitEventuallyConsistentIndexRefresh), so a search still sees every write
// that committed before it. Rebuilding reads every entity once; the last statement waits until the
// index is online again, so the server is ready only with search working.
// params: none
DROP INDEX entity_search IF EXISTS;
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.description, n.tags]
OPTIONS {indexConfig: {`fulltext.eventually_consistent`: true}};
CALL db.awaitIndex('entity_search', 3600);
