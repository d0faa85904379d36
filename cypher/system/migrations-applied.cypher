// The migrations already applied to this database, with the checksum of the text applied.
// params: none
// returns: id, checksum
MATCH (m:MlgraphMigration)
RETURN m.id AS id, m.checksum AS checksum
ORDER BY id
