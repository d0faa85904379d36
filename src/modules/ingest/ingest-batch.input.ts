import { Field, InputType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, ValidateNested } from 'class-validator';
import { UpsertDatasetInput } from '../datasets/dataset.input';
import { UpsertDeploymentInput } from '../deployments/deployment.input';
import { UpsertExperimentInput } from '../experiments/experiment.input';
import { UpsertFeatureTableInput } from '../feature-tables/feature-table.input';
import { UpsertFeatureInput } from '../features/feature.input';
import { UpsertModelGroupInput } from '../model-groups/model-group.input';
import { UpsertModelInput } from '../models/model.input';
import { UpsertTrainingRunInput } from '../training-runs/training-run.input';
import { LinkInput } from './link.input';

/**
 * Largest number of entities (all lists together) one ingest takes. One batch is one transaction,
 * which must finish within NEO4J_QUERY_TIMEOUT_MS; 10,000 realistic entities take well under the
 * default 30 s, so larger loads are split into several batches.
 */
export const MAX_INGEST_ENTITIES = 10_000;
/** Largest number of links one ingest takes. */
export const MAX_INGEST_LINKS = 20_000;

const each = { each: true };

@InputType({
  description:
    `Everything one ingest writes, in any order: entities may reference each other (and links may join them) ` +
    `within the batch. At most ${MAX_INGEST_ENTITIES} entities and ${MAX_INGEST_LINKS} links.`,
})
export class IngestBatchInput {
  @Field(() => [UpsertDatasetInput], { nullable: true, description: 'Datasets to create or update.' })
  @IsOptional()
  @ArrayMaxSize(MAX_INGEST_ENTITIES)
  @ValidateNested(each)
  datasets?: UpsertDatasetInput[] | null;

  @Field(() => [UpsertFeatureInput], { nullable: true, description: 'Features to create or update.' })
  @IsOptional()
  @ArrayMaxSize(MAX_INGEST_ENTITIES)
  @ValidateNested(each)
  features?: UpsertFeatureInput[] | null;

  @Field(() => [UpsertFeatureTableInput], { nullable: true, description: 'Feature tables to create or update.' })
  @IsOptional()
  @ArrayMaxSize(MAX_INGEST_ENTITIES)
  @ValidateNested(each)
  featureTables?: UpsertFeatureTableInput[] | null;

  @Field(() => [UpsertModelGroupInput], { nullable: true, description: 'Model groups to create or update.' })
  @IsOptional()
  @ArrayMaxSize(MAX_INGEST_ENTITIES)
  @ValidateNested(each)
  modelGroups?: UpsertModelGroupInput[] | null;

  @Field(() => [UpsertModelInput], { nullable: true, description: 'Model versions to create or update.' })
  @IsOptional()
  @ArrayMaxSize(MAX_INGEST_ENTITIES)
  @ValidateNested(each)
  models?: UpsertModelInput[] | null;

  @Field(() => [UpsertExperimentInput], { nullable: true, description: 'Experiments to create or update.' })
  @IsOptional()
  @ArrayMaxSize(MAX_INGEST_ENTITIES)
  @ValidateNested(each)
  experiments?: UpsertExperimentInput[] | null;

  @Field(() => [UpsertTrainingRunInput], { nullable: true, description: 'Training runs to create or update.' })
  @IsOptional()
  @ArrayMaxSize(MAX_INGEST_ENTITIES)
  @ValidateNested(each)
  trainingRuns?: UpsertTrainingRunInput[] | null;

  @Field(() => [UpsertDeploymentInput], { nullable: true, description: 'Deployments to create or update.' })
  @IsOptional()
  @ArrayMaxSize(MAX_INGEST_ENTITIES)
  @ValidateNested(each)
  deployments?: UpsertDeploymentInput[] | null;

  @Field(() => [LinkInput], { nullable: true, description: 'Single edges to open (existing open edges are left alone).' })
  @IsOptional()
  @ArrayMaxSize(MAX_INGEST_LINKS)
  @ValidateNested(each)
  links?: LinkInput[] | null;
}
