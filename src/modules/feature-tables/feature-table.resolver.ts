import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { EntityType } from '../../model/entity-type';
import { getEntityOfType, upsertEntity } from '../entities/entity.service';
import { FeatureTable } from './feature-table.type';
import { UpsertFeatureTableInput } from './feature-table.input';

@Resolver(() => FeatureTable)
export class FeatureTableResolver {
  @Query(() => FeatureTable, { nullable: true, description: 'The feature table with this URN, or null.' })
  featureTable(@Arg('urn', () => ID, { description: 'Feature table URN.' }) urn: string, @Ctx() ctx: Context) {
    return getEntityOfType(ctx, EntityType.FEATURE_TABLE, urn);
  }

  @Mutation(() => FeatureTable, { description: 'Creates or updates a feature table by (platform, name).' })
  upsertFeatureTable(
    @Arg('input', { description: 'The feature table.' }) input: UpsertFeatureTableInput,
    @Ctx() ctx: Context,
  ) {
    return upsertEntity(ctx, EntityType.FEATURE_TABLE, input);
  }
}
