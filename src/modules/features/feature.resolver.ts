import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { EntityType } from '../../model/entity-type';
import { getEntityOfType, upsertEntity } from '../entities/entity.service';
import { Feature } from './feature.type';
import { UpsertFeatureInput } from './feature.input';

@Resolver(() => Feature)
export class FeatureResolver {
  @Query(() => Feature, { nullable: true, description: 'The feature with this URN, or null.' })
  feature(@Arg('urn', () => ID, { description: 'Feature URN.' }) urn: string, @Ctx() ctx: Context) {
    return getEntityOfType(ctx, EntityType.FEATURE, urn);
  }

  @Mutation(() => Feature, { description: 'Creates or updates a feature by (namespace, name).' })
  upsertFeature(@Arg('input', { description: 'The feature.' }) input: UpsertFeatureInput, @Ctx() ctx: Context) {
    return upsertEntity(ctx, EntityType.FEATURE, input);
  }
}
