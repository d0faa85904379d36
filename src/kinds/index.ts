import { dataset } from './dataset/dataset.spec';
import { deployment } from './deployment/deployment.spec';
import { experiment } from './experiment/experiment.spec';
import { featureTable } from './feature-table/feature-table.spec';
import { feature } from './feature/feature.spec';
import { modelGroup } from './model-group/model-group.spec';
import { model } from './model/model.spec';
import { job } from './job/job.spec';
import { pipeline } from './pipeline/pipeline.spec';
import { run } from './run/run.spec';

/**
 * Every kind of entity mlgraph stores, one declaration each; everything that varies by kind is
 * derived from this list (see src/model/). Its order is the order of the EntityType values, of the
 * ingest lists, and of the relationship fields other kinds declare towards a kind (a kind's own
 * come first). Add new kinds at the end.
 */
export const KINDS = [dataset, feature, featureTable, modelGroup, model, experiment, run, deployment, pipeline, job] as const;
