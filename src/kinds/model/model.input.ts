import { Field, InputType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, IsString, IsUrl, Length, MaxLength, ValidateNested } from 'class-validator';
import { NamedValueInput } from '../../modules/entities/graphql/common.types';
import { PlatformEnvInputBase } from '../../modules/entities/graphql/entity-input.base';
import { FrameworkInput } from './framework.type';
import { ModelCaveatsAndRecommendations } from './caveats.type';
import { ModelCardData } from './card-data.type';
import { CARD_LIST_MAX } from './card-text';
import { ModelEthicalConsiderations } from './ethics.type';
import { ModelFactorPrompts } from './factor-prompts.type';
import { IntendedUseInput } from './intended-use.type';
import { ModelMetricsDescription } from './metrics-description.type';
import { MODEL_METRICS_MAX, ModelMetric } from './model-metric.type';
import { ModelQuantitativeAnalyses } from './quantitative-analyses.type';
import { SourceCodeInput } from './source-code.type';
import { ColumnRefInput } from '../../modules/columns/graphql/column.inputs';

const USE_METRICS = 'Use metrics: numbers with step, time, dataset and slice (see README, "Model card and metrics").';

@InputType({ description: 'Creates or updates a model version, keyed by (platform, name, env). Aliases are set by setModelAlias.' })
export class UpsertModelInput extends PlatformEnvInputBase {
  @Field(() => String, { nullable: true, description: 'Version label, e.g. "7".' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  version?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Explicit place of this version in its groups' order, compared as text (1-255 characters); absent: the version label orders it.",
  })
  @IsOptional()
  @IsString()
  @Length(1, 255)
  versionSortId?: string | null;

  @Field(() => String, { nullable: true, description: 'Kind of model or algorithm.' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  modelType?: string | null;

  @Field(() => FrameworkInput, { nullable: true, description: 'The ML library the model was built with.' })
  @IsOptional()
  @ValidateNested()
  framework?: FrameworkInput | null;

  @Field(() => [NamedValueInput], { nullable: true, description: 'Hyperparameters; replaces the stored ones when present.' })
  @IsOptional()
  @ArrayMaxSize(1_000)
  @ValidateNested({ each: true })
  hyperParams?: NamedValueInput[] | null;

  @Field(() => [NamedValueInput], {
    nullable: true,
    description: 'Training/evaluation metrics as text; replaces the stored ones when present.',
    deprecationReason: USE_METRICS,
  })
  @IsOptional()
  @ArrayMaxSize(1_000)
  @ValidateNested({ each: true })
  trainingMetrics?: NamedValueInput[] | null;

  @Field(() => [NamedValueInput], {
    nullable: true,
    description: 'Production metrics as text; replaces the stored ones when present.',
    deprecationReason: USE_METRICS,
  })
  @IsOptional()
  @ArrayMaxSize(1_000)
  @ValidateNested({ each: true })
  onlineMetrics?: NamedValueInput[] | null;

  @Field(() => [ModelMetric], {
    nullable: true,
    description: `Measured values (numbers), at most ${MODEL_METRICS_MAX}; replaces the stored list when present (send every value the model keeps).`,
  })
  @IsOptional()
  @ArrayMaxSize(MODEL_METRICS_MAX)
  @ValidateNested({ each: true })
  metrics?: ModelMetric[] | null;

  @Field(() => IntendedUseInput, { nullable: true, description: 'What the model is for and not for.' })
  @IsOptional()
  @ValidateNested()
  intendedUse?: IntendedUseInput | null;

  @Field(() => ModelFactorPrompts, { nullable: true, description: 'Relevant and evaluation factors; replaces the stored ones when present.' })
  @IsOptional()
  @ValidateNested()
  factorPrompts?: ModelFactorPrompts | null;

  @Field(() => ModelMetricsDescription, { nullable: true, description: 'Performance measures, decision thresholds and variation approaches.' })
  @IsOptional()
  @ValidateNested()
  metricsDescription?: ModelMetricsDescription | null;

  @Field(() => [ModelCardData], { nullable: true, description: 'Training data as the card describes it; replaces the stored list when present.' })
  @IsOptional()
  @ArrayMaxSize(CARD_LIST_MAX)
  @ValidateNested({ each: true })
  trainingData?: ModelCardData[] | null;

  @Field(() => [ModelCardData], { nullable: true, description: 'Evaluation data as the card describes it; replaces the stored list when present.' })
  @IsOptional()
  @ArrayMaxSize(CARD_LIST_MAX)
  @ValidateNested({ each: true })
  evaluationData?: ModelCardData[] | null;

  @Field(() => ModelQuantitativeAnalyses, { nullable: true, description: 'Unitary and intersectional results.' })
  @IsOptional()
  @ValidateNested()
  quantitativeAnalyses?: ModelQuantitativeAnalyses | null;

  @Field(() => ModelEthicalConsiderations, { nullable: true, description: 'Ethical considerations, structured.' })
  @IsOptional()
  @ValidateNested()
  ethics?: ModelEthicalConsiderations | null;

  @Field(() => ModelCaveatsAndRecommendations, { nullable: true, description: 'Caveats and recommendations, structured.' })
  @IsOptional()
  @ValidateNested()
  caveatsAndRecommendations?: ModelCaveatsAndRecommendations | null;

  @Field(() => String, {
    nullable: true,
    description: 'Ethical considerations as free text, up to 32K characters.',
    deprecationReason: 'Use ethics (see README, "Model card and metrics").',
  })
  @IsOptional()
  @IsString()
  @MaxLength(32_768)
  ethicalConsiderations?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Caveats and recommendations as free text, up to 32K characters.',
    deprecationReason: 'Use caveatsAndRecommendations (see README, "Model card and metrics").',
  })
  @IsOptional()
  @IsString()
  @MaxLength(32_768)
  caveats?: string | null;

