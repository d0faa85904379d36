// One breadth-first level of a column-level upstream walk (src/modules/columns/column-walk.ts):
// every entity one lineage step upstream of each frontier entity, over edges valid at $asOf (open
// edges when $asOf is null), whose status is in $statuses; one row per (frontier entity, reached
// entity), with the smallest relationship type between them. For each row, what the column layer
// says about the step: `links`, the column edges from a column of the reached entity into a column
// of the frontier's datasets (f.datasets: its own columns, or a run's outputs), or into the
// frontier entity itself when it reads columns (a feature or a model, a model also through the
// features it consumes; output end null), as
// [input dataset, input field, output dataset, output field, transformations]; and `viaFeatures`,
// the reached dataset when the frontier model reads it through the features it consumes.
// Relationship types and directions are those of lineage/upstream-level.cypher (a contract test
// keeps them equal).
// params: $frontier, $statuses, $asOf
// frontier: [{urn, datasets}]
// returns: from, relationship, urn, type, links, viaFeatures
UNWIND $frontier AS f
MATCH (n:Entity {urn: f.urn})
CALL (n) {
  MATCH (n)-[r:CONSUMES|DEPENDS_ON|DERIVED_FROM|EVALUATED_ON|OUTPUT_OF|TRAINED_BY|TRAINED_ON]->(m:Entity)
  RETURN r, m
  UNION ALL
  MATCH (n)<-[r:CONTAINS|DEPLOYED_TO|INPUT_OF|MEMBER_OF]-(m:Entity)
  RETURN r, m
}
WITH f, n, r, m
WHERE m.status IN $statuses
  AND CASE
    WHEN $asOf IS NULL THEN r.validTo IS NULL
    ELSE r.validFrom <= $asOf AND (r.validTo IS NULL OR r.validTo > $asOf)
  END
WITH f, n, m, min(type(r)) AS relationship
RETURN f.urn AS from, relationship, m.urn AS urn, m.type AS type,
  COLLECT {
    // From the frontier's columns to what they are made from: a popular upstream's columns feed
    // far more columns than the frontier has. (`+ ''` keeps the planner from seeking s by its
    // dataset and expanding from there.)
    UNWIND f.datasets AS fd
    MATCH (c:Column {dataset: fd})-[l:COLUMN_DERIVED_FROM]->(s:Column)
    USING INDEX c:Column(dataset)
    WHERE s.dataset + '' = m.urn
      AND CASE
        WHEN $asOf IS NULL THEN l.validTo IS NULL
        ELSE l.validFrom <= $asOf AND (l.validTo IS NULL OR l.validTo > $asOf)
      END
    RETURN [m.urn, s.fieldPath, c.dataset, c.fieldPath, l.transformations]
  } + COLLECT {
    MATCH (n)-[l:READS_COLUMN]->(s:Column {dataset: m.urn})
    WHERE CASE
        WHEN $asOf IS NULL THEN l.validTo IS NULL
        ELSE l.validFrom <= $asOf AND (l.validTo IS NULL OR l.validTo > $asOf)
      END
    RETURN [m.urn, s.fieldPath, null, null, null]
  } + COLLECT {
    MATCH (n)-[c:CONSUMES]->(:Feature)-[l:READS_COLUMN]->(s:Column {dataset: m.urn})
    WHERE CASE
        WHEN $asOf IS NULL THEN c.validTo IS NULL AND l.validTo IS NULL
        ELSE c.validFrom <= $asOf AND (c.validTo IS NULL OR c.validTo > $asOf)
          AND l.validFrom <= $asOf AND (l.validTo IS NULL OR l.validTo > $asOf)
      END
    RETURN DISTINCT [m.urn, s.fieldPath, null, null, null]
  } AS links,
  COLLECT {
    // From the frontier's consumed features (none for a dataset), not from the features derived
    // from the reached dataset (a popular one has thousands).
    MATCH (n)-[c:CONSUMES]->(x:Feature)
    WHERE CASE
        WHEN $asOf IS NULL THEN c.validTo IS NULL
        ELSE c.validFrom <= $asOf AND (c.validTo IS NULL OR c.validTo > $asOf)
      END
    WITH DISTINCT x, m
    MATCH (x)-[d:DERIVED_FROM]->(m)
    WHERE CASE
        WHEN $asOf IS NULL THEN d.validTo IS NULL
        ELSE d.validFrom <= $asOf AND (d.validTo IS NULL OR d.validTo > $asOf)
      END
    RETURN DISTINCT m.urn
  } AS viaFeatures
