import { Args, Ctx, Extensions, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { EDGES_PER_DRAWN_ENTITY, listSizes, WALK_WEIGHT, weighted } from '../../limits/cost';
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
      'Entities upstream (what produced it) or downstream (what it affects) of an entity, each with its degree and one shortest path. Items are ordered by degree, then urn.',
    complexity: weighted(WALK_WEIGHT),
  })
  @Extensions(PAGE_SIZES)
  lineage(@Args() args: LineageArgs, @Ctx() ctx: Context): Promise<LineageResultStub> {
    return lineage(ctx, { ...args, types: currentTypes(args.types), first: pageSize(args) });
  }

  @Query(() => LineageResult, {
    description:
      'Everything downstream of an entity, with no practical depth limit by default: "which models and deployments break if this changes?"',
    complexity: weighted(WALK_WEIGHT),
  })
  @Extensions(PAGE_SIZES)
  impact(@Args() args: ImpactArgs, @Ctx() ctx: Context): Promise<LineageResultStub> {
    return lineage(ctx, { ...args, types: currentTypes(args.types), direction: LineageDirection.DOWNSTREAM, first: pageSize(args) });
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
