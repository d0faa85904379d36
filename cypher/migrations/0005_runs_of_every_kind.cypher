// Migration 0005: training runs become runs of every kind. Stores written before 0.2.0 hold them
// as (:Entity:TrainingRun {type: 'TRAINING_RUN'}); they become (:Entity:Run {type: 'RUN',
// runType: 'TRAINING'}), URNs, properties and edges unchanged. The per-label URN constraint of
// TrainingRun (migration 0001) goes with the label; the :Entity one covers runs.
// It also registers every lineage relationship type (DEPENDS_ON, job -> job, is new): a lineage
// level statement that names a type the store has never held pays a token lookup on every row (7
// db hits per frontier entity more on the 10k benchmark graph, BENCHMARKS.md), which a registered
// type does not; a fresh store holds none of them. A later lineage type is registered the same way
// in its own migration (a contract test checks). Every statement is a no-op once it has run.
// params: none
MATCH (n:TrainingRun)
SET n:Run, n.type = 'RUN', n.runType = coalesce(n.runType, 'TRAINING')
REMOVE n:TrainingRun;
DROP CONSTRAINT training_run_urn IF EXISTS;
CALL db.createRelationshipType('CONSUMES');
CALL db.createRelationshipType('CONTAINS');
CALL db.createRelationshipType('DEPENDS_ON');
CALL db.createRelationshipType('DEPLOYED_TO');
CALL db.createRelationshipType('DERIVED_FROM');
CALL db.createRelationshipType('EVALUATED_ON');
CALL db.createRelationshipType('INPUT_OF');
CALL db.createRelationshipType('MEMBER_OF');
CALL db.createRelationshipType('OUTPUT_OF');
CALL db.createRelationshipType('TRAINED_BY');
CALL db.createRelationshipType('TRAINED_ON');