  @Field(() => [SourceCodeInput], { nullable: true, description: 'Links to the code; replaces the stored ones when present.' })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  sourceCode?: SourceCodeInput[] | null;

  @Field(() => String, { nullable: true, description: 'Where the artifact is stored (any URI scheme, e.g. s3:// or runs:/).' })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  artifactUri?: string | null;

  @Field(() => String, { nullable: true, description: 'Container image that serves the model.' })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  dockerImage?: string | null;

  @Field(() => String, { nullable: true, description: 'Endpoint URL that serves the model.' })
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  @MaxLength(2048)
  endpointUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'License, e.g. "Apache-2.0".' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  license?: string | null;

  @Field(() => [String], { nullable: true, description: 'URNs of the model groups; replaces the set when present.' })
  @IsOptional()
  @ArrayMaxSize(10_000)
  @IsString({ each: true })
  groups?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'URNs of the features the model consumes; replaces the set when present.' })
  @IsOptional()
  @ArrayMaxSize(10_000)
  @IsString({ each: true })
  features?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'URNs of the runs that trained the model; replaces the set when present.' })
  @IsOptional()
  @ArrayMaxSize(10_000)
  @IsString({ each: true })
  trainingRuns?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'URNs of the training datasets; replaces the set when present.' })
  @IsOptional()
  @ArrayMaxSize(10_000)
  @IsString({ each: true })
  trainingDatasets?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'URNs of the evaluation datasets; replaces the set when present.' })
  @IsOptional()
  @ArrayMaxSize(10_000)
  @IsString({ each: true })
  evaluationDatasets?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'URNs of the models this model was made from (derivedFromEdges also records how); replaces the set when present.',
  })
  @IsOptional()
  @ArrayMaxSize(10_000)
  @IsString({ each: true })
  derivedFrom?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'URNs of the deployments serving the model; replaces the set when present.' })
  @IsOptional()
  @ArrayMaxSize(10_000)
  @IsString({ each: true })
  deployments?: string[] | null;

  @Field(() => [ColumnRefInput], {
    nullable: true,
    description: "The model's input signature: dataset columns it reads directly (features it reads are `features`); replaces the set when present.",
  })
  @IsOptional()
  @ArrayMaxSize(10_000)
  @ValidateNested({ each: true })
  inputColumns?: ColumnRefInput[] | null;
}
