import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { EntityType } from '../../model/entity-type';
import { getEntityOfType, upsertEntity } from '../entities/entity.service';
import { Experiment } from './experiment.type';
import { UpsertExperimentInput } from './experiment.input';

@Resolver(() => Experiment)
export class ExperimentResolver {
  @Query(() => Experiment, { nullable: true, description: 'The experiment with this URN, or null.' })
  experiment(@Arg('urn', () => ID, { description: 'Experiment URN.' }) urn: string, @Ctx() ctx: Context) {
    return getEntityOfType(ctx, EntityType.EXPERIMENT, urn);
  }

  @Mutation(() => Experiment, { description: 'Creates or updates an experiment by id.' })
  upsertExperiment(@Arg('input', { description: 'The experiment.' }) input: UpsertExperimentInput, @Ctx() ctx: Context) {
    return upsertEntity(ctx, EntityType.EXPERIMENT, input);
  }
}
