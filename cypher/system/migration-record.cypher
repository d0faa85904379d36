// Records that a migration was applied (idempotent: a second record of the same id updates it).
// params: $id, $checksum
// returns: id
MERGE (m:MlgraphMigration {id: $id})
SET m.checksum = $checksum, m.appliedAt = datetime()
RETURN m.id AS id
