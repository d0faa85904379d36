import { EntityType } from '../../model/entity-type';
import { relationFieldsResolver } from '../entities/graphql/relation-fields.resolver';
import { ModelGroupResolver } from './model-group.resolver';
import { ModelGroup } from './model-group.type';

export const modelGroupResolvers = [ModelGroupResolver, relationFieldsResolver(EntityType.MODEL_GROUP, ModelGroup)];
