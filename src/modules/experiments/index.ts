import { EntityType } from '../../model/entity-type';
import { relationFieldsResolver } from '../entities/graphql/relation-fields.resolver';
import { ExperimentResolver } from './experiment.resolver';
import { Experiment } from './experiment.type';

export const experimentResolvers = [ExperimentResolver, relationFieldsResolver(EntityType.EXPERIMENT, Experiment)];
