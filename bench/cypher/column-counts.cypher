// What the column benchmark graph holds: column nodes, column lineage edges, READS_COLUMN edges, entities.
MATCH (c:Column)
WITH count(c) AS columns
RETURN columns, COUNT { ()-[:COLUMN_DERIVED_FROM]->() } AS derived, COUNT { ()-[:READS_COLUMN]->() } AS reads, COUNT { (:Entity) } AS entities
