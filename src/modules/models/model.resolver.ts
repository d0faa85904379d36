import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { EntityType } from '../../model/entity-type';
import { getEntityOfType, upsertEntity } from '../entities/entity.service';
import { Model } from './model.type';
import { UpsertModelInput } from './model.input';

@Resolver(() => Model)
export class ModelResolver {
  @Query(() => Model, { nullable: true, description: 'The model version with this URN, or null.' })
  model(@Arg('urn', () => ID, { description: 'Model URN.' }) urn: string, @Ctx() ctx: Context) {
    return getEntityOfType(ctx, EntityType.MODEL, urn);
  }

  @Mutation(() => Model, { description: 'Creates or updates a model version by (platform, name, env).' })
  upsertModel(@Arg('input', { description: 'The model version.' }) input: UpsertModelInput, @Ctx() ctx: Context) {
    return upsertEntity(ctx, EntityType.MODEL, input);
  }
}
