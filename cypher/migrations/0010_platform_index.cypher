// Migration 0010: an index on (platform, type, name) of entities, for entities(filter: {platform})
// (browse/entities-count-of-platform.cypher). Without it, counting one platform's entities read
// every active entity: 71 ms a count in the 50-client mixed load, the statement with the most time
// in all. Built in the background; until it is online, counts read as before.
// params: none
CREATE INDEX entity_platform_type_name IF NOT EXISTS FOR (n:Entity) ON (n.platform, n.type, n.name);
