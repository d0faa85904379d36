import { Field, InputType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, IsString, Length } from 'class-validator';
import { PlatformInputBase } from '../../modules/entities/graphql/entity-input.base';

@InputType({ description: 'Creates or updates a feature table, keyed by (platform, name).' })
export class UpsertFeatureTableInput extends PlatformInputBase {
  @Field(() => [String], { nullable: true, description: 'Names of the entity keys; replaces the stored ones when present.' })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 255, { each: true })
  primaryKeys?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'URNs of the features in the table; replaces the set when present.' })
  @IsOptional()
  @ArrayMaxSize(10_000)
  @IsString({ each: true })
  features?: string[] | null;
}
