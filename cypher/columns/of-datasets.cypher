// The columns of datasets in their schema as of $asOf (see columns/schema-sync: the current
// interval validFrom..validTo or a closed one in pastFrom/pastTo; open now when $asOf is null), in field-path order after $after, at most $limit per dataset, each with what reads it
// directly over edges valid then: the columns made from it, their datasets, the features and the
// models that read it (what Dataset.columns shows beside each column).
// params: $datasets, $asOf, $after, $limit
// returns: dataset, urn, field, type, description, columns, datasets, features, models
UNWIND $datasets AS d
CALL (d) {
  MATCH (c:Column {dataset: d})
  WHERE c.fieldPath > $after
    AND CASE
      WHEN $asOf IS NULL THEN c.validFrom IS NOT NULL AND c.validTo IS NULL
      ELSE (c.validFrom <= $asOf AND (c.validTo IS NULL OR c.validTo > $asOf))
        OR any(i IN range(0, size(coalesce(c.pastFrom, [])) - 1) WHERE c.pastFrom[i] <= $asOf AND c.pastTo[i] > $asOf)
    END
  WITH c
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
