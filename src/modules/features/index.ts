import { EntityType } from '../../model/entity-type';
import { relationFieldsResolver } from '../entities/graphql/relation-fields.resolver';
import { FeatureResolver } from './feature.resolver';
import { Feature } from './feature.type';

export const featureResolvers = [FeatureResolver, relationFieldsResolver(EntityType.FEATURE, Feature)];
