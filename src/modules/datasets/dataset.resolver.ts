import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { EntityType } from '../../model/entity-type';
import { getEntityOfType, upsertEntity } from '../entities/entity.service';
import { Dataset } from './dataset.type';
import { UpsertDatasetInput } from './dataset.input';

@Resolver(() => Dataset)
export class DatasetResolver {
  @Query(() => Dataset, { nullable: true, description: 'The dataset with this URN, or null.' })
  dataset(@Arg('urn', () => ID, { description: 'Dataset URN.' }) urn: string, @Ctx() ctx: Context) {
    return getEntityOfType(ctx, EntityType.DATASET, urn);
  }

  @Mutation(() => Dataset, { description: 'Creates or updates a dataset by (platform, name, env).' })
  upsertDataset(@Arg('input', { description: 'The dataset.' }) input: UpsertDatasetInput, @Ctx() ctx: Context) {
    return upsertEntity(ctx, EntityType.DATASET, input);
  }
}
