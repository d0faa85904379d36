import { Field, InputType, ObjectType } from 'type-graphql';
import { IsOptional, IsString, Length, MaxLength } from 'class-validator';

@ObjectType({ description: 'A column of a dataset.' })
export class SchemaField {
  @Field({ description: 'Column name.' })
  name!: string;

  @Field({ description: 'Column type, e.g. "string", "double", "timestamp".' })
  type!: string;

  @Field(() => String, { nullable: true, description: 'What the column holds.' })
  description?: string | null;
}

@InputType({ description: 'A column of a dataset.' })
export class SchemaFieldInput {
  @Field({ description: 'Column name.' })
  @IsString()
  @Length(1, 255)
  name!: string;

  @Field({ description: 'Column type.' })
  @IsString()
  @Length(1, 255)
  type!: string;

  @Field(() => String, { nullable: true, description: 'What the column holds.' })
  @IsOptional()
  @IsString()
  @MaxLength(32_768)
  description?: string | null;
}
