// Migration 0005: training runs become runs of every kind. Stores written before 0.2.0 hold them
// as (:Entity:TrainingRun {type: 'TRAINING_RUN'}); they become (:Entity:Run {type: 'RUN',
// runType: 'TRAINING'}), URNs, properties and edges unchanged. The per-label URN constraint of
// TrainingRun (migration 0001) goes with the label; the :Entity one covers runs. Both statements
// are no-ops once it has run.
// params: none
MATCH (n:TrainingRun)
SET n:Run, n.type = 'RUN', n.runType = coalesce(n.runType, 'TRAINING')
REMOVE n:TrainingRun;
DROP CONSTRAINT training_run_urn IF EXISTS;
