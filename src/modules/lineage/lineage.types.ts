import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { atMost, sizedListCost } from '../../limits/cost';
import { MAX_PAGE_SIZE } from '../queries/page.args';
import { EntityType, RelationshipType } from '../entities/graphql/enums';
import { Entity } from '../entities/graphql/entity.interface';
import { PageInfo } from '../queries/page-info.type';
import { LINEAGE_MAX_DEPTH } from './lineage.config';
import { LineageDirection } from './lineage-steps';
import { Precision } from '../columns/column-walk';
import { PrecisionCount } from '../columns/graphql/column.types';

registerEnumType(LineageDirection, {
  name: 'LineageDirection',
  description: 'Which way a lineage walk goes from its root (see README, "Lineage").',
  valuesConfig: {
    UPSTREAM: { description: 'What the root was produced from: data, features, runs.' },
    DOWNSTREAM: { description: 'What is affected if the root changes: runs, models, deployments.' },
  },
});

@ObjectType({
  description:
    'One step of a lineage path. `from` and `to` follow the walk (from the root outwards); the stored edge may point the other way, e.g. a downstream step from a run to a model over TRAINED_BY is stored as (model)-[:TRAINED_BY]->(run).',
})
export class LineageHop {
  @Field(() => Entity, { description: 'The entity one step closer to the root.' })
  from!: Entity;

  @Field(() => Entity, { description: 'The entity one step further from the root.' })
  to!: Entity;

  @Field(() => RelationshipType, { description: 'Type of the stored edge between them.' })
  relationship!: RelationshipType;

  @Field(() => Precision, {
    nullable: true,
    description: 'Column-level walks: COLUMN when column edges prove the hop (its `columns`), DATASET when it had no column mapping. Null in entity-level walks.',
  })
  precision?: Precision | null;
}

@ObjectType({ description: 'An entity reached by a lineage walk, with why it was reached.' })
export class LineageItem {
  @Field(() => Entity, { description: 'The reached entity.' })
  entity!: Entity;

  @Field(() => Int, { description: 'Length of the shortest path from the root (1 = a direct neighbour).' })
  degree!: number;

  @Field(() => [LineageHop], {
    description: 'One shortest path from the root to this entity, hops in walk order.',
    complexity: sizedListCost(LINEAGE_MAX_DEPTH),
  })
  path!: LineageHop[];

  @Field({ description: 'Cursor of this item, for `after`.' })
  cursor!: string;

  @Field(() => Precision, {
    nullable: true,
    description:
      'Column-level walks: COLUMN when every hop of `path` is proven at column level, DATASET when the item was reached only past a hop ' +
      'without column mapping (it may depend on the columns; never left out). Null in entity-level walks.',
  })
  precision?: Precision | null;
}

@ObjectType({ description: 'How many reached entities are of one type.' })
export class TypeCount {
  @Field(() => EntityType, { description: 'Entity type.' })
  type!: EntityType;

  @Field(() => Int, { description: 'Number of reached entities of this type.' })
  count!: number;
}

@ObjectType({ description: 'The result of a lineage or impact walk.' })
export class LineageResult {
  @Field(() => Entity, { description: 'The entity the walk started from.' })
  root!: Entity;

  @Field(() => [LineageItem], {
    description: 'Reached entities of the requested types, ordered by degree, then urn; one page.',
    complexity: sizedListCost(MAX_PAGE_SIZE),
  })
  items!: LineageItem[];

  @Field(() => Int, { description: 'Reached entities of the requested types, on all pages.' })
  total!: number;

  @Field(() => [TypeCount], {
    description: 'The reached entities of the requested types by type, most frequent first.',
    complexity: atMost(Object.keys(EntityType).length),
  })
  countsByType!: TypeCount[];

  @Field({
    description:
      'True only when a server limit cut the walk (node cap, time budget, or the depth cap of ' +
      `${LINEAGE_MAX_DEPTH} steps with entities further away): the items are then a correct but incomplete part of the answer, ` +
      'and `partialReason` says which limit. A walk that stops at a smaller `maxDepth` the client asked for is complete, not partial.',
  })
  isPartial!: boolean;

  @Field(() => String, { nullable: true, description: 'Which server limit cut the walk; null when complete.' })
  partialReason?: string | null;

  @Field(() => [PrecisionCount], {
    nullable: true,
    description: 'Column-level walks: the reached entities of the requested types by type and precision. Null in entity-level walks.',
    complexity: atMost(2 * Object.keys(EntityType).length),
  })
  countsByPrecision?: PrecisionCount[] | null;

  @Field(() => PageInfo, { description: 'Paging through `items`: pass `endCursor` as `after` for the next page.' })
  pageInfo!: PageInfo;
}
