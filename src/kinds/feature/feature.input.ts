import { Field, InputType } from 'type-graphql';
import { ArrayMaxSize, IsEnum, IsOptional, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { KEY_PART_MESSAGE, KEY_PART_PATTERN } from '../../model/urn-scheme';
import { EntityInputBase } from '../../modules/entities/graphql/entity-input.base';
import { FeatureDataType } from './feature-data-type.enum';
import { ColumnRefInput } from '../../modules/columns/graphql/column.inputs';

@InputType({ description: 'Creates or updates a feature, keyed by (namespace, name).' })
export class UpsertFeatureInput extends EntityInputBase {
  @Field({ description: 'Namespace, e.g. a feature-store project (key).' })
  @IsString()
  @Length(1, 255)
  @Matches(KEY_PART_PATTERN, { message: `namespace ${KEY_PART_MESSAGE}` })
  namespace!: string;

  @Field(() => FeatureDataType, { nullable: true, description: "The kind of the feature's values." })
  @IsOptional()
  @IsEnum(FeatureDataType)
  dataType?: FeatureDataType | null;

  @Field(() => String, { nullable: true, description: 'How the feature is computed.' })
  @IsOptional()
  @IsString()
  @MaxLength(32_768)
  featureAlgorithm?: string | null;

  @Field(() => String, { nullable: true, description: 'Version of the feature definition.' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  version?: string | null;

  @Field(() => [String], { nullable: true, description: 'URNs of the datasets the feature is computed from; replaces the set when present.' })
  @IsOptional()
  @ArrayMaxSize(10_000)
  @IsString({ each: true })
  sources?: string[] | null;

  @Field(() => [ColumnRefInput], {
    nullable: true,
    description: "Columns this feature is computed from (OpenMetadata's feature sources); replaces the set when present. Their datasets are usually among `sources`.",
  })
  @IsOptional()
  @ArrayMaxSize(10_000)
  @ValidateNested({ each: true })
  sourceColumns?: ColumnRefInput[] | null;
}
