import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { EntityType } from '../../model/entity-type';
import { RELATION_FIELDS } from '../../model/relationship-type';
import type { EntityRecord } from '../../modules/entities/entity.loaders';
import { AFTER_ARG, FIRST_ARG, relatedEntities } from '../../modules/entities/graphql/relation-fields.resolver';
import { Model } from '../model/model.type';
import { Dataset } from './dataset.type';

const CONSUMER_FIELDS = RELATION_FIELDS[EntityType.DATASET].filter((f) => f.target === EntityType.MODEL);

@Resolver(() => Dataset)
export class DatasetConsumersResolver {
  @FieldResolver(() => [Model], {
    description: 'Models that consume this dataset: trained or evaluated on it (trainedModels and evaluatedModels together), by URN.',
  })
  async consumers(
    @Root() dataset: EntityRecord,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, FIRST_ARG) first?: number | null,
    @Arg('after', () => String, AFTER_ARG) after?: string | null,
  ): Promise<EntityRecord[]> {
    const list = { types: CONSUMER_FIELDS.map((f) => f.type), direction: 'in' as const, target: EntityType.MODEL };
    return relatedEntities(ctx, dataset.urn, list, { first, after }, 'consumers');
  }
}
