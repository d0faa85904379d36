import { Field, InputType } from 'type-graphql';
import { ArrayMaxSize, IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { RunType } from './run-type.enum';
import { UpsertTrainingRunInput } from './training-run.input';

@InputType({ description: 'Creates or updates a run of any kind, keyed by id.' })
export class UpsertRunInput extends UpsertTrainingRunInput {
  @Field(() => RunType, { nullable: true, description: 'What the run does; a run created without it is OTHER.' })
  @IsOptional()
  @IsEnum(RunType)
  runType?: RunType | null;

  @Field(() => [String], {
    nullable: true,
    description: 'URNs of the models the run read (a fine-tune\'s base model, the model a scoring run applies); replaces the set when present.',
  })
  @IsOptional()
  @ArrayMaxSize(10_000)
  @IsString({ each: true })
  inputModels?: string[] | null;

  @Field(() => String, { nullable: true, description: 'URN of the pipeline job this run executes; null detaches it.' })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  job?: string | null;
}
