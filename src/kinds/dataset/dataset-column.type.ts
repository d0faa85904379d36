import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'What reads a column directly, over edges valid at the instant asked for.' })
export class ColumnDownstreamCounts {
  @Field(() => Int, { description: 'Columns made from it (column lineage).' })
  columns!: number;

  @Field(() => Int, { description: 'Datasets those columns belong to.' })
  datasets!: number;

  @Field(() => Int, { description: 'Features computed from it.' })
  features!: number;

  @Field(() => Int, { description: "Models that read it (their input signature's columns)." })
  models!: number;
}

@ObjectType({ description: "A column of a dataset as a graph node (README, \"Columns\"), keyed like DataHub's schema fields." })
export class DatasetColumn {
  @Field(() => ID, { description: 'urn:li:schemaField:(<dataset URN>,<field path>).' })
  urn!: string;

  @Field({ description: 'Field path (the schemaFields name).' })
  fieldPath!: string;

  @Field(() => String, { nullable: true, description: 'Column type, as the schema gives it now.' })
  type?: string | null;

  @Field(() => String, { nullable: true, description: 'What the column holds, as the schema gives it now.' })
  description?: string | null;

  @Field(() => ColumnDownstreamCounts, {
    description: 'What reads it directly; `impact(urn, columns: [fieldPath])` follows it all the way, with precision.',
  })
  downstream!: ColumnDownstreamCounts;
}
