import { ArgsType, Field, ID, Int } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DEFAULT_STATUSES, EntityType, Status } from '../../model/entity-type';
import { PageArgs } from '../queries/page.args';
import { LINEAGE_DEFAULT_DEPTH, LINEAGE_GRAPH_DEFAULT_NODES, LINEAGE_GRAPH_MAX_NODES, LINEAGE_MAX_DEPTH } from './lineage.config';
import { LineageDirection } from './lineage-steps';

/** Filters every lineage walk takes. */
@ArgsType()
export class LineageFilterArgs extends PageArgs {
  @Field(() => ID, { description: 'URN of the entity to start from.' })
  urn!: string;

  @Field(() => [EntityType], {
    nullable: true,
    description: 'Return only entities of these types (all types are still walked through: a model behind a run is found when only MODEL is asked for). Absent: every type.',
  })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsEnum(EntityType, { each: true })
  types?: EntityType[] | null;

  @Field(() => [Status], {
    defaultValue: [...DEFAULT_STATUSES],
    description: 'Walk through and return only entities with these statuses; ARCHIVED entities are skipped unless listed.',
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @IsEnum(Status, { each: true })
  statuses!: Status[];

  @Field(() => Date, {
    nullable: true,
    description: 'See the graph as it was at this instant: edges opened at or before it and not closed by then. Absent: the graph as it is now. Statuses are always the current ones.',
  })
  @IsOptional()
  asOf?: Date | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Follow, from the root, only the edges that record this version (their `version` property): downstream of a dataset, ' +
      '"which runs read and which models were trained on version V of it". Later steps are not filtered. Absent: every edge.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  version?: string | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'Walk at column level (README, "Columns"): the field paths of the root dataset to start from, or [] for a feature or model root ' +
      '(followed as a whole). Only what depends on those columns is followed; each item has a `precision` (COLUMN, or DATASET where a hop ' +
      'had no column mapping and the whole-dataset edge was followed) and each hop its `columns`. Absent: the entity-level walk.',
  })
  @IsOptional()
  @ArrayMaxSize(1_000)
  @IsString({ each: true })
  columns?: string[] | null;
}

@ArgsType()
export class LineageArgs extends LineageFilterArgs {
  @Field(() => LineageDirection, { description: 'UPSTREAM: what produced the entity; DOWNSTREAM: what it affects.' })
  @IsEnum(LineageDirection)
  direction!: LineageDirection;

  @Field(() => Int, { defaultValue: LINEAGE_DEFAULT_DEPTH, description: `How many steps to walk (1 to ${LINEAGE_MAX_DEPTH}). Stopping here is the client's choice and does not make the result partial; stopping at ${LINEAGE_MAX_DEPTH} with entities further away does.` })
  @IsInt()
  @Min(1)
  @Max(LINEAGE_MAX_DEPTH)
  maxDepth!: number;
}

@ArgsType()
export class ImpactArgs extends LineageFilterArgs {
  @Field(() => Int, {
    defaultValue: LINEAGE_MAX_DEPTH,
    description:
      `How many steps to walk (1 to ${LINEAGE_MAX_DEPTH}); the default walks the whole blast radius. A smaller value the client chose ` +
      `does not make the result partial; reaching ${LINEAGE_MAX_DEPTH} with entities further away does (isPartial, partialReason).`,
  })
  @IsInt()
  @Min(1)
  @Max(LINEAGE_MAX_DEPTH)
  maxDepth!: number;
}

@ArgsType()
export class LineageGraphArgs {
  @Field(() => ID, { description: 'URN of the entity to draw the graph around.' })
  urn!: string;

  @Field(() => Int, { defaultValue: LINEAGE_DEFAULT_DEPTH, description: `Steps to walk upstream (0 to ${LINEAGE_MAX_DEPTH}).` })
  @IsInt()
  @Min(0)
  @Max(LINEAGE_MAX_DEPTH)
  upstreamDepth!: number;

  @Field(() => Int, { defaultValue: LINEAGE_DEFAULT_DEPTH, description: `Steps to walk downstream (0 to ${LINEAGE_MAX_DEPTH}).` })
  @IsInt()
  @Min(0)
  @Max(LINEAGE_MAX_DEPTH)
  downstreamDepth!: number;

  @Field(() => [EntityType], { nullable: true, description: 'Draw only entities of these types (all are walked through). Absent: every type.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsEnum(EntityType, { each: true })
  types?: EntityType[] | null;

  @Field(() => [Status], {
    defaultValue: [...DEFAULT_STATUSES],
    description: 'Walk through and draw only entities with these statuses.',
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @IsEnum(Status, { each: true })
  statuses!: Status[];

  @Field(() => Date, { nullable: true, description: 'Draw the graph as it was at this instant. Absent: as it is now.' })
  @IsOptional()
  asOf?: Date | null;

  @Field(() => Int, {
    defaultValue: LINEAGE_GRAPH_DEFAULT_NODES,
    description:
      `Most entities each side's walk collects (1 to ${LINEAGE_GRAPH_MAX_NODES}), nearest first; past it the graph is ` +
      'cut, with isPartial and partialReason, and a UI can ask again for more or for less depth.',
  })
  @IsInt()
  @Min(1)
  @Max(LINEAGE_GRAPH_MAX_NODES)
  maxNodes!: number;
}
