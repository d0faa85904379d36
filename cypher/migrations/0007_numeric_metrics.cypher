// Migration 0007: models stored before numeric metrics existed keep their measured values only as
// text (trainingMetrics, JSON [{name, value, description}]). After this file the server writes
// those whose text is a number ("0.947", "1e-3", "3.2%") as numeric `metrics`, on models that have
// none (src/graph/metrics-backfill.ts, cypher/models/metrics-backfill-*.cypher): Cypher alone
// cannot parse the JSON text without APOC. trainingMetrics itself is kept, unchanged.
// params: none
