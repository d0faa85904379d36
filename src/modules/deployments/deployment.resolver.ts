import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { EntityType } from '../../model/entity-type';
import { getEntityOfType, upsertEntity } from '../entities/entity.service';
import { Deployment } from './deployment.type';
import { UpsertDeploymentInput } from './deployment.input';

@Resolver(() => Deployment)
export class DeploymentResolver {
  @Query(() => Deployment, { nullable: true, description: 'The deployment with this URN, or null.' })
  deployment(@Arg('urn', () => ID, { description: 'Deployment URN.' }) urn: string, @Ctx() ctx: Context) {
    return getEntityOfType(ctx, EntityType.DEPLOYMENT, urn);
  }

  @Mutation(() => Deployment, { description: 'Creates or updates a deployment by (platform, name, env).' })
  upsertDeployment(@Arg('input', { description: 'The deployment.' }) input: UpsertDeploymentInput, @Ctx() ctx: Context) {
    return upsertEntity(ctx, EntityType.DEPLOYMENT, input);
  }
}
