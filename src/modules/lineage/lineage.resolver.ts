import { Args, Ctx, Extensions, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { EDGES_PER_DRAWN_ENTITY, listSizes, walkCost, WALK_WEIGHT } from '../../limits/cost';
import { columnLineage } from '../columns/column-lineage.service';
import { currentTypes } from '../../model/entity-type';
import { pageSize } from '../queries/page.args';
import { ImpactArgs, LineageArgs, LineageGraphArgs } from './lineage.args';
import { lineage, type LineageResultStub } from './lineage.service';
import { lineageGraph, type LineageGraphStub } from './lineage-graph.service';
import { LineageGraph } from './lineage-graph.types';
import { LineageDirection } from './lineage-steps';
import { LineageResult } from './lineage.types';

/** A page of `first` items, each with a path as long as the walk may go. */
const PAGE_SIZES = listSizes((args) => ({ items: pageSize(args), 'items.path': args.maxDepth }));

/** One walk per side asked for, and the edge statement; `maxNodes` entities per side, with their edges. */
const sidesOf = (args: Record<string, any>) => (args.upstreamDepth > 0 ? 1 : 0) + (args.downstreamDepth > 0 ? 1 : 0);

@Resolver()
export class LineageResolver {
  @Query(() => LineageResult, {
    description:
      'Entities upstream (what produced it) or downstream (what it affects) of an entity, each with its degree and one shortest path. Items are ordered by degree, then urn. ' +
      'With `columns`, at column level: where columns or a feature come from, down to source columns.',
    complexity: walkCost,
  })
  @Extensions(PAGE_SIZES)
  lineage(@Args() args: LineageArgs, @Ctx() ctx: Context): Promise<LineageResultStub> {
    const request = { ...args, types: currentTypes(args.types), first: pageSize(args) };
    return args.columns == null ? lineage(ctx, request) : columnLineage(ctx, { ...request, columns: args.columns });
  }

  @Query(() => LineageResult, {
    description:
      'Everything downstream of an entity, with no practical depth limit by default: "which models and deployments break if this changes?" ' +
      'With `columns`, only what depends on those columns of the root dataset, each item with its precision.',
    complexity: walkCost,
  })
  @Extensions(PAGE_SIZES)
  impact(@Args() args: ImpactArgs, @Ctx() ctx: Context): Promise<LineageResultStub> {
    const request = { ...args, types: currentTypes(args.types), direction: LineageDirection.DOWNSTREAM, first: pageSize(args) };
    return args.columns == null ? lineage(ctx, request) : columnLineage(ctx, { ...request, columns: args.columns });
  }

  @Query(() => LineageGraph, {
    description: 'Both sides of an entity, as nodes and edges, for a UI to draw.',
    complexity: ({ args, childComplexity }) => sidesOf(args) * WALK_WEIGHT + childComplexity,
  })
  @Extensions(
    listSizes((args) => ({ nodes: sidesOf(args) * args.maxNodes, edges: sidesOf(args) * args.maxNodes * EDGES_PER_DRAWN_ENTITY })),
  )
  lineageGraph(@Args() args: LineageGraphArgs, @Ctx() ctx: Context): Promise<LineageGraphStub> {
    return lineageGraph(ctx, args);
  }
}
