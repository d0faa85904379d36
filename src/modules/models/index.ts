import { EntityType } from '../../model/entity-type';
import { relationFieldsResolver } from '../entities/graphql/relation-fields.resolver';
import { ModelResolver } from './model.resolver';
import { Model } from './model.type';

export const modelResolvers = [ModelResolver, relationFieldsResolver(EntityType.MODEL, Model)];
