// The columns of datasets as of $asOf (their HAS_COLUMN edge valid then; open edges when $asOf is
// null), in field-path order after $after, at most $limit per dataset, each with what reads it
// directly over edges valid then: the columns made from it, their datasets, the features and the
// models that read it (what Dataset.columns shows beside each column).
// params: $datasets, $asOf, $after, $limit
// returns: dataset, urn, field, type, description, columns, datasets, features, models
UNWIND $datasets AS d
CALL (d) {
  MATCH (:Entity {urn: d})-[h:HAS_COLUMN]->(c:Column)
  WHERE c.fieldPath > $after
    AND CASE
      WHEN $asOf IS NULL THEN h.validTo IS NULL
      ELSE h.validFrom <= $asOf AND (h.validTo IS NULL OR h.validTo > $asOf)
    END
  WITH DISTINCT c
  ORDER BY c.fieldPath
  LIMIT $limit
  RETURN c
}
RETURN d AS dataset, c.urn AS urn, c.fieldPath AS field, c.type AS type, c.description AS description,
  COUNT {
    MATCH (c)<-[l:COLUMN_DERIVED_FROM]-(:Column)
    WHERE CASE WHEN $asOf IS NULL THEN l.validTo IS NULL ELSE l.validFrom <= $asOf AND (l.validTo IS NULL OR l.validTo > $asOf) END
  } AS columns,
  size(COLLECT {
    MATCH (c)<-[l:COLUMN_DERIVED_FROM]-(o:Column)
    WHERE CASE WHEN $asOf IS NULL THEN l.validTo IS NULL ELSE l.validFrom <= $asOf AND (l.validTo IS NULL OR l.validTo > $asOf) END
    RETURN DISTINCT o.dataset
  }) AS datasets,
  COUNT {
    MATCH (c)<-[l:READS_COLUMN]-(:Feature)
    WHERE CASE WHEN $asOf IS NULL THEN l.validTo IS NULL ELSE l.validFrom <= $asOf AND (l.validTo IS NULL OR l.validTo > $asOf) END
  } AS features,
  COUNT {
    MATCH (c)<-[l:READS_COLUMN]-(:Model)
    WHERE CASE WHEN $asOf IS NULL THEN l.validTo IS NULL ELSE l.validFrom <= $asOf AND (l.validTo IS NULL OR l.validTo > $asOf) END
  } AS models
