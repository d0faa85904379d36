import { EntityType } from '../../model/entity-type';
import { relationFieldsResolver } from '../entities/graphql/relation-fields.resolver';
import { DatasetConsumersResolver } from './dataset-consumers.resolver';
import { DatasetResolver } from './dataset.resolver';
import { Dataset } from './dataset.type';

export const datasetResolvers = [DatasetResolver, DatasetConsumersResolver, relationFieldsResolver(EntityType.DATASET, Dataset)];
