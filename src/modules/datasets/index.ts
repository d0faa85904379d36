import { EntityType } from '../../model/entity-type';
import { relationFieldsResolver } from '../entities/graphql/relation-fields.resolver';
import { DatasetResolver } from './dataset.resolver';
import { Dataset } from './dataset.type';

export const datasetResolvers = [DatasetResolver, relationFieldsResolver(EntityType.DATASET, Dataset)];
