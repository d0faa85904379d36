import { Args, Ctx, Extensions, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { listSizes, PAGE_WEIGHT, weighted } from '../../limits/cost';
import type { EntityRecord } from '../entities/entity.loaders';
import { Entity } from '../entities/graphql/entity.interface';
import type { Connection } from './connection';
import { entityHistory, type ChangeEdgeValue } from './history.service';
import { HistoryConnection } from './history.types';
import { PageArgs, pageSize } from './page.args';

/** `history` on every entity, so a client reading an entity reads its changes with it. */
@Resolver(() => Entity)
export class EntityHistoryResolver {
  @FieldResolver(() => HistoryConnection, {
    description: "This entity's change records, newest first: the top-level `history(urn:)` without repeating the URN.",
    complexity: weighted(PAGE_WEIGHT),
  })
  @Extensions(listSizes((args) => ({ edges: pageSize(args) })))
  history(@Root() entity: EntityRecord, @Args() page: PageArgs, @Ctx() ctx: Context): Promise<Connection<ChangeEdgeValue>> {
    return entityHistory(ctx, { ...page, urn: entity.urn });
  }
}
