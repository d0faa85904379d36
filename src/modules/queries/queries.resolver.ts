import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Extensions, ID, Info, Query, Resolver } from 'type-graphql';
import { listSizes, PAGE_WEIGHT, weighted } from '../../limits/cost';
import { pageSize } from './page.args';
import type { Context } from '../../context';
import type { EntityRecord } from '../entities/entity.loaders';
import { Entity } from '../entities/graphql/entity.interface';
import type { Connection } from './connection';
import { EntitiesArgs } from './entities.args';
import { listEntities, type EntityEdgeValue } from './entities.service';
import { EntityConnection } from './entity-connection.type';
import { HistoryArgs } from './history.args';
import { entityHistory, type ChangeEdgeValue } from './history.service';
import { HistoryConnection } from './history.types';
import { SearchArgs } from './search.args';
import { SearchConnection } from './search-connection.type';
import { searchEntities, type SearchEdgeValue } from './search.service';
import { requireUrn } from '../entities/urn-arg';
import { loadWithLists } from '../entities/entity.service';

/** A page holds `first` edges (the default page size without it). */
const PAGE_SIZES = listSizes((args) => ({ edges: pageSize(args) }));

/** The read side the UI calls: one entity, lists, search and history. */
@Resolver()
export class QueriesResolver {
  @Query(() => Entity, {
    nullable: true,
    description: 'The entity with this URN, of any type, or null when none is stored. ARCHIVED entities are readable here. Text that is no URN mlgraph stores is BAD_USER_INPUT naming the expected format (see `urn` to build one).',
  })
  entity(@Arg('urn', () => ID, { description: 'Entity URN.' }) urn: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<EntityRecord | null> {
    requireUrn(urn, 'urn');
    return loadWithLists(ctx, urn, info);
  }

  @Query(() => EntityConnection, {
    description:
      'Entities of any type, filtered, ordered by type, then name, then URN (code point order). ' +
      'ARCHIVED entities are left out unless filter.statuses lists them.',
    complexity: weighted(PAGE_WEIGHT),
  })
  @Extensions(PAGE_SIZES)
  entities(@Args() args: EntitiesArgs, @Ctx() ctx: Context): Promise<Connection<EntityEdgeValue>> {
    return listEntities(ctx, args.filter, args);
  }

  @Query(() => SearchConnection, {
    description:
      'Full-text search over names, descriptions and tags, best match first. ' +
      'ARCHIVED entities are left out unless statuses lists them.',
    complexity: weighted(PAGE_WEIGHT),
  })
  @Extensions(PAGE_SIZES)
  search(@Args() args: SearchArgs, @Ctx() ctx: Context): Promise<Connection<SearchEdgeValue>> {
    return searchEntities(ctx, args);
  }

  @Query(() => HistoryConnection, {
    description: 'Change records of an entity, newest first: who changed which fields, when, from what to what.',
    complexity: weighted(PAGE_WEIGHT),
  })
  @Extensions(PAGE_SIZES)
  history(@Args() args: HistoryArgs, @Ctx() ctx: Context): Promise<Connection<ChangeEdgeValue>> {
    return entityHistory(ctx, args);
  }
}
