import { Field, ObjectType } from 'type-graphql';
import { Env } from '../../model/env';
import { NamedValue } from '../../modules/entities/graphql/common.types';
import { Entity } from '../../modules/entities/graphql/entity.interface';
import { Framework } from './framework.type';
import { ModelCaveatsAndRecommendations } from './caveats.type';
import { ModelCardData } from './card-data.type';
import { ModelEthicalConsiderations } from './ethics.type';
import { ModelFactorPrompts } from './factor-prompts.type';
import { IntendedUse } from './intended-use.type';
import { ModelMetricsDescription } from './metrics-description.type';
import { ModelMetric } from './model-metric.type';
import { ModelQuantitativeAnalyses } from './quantitative-analyses.type';
import { SourceCode } from './source-code.type';

/** Where README documents how clients move from the free-text fields to the structured ones. */
const MIGRATION = 'see README, "Model card and metrics"';

@ObjectType({ implements: Entity, description: 'A model: one trained version, a member of model groups.' })
export class Model extends Entity {
  @Field({ description: 'ML platform, e.g. "mlflow" or "sagemaker" (part of the URN).' })
  platform!: string;

  @Field(() => Env, { description: "Environment, DataHub's fabric (part of the URN)." })
  env!: Env;

  @Field(() => String, {
    nullable: true,
    description: 'Version label of this model, e.g. "7" or "1.4.0-rc1"; orders the versions of its groups (semantic version order) unless versionSortId is set.',
  })
  version?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Explicit place of this version in its groups' order (DataHub VersionProperties.sortId), compared as text in code point order; " +
      'versions that have one come after those that do not. Use it when labels do not sort, e.g. "2024-06-01T12:00" or "000042".',
  })
  versionSortId?: string | null;

  @Field(() => String, { nullable: true, description: 'Kind of model or algorithm, e.g. "gradient boosted trees".' })
  modelType?: string | null;

  @Field(() => Framework, { nullable: true, description: 'The ML library the model was built with.' })
  framework?: Framework | null;

  @Field(() => [NamedValue], { description: 'Hyperparameters the model was trained with.' })
  hyperParams!: NamedValue[];

  @Field(() => [NamedValue], {
    description: 'Metrics measured at training or evaluation time, as text.',
    deprecationReason: `Use metrics: numbers with step, time, dataset and slice (${MIGRATION}).`,
  })
  trainingMetrics!: NamedValue[];

  @Field(() => [NamedValue], {
    description: 'Metrics measured in production, as text.',
    deprecationReason: `Use metrics: numbers with step, time, dataset and slice (${MIGRATION}).`,
  })
  onlineMetrics!: NamedValue[];

  @Field(() => [ModelMetric], {
    description:
      'Measured values of the model (numbers), in the order they were written; the arguments pick some of them. ' +
      'An upsert with metrics replaces the whole list.',
  })
  metrics!: ModelMetric[];

  @Field(() => IntendedUse, { nullable: true, description: 'What the model is for and not for (model card, DataHub intendedUse).' })
  intendedUse?: IntendedUse | null;

  @Field(() => ModelFactorPrompts, { nullable: true, description: 'Factors for which performance may vary, and those evaluated (model card).' })
  factorPrompts?: ModelFactorPrompts | null;

  @Field(() => ModelMetricsDescription, {
    nullable: true,
    description: "How the model is measured: performance measures, decision thresholds, variation approaches (model card; DataHub's Metrics aspect).",
  })
  metricsDescription?: ModelMetricsDescription | null;

  @Field(() => [ModelCardData], { description: 'The training data as the model card describes it: datasets, motivation, preprocessing.' })
  trainingData!: ModelCardData[];

  @Field(() => [ModelCardData], { description: 'The evaluation data as the model card describes it: datasets, motivation, preprocessing.' })
  evaluationData!: ModelCardData[];

  @Field(() => ModelQuantitativeAnalyses, { nullable: true, description: 'Unitary and intersectional results (model card).' })
  quantitativeAnalyses?: ModelQuantitativeAnalyses | null;

  @Field(() => ModelEthicalConsiderations, {
    nullable: true,
    description: 'Ethical considerations, structured: sensitive data, human life, mitigations, risks and harms, fraught use cases (model card).',
  })
  ethics?: ModelEthicalConsiderations | null;

  @Field(() => ModelCaveatsAndRecommendations, { nullable: true, description: 'Caveats and recommendations, structured (model card).' })
  caveatsAndRecommendations?: ModelCaveatsAndRecommendations | null;

  @Field(() => String, {
    nullable: true,
    description: 'Ethical considerations as free text.',
    deprecationReason: `Use ethics, the structured ethical considerations (${MIGRATION}).`,
  })
  ethicalConsiderations?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Caveats and recommendations as free text.',
    deprecationReason: `Use caveatsAndRecommendations (${MIGRATION}).`,
  })
  caveats?: string | null;

  @Field(() => [SourceCode], { description: 'Links to the code behind the model.' })
  sourceCode!: SourceCode[];

  @Field(() => String, { nullable: true, description: 'Where the model artifact is stored, e.g. "s3://models/churn/7".' })
  artifactUri?: string | null;

  @Field(() => String, { nullable: true, description: 'Container image that serves the model.' })
  dockerImage?: string | null;

  @Field(() => String, { nullable: true, description: 'Endpoint that serves the model, when it has its own.' })
  endpointUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'License of the model, e.g. "Apache-2.0".' })
  license?: string | null;
}
