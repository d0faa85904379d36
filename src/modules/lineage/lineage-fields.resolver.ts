import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import type { EntityRecord } from '../entities/entity.loaders';
import { Entity } from '../entities/graphql/entity.interface';
import type { HopStub, ItemStub } from './lineage-page';
import { entityOf, preloadPage, type LineageResultStub } from './lineage.service';
import type { LineageGraphStub } from './lineage-graph.service';
import { LineageGraph, LineageGraphEdge, LineageGraphNode } from './lineage-graph.types';
import { LineageHop, LineageItem, LineageResult } from './lineage.types';

// Lineage returns stubs (URNs); these resolvers hydrate them through the request's entity loader.
// `items`, `nodes` and `edges` load every entity they show in one batch before their fields ask.

@Resolver(() => LineageResult)
export class LineageResultFieldsResolver {
  @FieldResolver(() => Entity)
  root(@Root() result: LineageResultStub, @Ctx() ctx: Context): Promise<EntityRecord> {
    return entityOf(ctx, result.root);
  }

  @FieldResolver(() => [LineageItem])
  async items(@Root() result: LineageResultStub, @Ctx() ctx: Context): Promise<ItemStub[]> {
    await preloadPage(ctx, result);
    return result.items;
  }
}

@Resolver(() => LineageItem)
export class LineageItemFieldsResolver {
  @FieldResolver(() => Entity)
  entity(@Root() item: ItemStub, @Ctx() ctx: Context): Promise<EntityRecord> {
    return entityOf(ctx, item.urn);
  }
}

@Resolver(() => LineageHop)
export class LineageHopFieldsResolver {
  @FieldResolver(() => Entity)
  from(@Root() hop: HopStub, @Ctx() ctx: Context): Promise<EntityRecord> {
    return entityOf(ctx, hop.from);
  }

  @FieldResolver(() => Entity)
  to(@Root() hop: HopStub, @Ctx() ctx: Context): Promise<EntityRecord> {
    return entityOf(ctx, hop.to);
  }
}

@Resolver(() => LineageGraph)
export class LineageGraphFieldsResolver {
  @FieldResolver(() => Entity)
  root(@Root() graph: LineageGraphStub, @Ctx() ctx: Context): Promise<EntityRecord> {
    return entityOf(ctx, graph.root);
  }

  @FieldResolver(() => [LineageGraphNode])
  async nodes(@Root() graph: LineageGraphStub, @Ctx() ctx: Context): Promise<LineageGraphStub['nodes']> {
    await ctx.loaders.entity.loadMany(graph.nodes.map((n) => n.urn));
    return graph.nodes;
  }
}

@Resolver(() => LineageGraphNode)
export class LineageGraphNodeFieldsResolver {
  @FieldResolver(() => Entity)
  entity(@Root() node: { urn: string }, @Ctx() ctx: Context): Promise<EntityRecord> {
    return entityOf(ctx, node.urn);
  }
}

@Resolver(() => LineageGraphEdge)
export class LineageGraphEdgeFieldsResolver {
  @FieldResolver(() => Entity)
  from(@Root() edge: { from: string }, @Ctx() ctx: Context): Promise<EntityRecord> {
    return entityOf(ctx, edge.from);
  }

  @FieldResolver(() => Entity)
  to(@Root() edge: { to: string }, @Ctx() ctx: Context): Promise<EntityRecord> {
    return entityOf(ctx, edge.to);
  }
}
