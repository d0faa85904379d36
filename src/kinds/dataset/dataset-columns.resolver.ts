import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { BadUserInputError } from '../../errors/errors';
import { firstOrCap } from '../../limits/cost';
import type { EntityRecord } from '../../modules/entities/entity.loaders';
import { COLUMN_LIST_MAX } from '../../modules/columns/graphql/column-lineage.resolver';
import { DatasetColumn } from './dataset-column.type';
import { Dataset } from './dataset.type';

@Resolver(() => Dataset)
export class DatasetColumnsResolver {
  @FieldResolver(() => [DatasetColumn], {
    description:
      'The columns in its schema (as of `asOf`: a column removed since is still listed then), in field-path order, each with what reads it directly. ' +
      'Columns follow `schemaFields`: a removed column is closed, not deleted.',
    complexity: firstOrCap(COLUMN_LIST_MAX, 10),
  })
  async columns(
    @Root() dataset: EntityRecord,
    @Ctx() ctx: Context,
    @Arg('asOf', () => Date, { nullable: true, description: 'The schema as it was at this instant. Absent: as it is now.' }) asOf?: Date | null,
    @Arg('first', () => Int, { nullable: true, description: `At most this many (0 to ${COLUMN_LIST_MAX}; default ${COLUMN_LIST_MAX}).` }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Only columns whose field path sorts after this one (the last of the previous slice).' }) after?: string | null,
  ): Promise<DatasetColumn[]> {
    const limit = first ?? COLUMN_LIST_MAX;
    if (!Number.isInteger(limit) || limit < 0 || limit > COLUMN_LIST_MAX) throw new BadUserInputError(`first must be 0 to ${COLUMN_LIST_MAX}`, 'first');
    if (limit === 0) return [];
    const rows = await ctx.loaders.datasetColumns.load({ urn: dataset.urn, asOf: asOf ?? null, after: after ?? '', limit });
    return rows.map((r) => ({
      urn: r.urn,
      fieldPath: r.field,
      type: r.type,
      description: r.description,
      downstream: { columns: r.columns, datasets: r.datasets, features: r.features, models: r.models },
    }));
  }
}
