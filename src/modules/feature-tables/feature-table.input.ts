import { Field, InputType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, IsString, Length, Matches } from 'class-validator';
import { EntityInputBase, KEY_PART_MESSAGE, KEY_PART_PATTERN } from '../entities/graphql/entity-input.base';

@InputType({ description: 'Creates or updates a feature table, keyed by (platform, name).' })
export class UpsertFeatureTableInput extends EntityInputBase {
  @Field({ description: 'Feature-store platform, e.g. "feast" (key).' })
  @IsString()
  @Length(1, 100)
  @Matches(KEY_PART_PATTERN, { message: `platform ${KEY_PART_MESSAGE}` })
  platform!: string;

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
