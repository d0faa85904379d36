import { Field, Float, ObjectType } from 'type-graphql';
import type { EntityRecord } from '../entities/entity.loaders';
import { Entity } from '../entities/graphql/entity.interface';
import { PageInfo } from './page-info.type';
import { sizedListCost } from '../../limits/cost';
import { MAX_PAGE_SIZE } from './page.args';

@ObjectType({ description: 'A search hit: an entity and how well it matches.' })
export class SearchEdge {
  @Field({ description: 'Opaque cursor of this hit; pass it as `after` to continue after it.' })
  cursor!: string;

  @Field(() => Entity, { description: 'The matching entity.' })
  node!: EntityRecord;

  @Field(() => Float, { description: 'Relevance from the full-text index (higher is better; comparable within one search only).' })
  score!: number;
}

@ObjectType({ description: 'A page of search hits, best first (Relay connection).' })
export class SearchConnection {
  @Field(() => [SearchEdge], { complexity: sizedListCost(MAX_PAGE_SIZE), description: 'The hits of this page, best score first (ties by URN).' })
  edges!: SearchEdge[];

  @Field(() => PageInfo, { description: 'Whether more hits follow, and the cursor to get them.' })
  pageInfo!: PageInfo;
}
