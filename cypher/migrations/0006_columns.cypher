// Migration 0006: columns of datasets as nodes (src/model/columns.ts). A column's URN is unique;
// columns are found by their dataset (column lineage is compared and walked by dataset); the
// column relationship types are registered (see 0005 for why a type the store never held costs).
// After these statements the server creates the columns of datasets stored before 0006 from their
// schemaFields (src/graph/column-backfill.ts, cypher/columns/backfill-page.cypher).
// params: none
CREATE CONSTRAINT column_urn IF NOT EXISTS FOR (c:Column) REQUIRE c.urn IS UNIQUE;
CREATE INDEX column_dataset IF NOT EXISTS FOR (c:Column) ON (c.dataset);
CALL db.createRelationshipType('COLUMN_DERIVED_FROM');
CALL db.createRelationshipType('READS_COLUMN');
