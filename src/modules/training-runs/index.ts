import { EntityType } from '../../model/entity-type';
import { relationFieldsResolver } from '../entities/graphql/relation-fields.resolver';
import { TrainingRunResolver } from './training-run.resolver';
import { TrainingRun } from './training-run.type';

export const trainingRunResolvers = [TrainingRunResolver, relationFieldsResolver(EntityType.TRAINING_RUN, TrainingRun)];
