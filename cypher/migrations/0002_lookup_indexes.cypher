// Migration 0002: indexes for entity lists, search and history.
// params: none
CREATE INDEX entity_type_name IF NOT EXISTS FOR (n:Entity) ON (n.type, n.name);
CREATE INDEX entity_status IF NOT EXISTS FOR (n:Entity) ON (n.status);
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);
CREATE INDEX change_urn_revision IF NOT EXISTS FOR (c:Change) ON (c.urn, c.revision);
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.description, n.tags];
