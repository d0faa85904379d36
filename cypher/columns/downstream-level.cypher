// One breadth-first level of a column-level downstream walk (src/modules/columns/column-walk.ts),
// one row per frontier entity f.
// `fed`: what f's affected columns feed, read from the columns' side (index seeks on f.columns,
// the URNs of the affected columns, and every column of the datasets in f.all, those affected as
// a whole), one entry per affected column: [dataset, field, derived, readers], derived the
// columns made from it as [dataset, field, transformations], readers the features and models
// reading it (itself or through a consumed feature) as URNs. Each URN is sent once per column
// edge, not three times (the widest level of a reach-1,000 walk: 371 KB instead of 689 KB).
// `steps`: every entity one lineage step downstream of f, over edges valid at $asOf (open edges
// when $asOf is null), whose status is in $statuses, as [smallest relationship type between
// them, urn, type, mapped]. `mapped` lists those of f's affected datasets (f.datasets, [] for an
// entity affected as a whole) that a reached dataset, feature or model not named by `fed` has
// any column mapping from: a dataset, a column made from one of their columns; a feature or
// model, a column it reads (itself or through a consumed feature) or a consumed feature derived
// from the dataset (for today's graph, read from the entity's and its consumed features'
// `columnSources`, cypher/columns/sources-set.cypher). An entity `fed` names gets [] (the
// affected columns prove its step). Pairs (reached entity, dataset) that are keys of the map
// $known, as urn + newline + dataset, are not asked again (a map, so that each question is one
// lookup, not a scan of every pair known): the walk has their answer from an earlier level, and
// `mapped` leaves those datasets out.
// A frontier entry of the walk's fallback side (past a hop without column mapping) has no affected
// columns or datasets and f.fallback true: its row gives the plain steps (every `mapped` and `fed`
// empty), so one statement serves both sides of a level. `fallback` returns f.fallback.
// Relationship types and directions of the steps are those of lineage/downstream-level.cypher (a
// contract test keeps them equal).
// params: $frontier, $known, $statuses, $asOf
// frontier: [{urn, fallback, datasets, columns, all}]
// returns: from, fallback, steps, fed
UNWIND $frontier AS f
MATCH (n:Entity {urn: f.urn})
WITH f, n, COLLECT {
    CALL (f) {
      UNWIND f.columns AS u
      MATCH (s:Column {urn: u})
      RETURN s
      UNION
      UNWIND f.all AS d
      MATCH (s:Column {dataset: d})
      RETURN s
    }
    // An affected column's own properties are read once, with what it feeds grouped under it.
    WITH s, s.dataset AS sd, s.fieldPath AS sf
    RETURN [sd, sf,
      COLLECT {
        MATCH (s)<-[l:COLUMN_DERIVED_FROM]-(c:Column)
        WHERE CASE
            WHEN $asOf IS NULL THEN l.validTo IS NULL
            ELSE l.validFrom <= $asOf AND (l.validTo IS NULL OR l.validTo > $asOf)
          END
        RETURN [c.dataset, c.fieldPath, l.transformations]
      },
      // A reader of the column, and the models consuming a feature that reads it (once each).
      COLLECT {
        MATCH (s)<-[l:READS_COLUMN]-(x:Entity)
        WHERE CASE
            WHEN $asOf IS NULL THEN l.validTo IS NULL
            ELSE l.validFrom <= $asOf AND (l.validTo IS NULL OR l.validTo > $asOf)
          END
        CALL (x) {
          RETURN x.urn AS to
          UNION
          MATCH (x:Feature)<-[c:CONSUMES]-(y:Entity)
          WHERE CASE
              WHEN $asOf IS NULL THEN c.validTo IS NULL
              ELSE c.validFrom <= $asOf AND (c.validTo IS NULL OR c.validTo > $asOf)
            END
          RETURN y.urn AS to
        }
        RETURN DISTINCT to
      }]
  } AS fed
WITH f, n, fed, COLLECT { UNWIND fed AS x UNWIND [d IN x[2] | d[0]] + x[3] AS to RETURN DISTINCT to } AS fedTo
CALL (f, n, fedTo) {
  CALL (n) {
    MATCH (n)-[r:CONTAINS|DEPLOYED_TO|INPUT_OF|MEMBER_OF]->(m:Entity)
    RETURN r, m
    UNION ALL
    MATCH (n)<-[r:CONSUMES|DEPENDS_ON|DERIVED_FROM|EVALUATED_ON|OUTPUT_OF|TRAINED_BY|TRAINED_ON]-(m:Entity)
    RETURN r, m
  }
  WITH r, m
  WHERE m.status IN $statuses
    AND CASE
      WHEN $asOf IS NULL THEN r.validTo IS NULL
      ELSE r.validFrom <= $asOf AND (r.validTo IS NULL OR r.validTo > $asOf)
    END
  WITH m, min(type(r)) AS relationship
  RETURN collect([relationship, m.urn, m.type,
    CASE
      WHEN size(f.datasets) = 0 OR m.urn IN fedTo THEN []
      // Today's graph: the datasets m's open column edges read from, kept on m (columnSources).
      WHEN $asOf IS NULL AND m:Dataset THEN [d IN f.datasets WHERE $known[m.urn + '\n' + d] IS NULL AND d IN m.columnSources]
      WHEN $asOf IS NULL AND (m:Feature OR m:Model) THEN [d IN f.datasets WHERE $known[m.urn + '\n' + d] IS NULL AND (
        d IN m.columnSources
        OR EXISTS {
          MATCH (m)-[c:CONSUMES]->(x:Feature)
          WHERE c.validTo IS NULL
            AND (d IN x.columnSources OR EXISTS { MATCH (x)-[e:DERIVED_FROM]->(s:Dataset) WHERE s.urn = d AND e.validTo IS NULL })
        })]
      // As of a time: the column edges valid then.
      WHEN m:Dataset THEN [d IN f.datasets WHERE $known[m.urn + '\n' + d] IS NULL AND EXISTS {
          MATCH (:Column {dataset: m.urn})-[l:COLUMN_DERIVED_FROM]->(s:Column)
          WHERE s.dataset = d
            AND l.validFrom <= $asOf AND (l.validTo IS NULL OR l.validTo > $asOf)
        }]
      WHEN m:Feature OR m:Model THEN [d IN f.datasets WHERE $known[m.urn + '\n' + d] IS NULL AND (
        EXISTS {
          MATCH (m)-[l:READS_COLUMN]->(s:Column)
          WHERE s.dataset = d AND l.validFrom <= $asOf AND (l.validTo IS NULL OR l.validTo > $asOf)
        }
        OR EXISTS {
          MATCH (m)-[c:CONSUMES]->(x:Feature)
          WHERE c.validFrom <= $asOf AND (c.validTo IS NULL OR c.validTo > $asOf)
            AND (EXISTS {
                MATCH (x)-[e:DERIVED_FROM]->(s:Dataset)
                WHERE s.urn = d AND e.validFrom <= $asOf AND (e.validTo IS NULL OR e.validTo > $asOf)
              }
              OR EXISTS {
                MATCH (x)-[l:READS_COLUMN]->(s:Column)
                WHERE s.dataset = d AND l.validFrom <= $asOf AND (l.validTo IS NULL OR l.validTo > $asOf)
              })
        })]
      ELSE []
    END]) AS steps
}
RETURN f.urn AS from, f.fallback AS fallback, steps, fed
