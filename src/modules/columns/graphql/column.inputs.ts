import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, IsBoolean, IsEnum, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { FIELD_PATH_PATTERN, TransformationSubtype, TransformationType } from '../../../model/columns';

registerEnumType(TransformationType, {
  name: 'TransformationType',
  description: "OpenLineage's transformation type: whether the output column's values come from the input column's.",
  valuesConfig: {
    DIRECT: { description: 'The output value is computed from the input value (IDENTITY, TRANSFORMATION, AGGREGATION).' },
    INDIRECT: { description: 'The input column shapes the output without giving it its value (FILTER, JOIN, GROUP_BY, SORT, WINDOW, CONDITIONAL).' },
  },
});
registerEnumType(TransformationSubtype, {
  name: 'TransformationSubtype',
  description: "OpenLineage's transformation subtype.",
  valuesConfig: {
    IDENTITY: { description: 'Copied unchanged.' },
    TRANSFORMATION: { description: 'Computed from the input value (a function of it).' },
    AGGREGATION: { description: 'Aggregated over rows (sum, count, average...).' },
    FILTER: { description: 'Used in a filter (WHERE).' },
    JOIN: { description: 'Used as a join key.' },
    GROUP_BY: { description: 'Used to group rows.' },
    SORT: { description: 'Used to order rows.' },
    WINDOW: { description: 'Used in a window specification.' },
    CONDITIONAL: { description: 'Used in a condition (CASE, IF).' },
  },
});

const FIELD_PATH_MESSAGE = 'a field path is 1-1,000 characters without control or format characters';

@InputType({ description: 'A column: its dataset and field path.' })
export class ColumnRefInput {
  @Field(() => ID, { description: 'URN of the dataset that has the column (stored, or created by the same batch).' })
  @IsString()
  @MaxLength(2048)
  dataset!: string;

  @Field({ description: 'Field path of the column, e.g. "birth_date" or "address.zip".' })
  @IsString()
  @Matches(FIELD_PATH_PATTERN, { message: FIELD_PATH_MESSAGE })
  field!: string;
}

@InputType({ description: "How an output column is made from an input column: one element of OpenLineage's `transformations`." })
export class ColumnTransformationInput {
  @Field(() => TransformationType, { description: 'DIRECT or INDIRECT.' })
  @IsEnum(TransformationType)
  type!: TransformationType;

  @Field(() => TransformationSubtype, { nullable: true, description: 'IDENTITY, TRANSFORMATION, AGGREGATION, FILTER, JOIN...; null when not known.' })
  @IsOptional()
  @IsEnum(TransformationSubtype)
  subtype?: TransformationSubtype | null;

  @Field(() => String, { nullable: true, description: 'What the transformation does, e.g. the SQL expression.' })
  @IsOptional()
  @IsString()
  @MaxLength(4096)
  description?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'True when the transformation masks the input (a hash, a redaction).' })
  @IsOptional()
  @IsBoolean()
  masking?: boolean | null;
}

@InputType({ description: "An input column of an output column: OpenLineage's `inputFields` element, the dataset given by URN." })
export class InputFieldInput extends ColumnRefInput {
  @Field(() => [ColumnTransformationInput], { nullable: true, description: 'How the output is made from this input; absent: not known.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  transformations?: ColumnTransformationInput[] | null;
}

@InputType({
  description:
    "The column lineage of one column of this dataset, as OpenLineage's columnLineage facet gives it: `fields.<field>.inputFields`.",
})
export class ColumnLineageInput {
  @Field({ description: 'Field path of the output column (a column of this dataset).' })
  @IsString()
  @Matches(FIELD_PATH_PATTERN, { message: FIELD_PATH_MESSAGE })
  field!: string;

  @Field(() => [InputFieldInput], { description: 'The input columns it is made from.' })
  @ArrayMaxSize(1_000)
  @ValidateNested({ each: true })
  inputFields!: InputFieldInput[];
}
