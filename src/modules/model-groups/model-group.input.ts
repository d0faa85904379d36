import { Field, InputType } from 'type-graphql';
import { IsEnum, IsOptional, IsString, Length, Matches } from 'class-validator';
import { Env } from '../../model/entity-type';
import { EntityInputBase, KEY_PART_MESSAGE, KEY_PART_PATTERN } from '../entities/graphql/entity-input.base';

@InputType({ description: 'Creates or updates a model group, keyed by (platform, name, env).' })
export class UpsertModelGroupInput extends EntityInputBase {
  @Field({ description: 'ML platform, e.g. "mlflow" (key).' })
  @IsString()
  @Length(1, 100)
  @Matches(KEY_PART_PATTERN, { message: `platform ${KEY_PART_MESSAGE}` })
  platform!: string;

  @Field(() => Env, { nullable: true, description: 'Environment (key; default PROD).' })
  @IsOptional()
  @IsEnum(Env)
  env?: Env;
}
