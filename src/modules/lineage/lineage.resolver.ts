import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { pageSize } from '../queries/page.args';
import { ImpactArgs, LineageArgs, LineageGraphArgs } from './lineage.args';
import { lineage, type LineageResultStub } from './lineage.service';
import { lineageGraph, type LineageGraphStub } from './lineage-graph.service';
import { LineageGraph } from './lineage-graph.types';
import { LineageDirection } from './lineage-steps';
import { LineageResult } from './lineage.types';

@Resolver()
export class LineageResolver {
  @Query(() => LineageResult, {
    description:
      'Entities upstream (what produced it) or downstream (what it affects) of an entity, each with its degree and one shortest path. Items are ordered by degree, then urn.',
  })
  lineage(@Args() args: LineageArgs, @Ctx() ctx: Context): Promise<LineageResultStub> {
    return lineage(ctx, { ...args, first: pageSize(args) });
  }

  @Query(() => LineageResult, {
    description:
      'Everything downstream of an entity, with no practical depth limit by default: "which models and deployments break if this changes?"',
  })
  impact(@Args() args: ImpactArgs, @Ctx() ctx: Context): Promise<LineageResultStub> {
    return lineage(ctx, { ...args, direction: LineageDirection.DOWNSTREAM, first: pageSize(args) });
  }

  @Query(() => LineageGraph, { description: 'Both sides of an entity, as nodes and edges, for a UI to draw.' })
  lineageGraph(@Args() args: LineageGraphArgs, @Ctx() ctx: Context): Promise<LineageGraphStub> {
    return lineageGraph(ctx, args);
  }
}
