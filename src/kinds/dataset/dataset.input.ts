import { Field, InputType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { PlatformEnvInputBase } from '../../modules/entities/graphql/entity-input.base';
import { SchemaFieldInput } from './schema-field.type';
import { ColumnLineageInput } from '../../modules/columns/graphql/column.inputs';

@InputType({ description: 'Creates or updates a dataset, keyed by (platform, name, env).' })
export class UpsertDatasetInput extends PlatformEnvInputBase {
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

  @Field(() => [ColumnLineageInput], {
    nullable: true,
    description:
      "Column lineage of this dataset's columns, in the shape of OpenLineage's columnLineage facet (each output field with its input fields and transformations); replaces the stored column lineage when present, [] removes it.",
  })
  @IsOptional()
  @ArrayMaxSize(10_000)
  @ValidateNested({ each: true })
  columnLineage?: ColumnLineageInput[] | null;
}
