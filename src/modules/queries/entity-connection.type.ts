import { Field, ObjectType } from 'type-graphql';
import type { EntityRecord } from '../entities/entity.loaders';
import { Entity } from '../entities/graphql/entity.interface';
import { PageInfo } from './page-info.type';
import { sizedListCost } from '../../limits/cost';
import { MAX_PAGE_SIZE } from './page.args';

@ObjectType({ description: 'An entity in a list, with its position.' })
export class EntityEdge {
  @Field({ description: 'Opaque cursor of this edge; pass it as `after` to continue after it.' })
  cursor!: string;

  @Field(() => Entity, { description: 'The entity.' })
  node!: EntityRecord;
}

@ObjectType({ description: 'A page of entities (Relay connection).' })
export class EntityConnection {
  @Field(() => [EntityEdge], { complexity: sizedListCost(MAX_PAGE_SIZE), description: 'The entities of this page, in list order.' })
  edges!: EntityEdge[];

  @Field(() => PageInfo, { description: 'Whether more pages follow, and the cursor to get the next one.' })
  pageInfo!: PageInfo;
}
