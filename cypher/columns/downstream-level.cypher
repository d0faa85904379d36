// One breadth-first level of a column-level downstream walk (src/modules/columns/column-walk.ts):
// every entity one lineage step downstream of each frontier entity, over edges valid at $asOf
// (open edges when $asOf is null), whose status is in $statuses; one row per (frontier entity,
// reached entity), with the smallest relationship type between them. For each row, what the
// column layer says about the step, restricted to the frontier's affected datasets (f.datasets,
// [] for an entity affected as a whole): `links`, the column edges from a column of those
// datasets into the reached entity ([input dataset, input field, output dataset, output field,
// transformations]: a column of a reached dataset made from it, or, with null output, a column a
// reached feature or model reads), and `viaFeatures`, those datasets a reached model reads
// through the features it consumes. Relationship types and directions are those of
// lineage/downstream-level.cypher (a contract test keeps them equal).
// params: $frontier, $statuses, $asOf
// frontier: [{urn, datasets}]
// returns: from, relationship, urn, type, links, viaFeatures
UNWIND $frontier AS f
MATCH (n:Entity {urn: f.urn})
CALL (n) {
  MATCH (n)-[r:CONTAINS|DEPLOYED_TO|INPUT_OF|MEMBER_OF]->(m:Entity)
  RETURN r, m
  UNION ALL
  MATCH (n)<-[r:CONSUMES|DEPENDS_ON|DERIVED_FROM|EVALUATED_ON|OUTPUT_OF|TRAINED_BY|TRAINED_ON]-(m:Entity)
  RETURN r, m
}
WITH f, r, m
WHERE m.status IN $statuses
  AND CASE
    WHEN $asOf IS NULL THEN r.validTo IS NULL
    ELSE r.validFrom <= $asOf AND (r.validTo IS NULL OR r.validTo > $asOf)
  END
WITH f, m, min(type(r)) AS relationship
RETURN f.urn AS from, relationship, m.urn AS urn, m.type AS type,
  COLLECT {
    MATCH (c:Column {dataset: m.urn})-[l:COLUMN_DERIVED_FROM]->(s:Column)
    WHERE s.dataset IN f.datasets
      AND CASE
        WHEN $asOf IS NULL THEN l.validTo IS NULL
        ELSE l.validFrom <= $asOf AND (l.validTo IS NULL OR l.validTo > $asOf)
      END
    RETURN [s.dataset, s.fieldPath, m.urn, c.fieldPath, l.transformations]
  } + COLLECT {
    MATCH (m)-[l:READS_COLUMN]->(s:Column)
    WHERE s.dataset IN f.datasets
      AND CASE
        WHEN $asOf IS NULL THEN l.validTo IS NULL
        ELSE l.validFrom <= $asOf AND (l.validTo IS NULL OR l.validTo > $asOf)
      END
    RETURN [s.dataset, s.fieldPath, null, null, null]
  } + COLLECT {
    MATCH (m)-[c:CONSUMES]->(:Feature)-[l:READS_COLUMN]->(s:Column)
    WHERE s.dataset IN f.datasets
      AND CASE
        WHEN $asOf IS NULL THEN c.validTo IS NULL AND l.validTo IS NULL
        ELSE c.validFrom <= $asOf AND (c.validTo IS NULL OR c.validTo > $asOf)
          AND l.validFrom <= $asOf AND (l.validTo IS NULL OR l.validTo > $asOf)
      END
    RETURN DISTINCT [s.dataset, s.fieldPath, null, null, null]
  } AS links,
  COLLECT {
    MATCH (m)-[c:CONSUMES]->(:Feature)-[d:DERIVED_FROM]->(s:Dataset)
    WHERE s.urn IN f.datasets
      AND CASE
        WHEN $asOf IS NULL THEN c.validTo IS NULL AND d.validTo IS NULL
        ELSE c.validFrom <= $asOf AND (c.validTo IS NULL OR c.validTo > $asOf)
          AND d.validFrom <= $asOf AND (d.validTo IS NULL OR d.validTo > $asOf)
      END
    RETURN DISTINCT s.urn
  } AS viaFeatures
