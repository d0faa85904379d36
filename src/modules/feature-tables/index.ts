import { EntityType } from '../../model/entity-type';
import { relationFieldsResolver } from '../entities/graphql/relation-fields.resolver';
import { FeatureTableResolver } from './feature-table.resolver';
import { FeatureTable } from './feature-table.type';

export const featureTableResolvers = [FeatureTableResolver, relationFieldsResolver(EntityType.FEATURE_TABLE, FeatureTable)];
