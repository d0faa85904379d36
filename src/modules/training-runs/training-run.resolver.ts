import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { EntityType } from '../../model/entity-type';
import { getEntityOfType, upsertEntity } from '../entities/entity.service';
import { TrainingRun } from './training-run.type';
import { UpsertTrainingRunInput } from './training-run.input';

@Resolver(() => TrainingRun)
export class TrainingRunResolver {
  @Query(() => TrainingRun, { nullable: true, description: 'The training run with this URN, or null.' })
  trainingRun(@Arg('urn', () => ID, { description: 'Training run URN.' }) urn: string, @Ctx() ctx: Context) {
    return getEntityOfType(ctx, EntityType.TRAINING_RUN, urn);
  }

  @Mutation(() => TrainingRun, { description: 'Creates or updates a training run by id.' })
  upsertTrainingRun(@Arg('input', { description: 'The training run.' }) input: UpsertTrainingRunInput, @Ctx() ctx: Context) {
    return upsertEntity(ctx, EntityType.TRAINING_RUN, input);
  }
}
