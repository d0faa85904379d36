import { Field, InputType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, IsString, IsUrl, MaxLength, ValidateNested } from 'class-validator';
import { NamedValueInput } from '../../modules/entities/graphql/common.types';
import { PlatformEnvInputBase } from '../../modules/entities/graphql/entity-input.base';
import { FrameworkInput } from './framework.type';
import { IntendedUseInput } from './intended-use.type';
import { SourceCodeInput } from './source-code.type';

@InputType({ description: 'Creates or updates a model version, keyed by (platform, name, env). Aliases are set by setModelAlias.' })
export class UpsertModelInput extends PlatformEnvInputBase {
  @Field(() => String, { nullable: true, description: 'Version label, e.g. "7".' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  version?: string | null;

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

  @Field(() => [NamedValueInput], { nullable: true, description: 'Training/evaluation metrics; replaces the stored ones when present.' })
  @IsOptional()
  @ArrayMaxSize(1_000)
  @ValidateNested({ each: true })
  trainingMetrics?: NamedValueInput[] | null;

  @Field(() => [NamedValueInput], { nullable: true, description: 'Production metrics; replaces the stored ones when present.' })
  @IsOptional()
  @ArrayMaxSize(1_000)
  @ValidateNested({ each: true })
  onlineMetrics?: NamedValueInput[] | null;

  @Field(() => IntendedUseInput, { nullable: true, description: 'What the model is for and not for.' })
  @IsOptional()
  @ValidateNested()
  intendedUse?: IntendedUseInput | null;

  @Field(() => String, { nullable: true, description: 'Ethical considerations, up to 32K characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(32_768)
  ethicalConsiderations?: string | null;

  @Field(() => String, { nullable: true, description: 'Caveats and recommendations, up to 32K characters.' })
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
}
