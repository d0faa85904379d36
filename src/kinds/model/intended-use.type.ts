import { Field, InputType, ObjectType } from 'type-graphql';
import { ArrayMaxSize, IsString, Length } from 'class-validator';

@ObjectType({ description: 'What a model is for and what it is not for (model card, DataHub IntendedUse).' })
export class IntendedUse {
  @Field(() => [String], { description: 'Uses the model was built for.' })
  primaryUses!: string[];

  @Field(() => [String], { description: 'Who is meant to use the model, e.g. "fraud analysts".' })
  primaryUsers!: string[];

  @Field(() => [String], { description: 'Uses the model must not be put to.' })
  outOfScopeUses!: string[];
}

@InputType({ description: 'What a model is for and what it is not for.' })
export class IntendedUseInput {
  @Field(() => [String], { defaultValue: [], description: 'Uses the model was built for.' })
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 1024, { each: true })
  primaryUses!: string[];

  @Field(() => [String], { defaultValue: [], description: 'Who is meant to use the model.' })
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 1024, { each: true })
  primaryUsers!: string[];

  @Field(() => [String], { defaultValue: [], description: 'Uses the model must not be put to.' })
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 1024, { each: true })
  outOfScopeUses!: string[];
}
