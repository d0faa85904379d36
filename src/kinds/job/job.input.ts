import { Field, InputType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { KEY_PART_MESSAGE, KEY_PART_PATTERN } from '../../model/urn-scheme';
import { EntityInputBase } from '../../modules/entities/graphql/entity-input.base';

@InputType({ description: 'Creates or updates a job, keyed by (pipeline, jobId).' })
export class UpsertJobInput extends EntityInputBase {
  @Field({ description: 'URN of the pipeline this job is a step of (key; the pipeline must exist or be in the same batch).' })
  @IsString()
  @MaxLength(2048)
  pipeline!: string;

  @Field({ description: 'Id of the step in its pipeline, e.g. the Airflow task id (key).' })
  @IsString()
  @Length(1, 255)
  @Matches(KEY_PART_PATTERN, { message: `jobId ${KEY_PART_MESSAGE}` })
  jobId!: string;

  @Field(() => String, { nullable: true, description: 'What kind of step, e.g. "PythonOperator".' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  jobType?: string | null;

  @Field(() => [String], { nullable: true, description: 'URNs of the jobs this job depends on; replaces the set when present.' })
  @IsOptional()
  @ArrayMaxSize(10_000)
  @IsString({ each: true })
  upstreamJobs?: string[] | null;
}
