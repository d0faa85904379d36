// Migration 0001: every entity has a unique URN, per entity label and across all entities
// (the shared :Entity label lets a URN be looked up without knowing its type).
// params: none
// Statements are separated by lines ending in ';' and run one by one (schema commands
// cannot share a transaction). IF NOT EXISTS keeps each one idempotent.
CREATE CONSTRAINT mlgraph_migration_id IF NOT EXISTS FOR (m:MlgraphMigration) REQUIRE m.id IS UNIQUE;
CREATE CONSTRAINT entity_urn IF NOT EXISTS FOR (n:Entity) REQUIRE n.urn IS UNIQUE;
CREATE CONSTRAINT dataset_urn IF NOT EXISTS FOR (n:Dataset) REQUIRE n.urn IS UNIQUE;
CREATE CONSTRAINT feature_urn IF NOT EXISTS FOR (n:Feature) REQUIRE n.urn IS UNIQUE;
CREATE CONSTRAINT feature_table_urn IF NOT EXISTS FOR (n:FeatureTable) REQUIRE n.urn IS UNIQUE;
CREATE CONSTRAINT model_group_urn IF NOT EXISTS FOR (n:ModelGroup) REQUIRE n.urn IS UNIQUE;
CREATE CONSTRAINT model_urn IF NOT EXISTS FOR (n:Model) REQUIRE n.urn IS UNIQUE;
CREATE CONSTRAINT experiment_urn IF NOT EXISTS FOR (n:Experiment) REQUIRE n.urn IS UNIQUE;
CREATE CONSTRAINT training_run_urn IF NOT EXISTS FOR (n:TrainingRun) REQUIRE n.urn IS UNIQUE;
CREATE CONSTRAINT deployment_urn IF NOT EXISTS FOR (n:Deployment) REQUIRE n.urn IS UNIQUE;
