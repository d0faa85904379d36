import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { EntityType } from '../../model/entity-type';
import { RELATION_FIELDS } from '../../model/relationship-type';
import type { EntityRecord } from '../entities/entity.loaders';
import { loadRelated } from '../entities/graphql/relation-fields.resolver';
import { Model } from '../models/model.type';
import { Dataset } from './dataset.type';

const CONSUMER_FIELDS = RELATION_FIELDS[EntityType.DATASET].filter((f) => f.target === EntityType.MODEL);

@Resolver(() => Dataset)
export class DatasetConsumersResolver {
  @FieldResolver(() => [Model], {
    description: 'Models that consume this dataset: trained or evaluated on it (trainedModels and evaluatedModels together), by URN.',
  })
  async consumers(@Root() dataset: EntityRecord, @Ctx() ctx: Context): Promise<EntityRecord[]> {
    const lists = await Promise.all(CONSUMER_FIELDS.map((spec) => loadRelated(ctx, dataset, spec)));
    const byUrn = new Map(lists.flat().map((m) => [m.urn, m]));
    return [...byUrn.values()].sort((a, b) => (a.urn < b.urn ? -1 : a.urn > b.urn ? 1 : 0));
  }
}
