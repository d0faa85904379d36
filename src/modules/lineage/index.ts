import {
  LineageGraphEdgeFieldsResolver,
  LineageGraphFieldsResolver,
  LineageGraphNodeFieldsResolver,
  LineageHopFieldsResolver,
  LineageItemFieldsResolver,
  LineageResultFieldsResolver,
} from './lineage-fields.resolver';
import { LineageResolver } from './lineage.resolver';
import { ColumnHopFieldsResolver, ColumnImpactResolver, ColumnItemFieldsResolver } from '../columns/graphql/column-lineage.resolver';

export const lineageResolvers = [
  LineageResolver,
  LineageResultFieldsResolver,
  LineageItemFieldsResolver,
  LineageHopFieldsResolver,
  LineageGraphFieldsResolver,
  LineageGraphNodeFieldsResolver,
  LineageGraphEdgeFieldsResolver,
  ColumnItemFieldsResolver,
  ColumnHopFieldsResolver,
  ColumnImpactResolver,
];
