import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { EntityType } from '../../model/entity-type';
import { getEntityOfType, upsertEntity } from '../entities/entity.service';
import { ModelGroup } from './model-group.type';
import { UpsertModelGroupInput } from './model-group.input';

@Resolver(() => ModelGroup)
export class ModelGroupResolver {
  @Query(() => ModelGroup, { nullable: true, description: 'The model group with this URN, or null.' })
  modelGroup(@Arg('urn', () => ID, { description: 'Model group URN.' }) urn: string, @Ctx() ctx: Context) {
    return getEntityOfType(ctx, EntityType.MODEL_GROUP, urn);
  }

  @Mutation(() => ModelGroup, { description: 'Creates or updates a model group by (platform, name, env).' })
  upsertModelGroup(@Arg('input', { description: 'The model group.' }) input: UpsertModelGroupInput, @Ctx() ctx: Context) {
    return upsertEntity(ctx, EntityType.MODEL_GROUP, input);
  }
}
