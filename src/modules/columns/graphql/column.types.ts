import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { atMost, sizedListCost } from '../../../limits/cost';
import { TransformationSubtype, TransformationType } from '../../../model/columns';
import { Entity } from '../../entities/graphql/entity.interface';
import { EntityType } from '../../entities/graphql/enums';
import { LineageItem } from '../../lineage/lineage.types';
import { Precision } from '../column-walk';

registerEnumType(Precision, {
  name: 'Precision',
  description: 'How a column-level walk reached an item (README, "Columns").',
  valuesConfig: {
    COLUMN: { description: 'Every hop is proven at column level: the item depends on (or feeds) the columns asked about.' },
    DATASET: { description: 'Some hop had no column mapping, and the walk followed the whole-dataset edge: the item may depend on them.' },
  },
});

@ObjectType({ description: 'A column of a dataset, by its dataset and field path.' })
export class ColumnRef {
  @Field(() => ID, { description: "The column's URN, urn:li:schemaField:(<dataset URN>,<field path>)." })
  urn!: string;

  @Field(() => ID, { description: 'URN of its dataset.' })
  dataset!: string;

  @Field({ description: 'Field path.' })
  field!: string;
}

@ObjectType({ description: "How an output column is made from an input column (OpenLineage's transformation)." })
export class ColumnTransformation {
  @Field(() => TransformationType, { description: 'DIRECT or INDIRECT.' })
  type!: TransformationType;

  @Field(() => TransformationSubtype, { nullable: true, description: 'IDENTITY, TRANSFORMATION, AGGREGATION, FILTER, JOIN...; null when not recorded.' })
  subtype?: TransformationSubtype | null;

  @Field(() => String, { nullable: true, description: 'What the transformation does, as recorded.' })
  description?: string | null;

  @Field({ description: 'True when the transformation masks the input.' })
  masking!: boolean;
}

@ObjectType({
  description:
    'A column edge that proves a hop of a column-level walk, in walk order: `from` is on the side nearer the root. An end is null ' +
    'where it is an entity rather than a column: a feature or model that reads the column, a run that reads or writes it.',
})
export class LineageColumnLink {
  @Field(() => ColumnRef, { nullable: true, description: 'The column on the side nearer the root.' })
  from?: ColumnRef | null;

  @Field(() => ColumnRef, { nullable: true, description: 'The column on the far side.' })
  to?: ColumnRef | null;

  @Field(() => [ColumnTransformation], { description: 'How the output is made from the input, as recorded ([] when not recorded).', complexity: atMost(20) })
  transformations!: ColumnTransformation[];
}

@ObjectType({ description: 'How many items of one type a column-level walk reached with one precision.' })
export class PrecisionCount {
  @Field(() => EntityType, { description: 'Entity type.' })
  type!: EntityType;

  @Field(() => Precision, { description: 'COLUMN or DATASET.' })
  precision!: Precision;

  @Field(() => Int, { description: 'Number of reached entities of this type with this precision.' })
  count!: number;
}

@ObjectType({ description: 'What depends on some columns of a dataset, summed up for a CI gate: counts by type and precision, and the first items.' })
export class ColumnImpact {
  @Field(() => Entity, { description: 'The dataset.' })
  root!: Entity;

  @Field(() => [String], { description: 'The columns asked about.' })
  columns!: string[];

  @Field(() => Int, { description: 'Reached entities of the requested types.' })
  total!: number;

  @Field(() => Int, { description: 'Of them, reached with COLUMN precision (they depend on the columns).' })
  columnPrecision!: number;

  @Field(() => Int, { description: 'Of them, reached with DATASET precision only (a hop had no column mapping: they may depend on them).' })
  datasetPrecision!: number;

  @Field(() => [PrecisionCount], { description: 'The counts by type and precision.', complexity: atMost(2 * Object.keys(EntityType).length) })
  counts!: PrecisionCount[];

  @Field(() => [LineageItem], { description: 'The first items, ordered by degree, then URN.', complexity: sizedListCost(100) })
  items!: LineageItem[];

  @Field({ description: 'True when a server limit cut the walk (see LineageResult.isPartial).' })
  isPartial!: boolean;

  @Field(() => String, { nullable: true, description: 'Which server limit cut the walk; null when complete.' })
  partialReason?: string | null;
}
