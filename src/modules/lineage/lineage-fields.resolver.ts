import type { GraphQLSchema } from 'graphql';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import type { EntityRecord } from '../entities/entity.loaders';
import { Entity } from '../entities/graphql/entity.interface';
import { resolveDirectly } from '../entities/graphql/direct-resolvers';
import { EdgeProperties } from '../entities/graphql/edge-properties.types';
import { storedEnds } from './lineage-steps';
import type { HopStub, ItemStub } from './lineage-page';
import { entityOf, heldEntity, type LineageResultStub } from './lineage.service';
import type { LineageGraphStub } from './lineage-graph.service';
import { LineageGraph, LineageGraphEdge, LineageGraphNode } from './lineage-graph.types';
import { LineageHop, LineageItem, LineageResult } from './lineage.types';

// Lineage returns stubs (URNs); these resolvers hydrate them through the request's entity loader,
// which the service has already primed with every entity of the page (lineage.service.ts), so they
// cost no further round trip.

@Resolver(() => LineageResult)
export class LineageResultFieldsResolver {
  @FieldResolver(() => Entity)
  root(@Root() result: LineageResultStub, @Ctx() ctx: Context): Promise<EntityRecord> {
    return entityOf(ctx, result.root);
  }
}

@Resolver(() => LineageItem)
export class LineageItemFieldsResolver {
  @FieldResolver(() => Entity)
  entity(@Root() item: ItemStub, @Ctx() ctx: Context): EntityRecord | Promise<EntityRecord> {
    return heldEntity(ctx, item.records, item.urn);
  }
}

@Resolver(() => LineageHop)
export class LineageHopFieldsResolver {
  @FieldResolver(() => Entity)
  from(@Root() hop: HopStub, @Ctx() ctx: Context): EntityRecord | Promise<EntityRecord> {
    return heldEntity(ctx, hop.records, hop.from);
  }

  @FieldResolver(() => Entity)
  to(@Root() hop: HopStub, @Ctx() ctx: Context): EntityRecord | Promise<EntityRecord> {
    return heldEntity(ctx, hop.records, hop.to);
  }

  @FieldResolver(() => EdgeProperties, { description: 'What the stored edge records (e.g. the version of the dataset a run read), as of the walk.' })
  async properties(@Root() hop: HopStub, @Ctx() ctx: Context): Promise<Record<string, string>> {
    if (!hop.walked) return {};
    const { start, end } = storedEnds(hop.walked.direction, hop);
    const edge = await ctx.loaders.edge.load({ from: start, type: hop.relationship, to: end, asOf: hop.walked.asOf });
    return edge?.properties ?? {};
  }
}

@Resolver(() => LineageGraph)
export class LineageGraphFieldsResolver {
  @FieldResolver(() => Entity)
  root(@Root() graph: LineageGraphStub, @Ctx() ctx: Context): Promise<EntityRecord> {
    return entityOf(ctx, graph.root);
  }

}

@Resolver(() => LineageGraphNode)
export class LineageGraphNodeFieldsResolver {
  @FieldResolver(() => Entity)
  entity(@Root() node: LineageGraphStub['nodes'][number], @Ctx() ctx: Context): EntityRecord | Promise<EntityRecord> {
    return heldEntity(ctx, node.records, node.urn);
  }
}

@Resolver(() => LineageGraphEdge)
export class LineageGraphEdgeFieldsResolver {
  @FieldResolver(() => Entity)
  from(@Root() edge: LineageGraphStub['edges'][number], @Ctx() ctx: Context): EntityRecord | Promise<EntityRecord> {
    return heldEntity(ctx, edge.records, edge.from);
  }

  @FieldResolver(() => Entity)
  to(@Root() edge: LineageGraphStub['edges'][number], @Ctx() ctx: Context): EntityRecord | Promise<EntityRecord> {
    return heldEntity(ctx, edge.records, edge.to);
  }
}

/**
 * Lets graphql-js call the entity fields of lineage answers itself (resolveDirectly): an impact
 * page of 500 items has about 2,000 of them (each item's entity, each hop's two ends), and
 * type-graphql's per-call machinery cost more than the fields. Call once on the built schema.
 */
export function resolveLineageFieldsDirectly(schema: GraphQLSchema): void {
  resolveDirectly(schema, 'LineageItem', 'entity', LineageItemFieldsResolver.prototype.entity);
  resolveDirectly(schema, 'LineageHop', 'from', LineageHopFieldsResolver.prototype.from);
  resolveDirectly(schema, 'LineageHop', 'to', LineageHopFieldsResolver.prototype.to);
  resolveDirectly(schema, 'LineageGraphNode', 'entity', LineageGraphNodeFieldsResolver.prototype.entity);
  resolveDirectly(schema, 'LineageGraphEdge', 'from', LineageGraphEdgeFieldsResolver.prototype.from);
  resolveDirectly(schema, 'LineageGraphEdge', 'to', LineageGraphEdgeFieldsResolver.prototype.to);
}
