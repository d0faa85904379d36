import { Arg, Args, ArgsType, Ctx, Extensions, Field, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import type { Context } from '../../../context';
import { BadUserInputError } from '../../../errors/errors';
import { COLUMN_WALK_WEIGHT, firstOrDefault, listSizes } from '../../../limits/cost';
import { columnUrn } from '../../../model/columns';
import { currentTypes } from '../../../model/entity-type';
import type { HopStub, ItemStub } from '../../lineage/lineage-page';
import { ImpactArgs } from '../../lineage/lineage.args';
import { entityOf } from '../../lineage/lineage.service';
import { LineageDirection } from '../../lineage/lineage-steps';
import { LineageHop, LineageItem } from '../../lineage/lineage.types';
import type { EntityRecord } from '../../entities/entity.loaders';
import { Entity } from '../../entities/graphql/entity.interface';
import type { HopLink } from '../column-step';
import { columnLineage, type ColumnLineageStub } from '../column-lineage.service';
import { Precision } from '../column-walk';
import { ColumnImpact, LineageColumnLink } from './column.types';

/** Most items of one columnImpact answer, and most column names or column edges one list field shows. */
export const COLUMN_IMPACT_MAX_ITEMS = 100;
export const COLUMN_LIST_MAX = 1_000;

function listFirst(first: number | null | undefined, fallback: number): number {
  const n = first ?? fallback;
  if (!Number.isInteger(n) || n < 0 || n > COLUMN_LIST_MAX) throw new BadUserInputError(`first must be 0 to ${COLUMN_LIST_MAX}`, 'first');
  return n;
}

const LIST_ARG = (fallback: number) => ({ nullable: true, description: `At most this many (0 to ${COLUMN_LIST_MAX}; default ${fallback}).` }) as const;

/** A column edge as the API shows it. */
function shownLink(l: HopLink) {
  const ref = (c: { dataset: string; field: string } | null) => c && { urn: columnUrn(c.dataset, c.field), dataset: c.dataset, field: c.field };
  const transformations = (JSON.parse(l.transformations ?? '[]') as Record<string, unknown>[]).map((t) => ({ ...t, masking: Boolean(t.masking) }));
  return { from: ref(l.from), to: ref(l.to), transformations };
}

@ArgsType()
export class ColumnImpactArgs extends ImpactArgs {
  @Field(() => [String], { description: 'Field paths of the root dataset whose change is in question (at least one).' })
  @ArrayMinSize(1)
  @ArrayMaxSize(1_000)
  @IsString({ each: true })
  declare columns: string[];

  @Field(() => Int, { nullable: true, description: `How many items to list (0 to ${COLUMN_IMPACT_MAX_ITEMS}, default 20); the counts cover them all.` })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(COLUMN_IMPACT_MAX_ITEMS)
  declare first?: number | null;
}

@Resolver(() => LineageItem)
export class ColumnItemFieldsResolver {
  @FieldResolver(() => [String], {
    nullable: true,
    description:
      'Column-level walks: the columns of a reached dataset that depend on (downstream) or feed (upstream) the columns asked about, by field ' +
      'path; null when every column counts, for DATASET precision, for other types and in entity-level walks.',
    complexity: firstOrDefault(100),
  })
  columns(@Root() item: ItemStub, @Arg('first', () => Int, LIST_ARG(100)) first?: number | null): string[] | null {
    return item.columns?.slice(0, listFirst(first, 100)) ?? null;
  }
}

@Resolver(() => LineageHop)
export class ColumnHopFieldsResolver {
  @FieldResolver(() => [LineageColumnLink], {
    nullable: true,
    description: 'Column-level walks: the column edges that prove this hop, in walk order ([] on a DATASET hop). Null in entity-level walks.',
    complexity: firstOrDefault(20),
  })
  columns(@Root() hop: HopStub, @Arg('first', () => Int, LIST_ARG(20)) first?: number | null) {
    return hop.links?.slice(0, listFirst(first, 20)).map(shownLink) ?? null;
  }
}

@Resolver(() => ColumnImpact)
export class ColumnImpactResolver {
  @Query(() => ColumnImpact, {
    description:
      'What depends on some columns of a dataset, for a CI gate: counts by type and precision and the first items, e.g. ' +
      '"fail when a PROD deployment depends on raw.customers.birth_date".',
    complexity: ({ childComplexity }) => COLUMN_WALK_WEIGHT + childComplexity,
  })
  @Extensions(listSizes((args) => ({ items: args.first ?? 20, 'items.path': args.maxDepth })))
  async columnImpact(@Args() args: ColumnImpactArgs, @Ctx() ctx: Context) {
    const result = await columnLineage(ctx, { ...args, types: currentTypes(args.types), direction: LineageDirection.DOWNSTREAM, first: args.first ?? 20 });
    const sum = (p: Precision) => result.countsByPrecision.filter((c) => c.precision === p).reduce((n, c) => n + c.count, 0);
    return {
      ...result,
      columnPrecision: sum(Precision.COLUMN),
      datasetPrecision: sum(Precision.DATASET),
      counts: result.countsByPrecision,
    };
  }

  @FieldResolver(() => Entity)
  root(@Root() result: ColumnLineageStub, @Ctx() ctx: Context): Promise<EntityRecord> {
    return entityOf(ctx, result.root);
  }
}
