import { Field, InputType } from 'type-graphql';
import { ArrayMaxSize, IsDate, IsEnum, IsOptional, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { NamedValueInput } from '../../modules/entities/graphql/common.types';
import { KEY_PART_MESSAGE, KEY_PART_PATTERN } from '../../model/urn-scheme';
import { EntityInputBase } from '../../modules/entities/graphql/entity-input.base';
import { RunStatus } from './run-status.enum';

/**
 * The upsert input of older releases (upsertTrainingRun, ingest's trainingRuns), kept for a release:
 * a run it creates is a TRAINING run. UpsertRunInput extends it with what runs of every kind have.
 */
@InputType({
  description:
    'DEPRECATED: use UpsertRunInput (upsertRun, ingest runs). Creates or updates a run, keyed by id; a run it creates has runType TRAINING. Kept until 0.3.0.',
})
export class UpsertTrainingRunInput extends EntityInputBase {
  @Field({ description: 'Run id, e.g. the tracking server\'s run id (key).' })
  @IsString()
  @Length(1, 255)
  @Matches(KEY_PART_PATTERN, { message: `id ${KEY_PART_MESSAGE}` })
  id!: string;

  @Field(() => Date, { nullable: true, description: 'When the run started.' })
  @IsOptional()
  @IsDate()
  startedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the run ended.' })
  @IsOptional()
  @IsDate()
  endedAt?: Date | null;

  @Field(() => RunStatus, { nullable: true, description: 'Where the run is in its life.' })
  @IsOptional()
  @IsEnum(RunStatus)
  runStatus?: RunStatus | null;

  @Field(() => [NamedValueInput], { nullable: true, description: 'Hyperparameters; replaces the stored ones when present.' })
  @IsOptional()
  @ArrayMaxSize(1_000)
  @ValidateNested({ each: true })
  hyperParams?: NamedValueInput[] | null;

  @Field(() => [NamedValueInput], { nullable: true, description: 'Metrics; replaces the stored ones when present.' })
  @IsOptional()
  @ArrayMaxSize(1_000)
  @ValidateNested({ each: true })
  metrics?: NamedValueInput[] | null;

  @Field(() => String, { nullable: true, description: 'Repository of the code the run executed (URL or git address).' })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  codeRepository?: string | null;

  @Field(() => String, { nullable: true, description: 'Commit of the code the run executed.' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  codeCommit?: string | null;

  @Field(() => String, { nullable: true, description: 'Container image the run executed in.' })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  dockerImage?: string | null;

  @Field(() => [String], { nullable: true, description: 'URNs of the datasets the run read; replaces the set when present.' })
  @IsOptional()
  @ArrayMaxSize(10_000)
  @IsString({ each: true })
  inputs?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'URNs of the datasets the run wrote; replaces the set when present.' })
  @IsOptional()
  @ArrayMaxSize(10_000)
  @IsString({ each: true })
  outputs?: string[] | null;

  @Field(() => String, { nullable: true, description: 'URN of the experiment the run belongs to; null detaches it.' })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  experiment?: string | null;

  @Field(() => String, { nullable: true, description: 'URN of the parent run (e.g. the sweep of a trial); null detaches it.' })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  parentRun?: string | null;
}
