import { Field, InputType } from 'type-graphql';
import { ArrayMaxSize, IsEnum, IsOptional, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { Env } from '../../model/entity-type';
import { EntityInputBase, KEY_PART_MESSAGE, KEY_PART_PATTERN } from '../entities/graphql/entity-input.base';
import { SchemaFieldInput } from './schema-field.type';

@InputType({ description: 'Creates or updates a dataset, keyed by (platform, name, env).' })
export class UpsertDatasetInput extends EntityInputBase {
  @Field({ description: 'Data platform, e.g. "s3" (key).' })
  @IsString()
  @Length(1, 100)
  @Matches(KEY_PART_PATTERN, { message: `platform ${KEY_PART_MESSAGE}` })
  platform!: string;

  @Field(() => Env, { nullable: true, description: 'Environment (key; default PROD).' })
  @IsOptional()
  @IsEnum(Env)
  env?: Env;

  @Field(() => String, { nullable: true, description: 'Physical location.' })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  uri?: string | null;

  @Field(() => String, { nullable: true, description: 'Version or snapshot.' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  version?: string | null;

  @Field(() => String, { nullable: true, description: 'Storage format.' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  format?: string | null;

  @Field(() => [SchemaFieldInput], { nullable: true, description: 'Columns; replaces the stored ones when present.' })
  @IsOptional()
  @ArrayMaxSize(10_000)
  @ValidateNested({ each: true })
  schemaFields?: SchemaFieldInput[] | null;

  @Field(() => [String], { nullable: true, description: 'URNs of the datasets this one is derived from; replaces the set when present.' })
  @IsOptional()
  @ArrayMaxSize(10_000)
  @IsString({ each: true })
  upstreams?: string[] | null;
}
