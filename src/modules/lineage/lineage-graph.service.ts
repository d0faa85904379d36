import type { Context } from '../../context';
import { queries } from '../../graph';
import { currentTypes, type EntityType, type Status } from '../../model/entity-type';
import type { RelationshipType } from '../../model/relationship-type';
import { lineageLimits } from './lineage.config';
import { loadEntities, requireRoot } from './lineage.service';
import { LineageDirection } from './lineage-steps';
import { compare, walkIn, type Walk } from './lineage-walk';
import { requireUrn } from '../entities/urn-arg';

export interface LineageGraphRequest {
  urn: string;
  upstreamDepth: number;
  downstreamDepth: number;
  types?: EntityType[] | null;
  statuses: Status[];
  asOf?: Date | null;
  /** Most entities each walk collects; the server's LINEAGE_MAX_NODES still applies. */
  maxNodes?: number;
}

export interface LineageGraphStub {
  root: string;
  nodes: { urn: string; direction: LineageDirection; degree: number }[];
  edges: { from: string; to: string; relationship: RelationshipType }[];
  isPartial: boolean;
  partialReason: string | null;
}

/**
 * Both sides of one entity for drawing: an upstream and a downstream walk, their entities of the
 * requested types (each once, on its nearer side; UPSTREAM on a tie), and the stored lineage edges
 * among them and the root, in one read transaction that also loads every drawn entity into the
 * request's loader. NOT_FOUND when the root does not exist.
 */
export async function lineageGraph(ctx: Context, request: LineageGraphRequest): Promise<LineageGraphStub> {
  requireUrn(request.urn, 'urn');
  const asOf = request.asOf ?? null;
  const server = lineageLimits();
  const limits = { ...server, maxNodes: Math.min(server.maxNodes, request.maxNodes ?? server.maxNodes) };
  return ctx.graph.walk(() => ctx.graph.readTransaction('lineageGraph', async (tx) => {
    await requireRoot(ctx, tx, request.urn);
    const walks: Walk[] = [];
    for (const [direction, maxDepth] of [
      [LineageDirection.UPSTREAM, request.upstreamDepth],
      [LineageDirection.DOWNSTREAM, request.downstreamDepth],
    ] as const) {
      if (maxDepth > 0) walks.push(await walkIn(tx, request.urn, { direction, maxDepth, statuses: request.statuses, asOf, ...limits }, ctx.graph));
    }

    const wanted = request.types?.length ? new Set(currentTypes(request.types)) : null;
    const nodes = new Map<string, LineageGraphStub['nodes'][number]>();
    for (const w of walks) {
      for (const r of w.reached.values()) {
        if (wanted && !wanted.has(r.type)) continue;
        const seen = nodes.get(r.urn);
        if (!seen || r.degree < seen.degree) nodes.set(r.urn, { urn: r.urn, direction: w.direction, degree: r.degree });
      }
    }
    const urns = [request.urn, ...nodes.keys()];
    const edges = await tx.run(queries.lineageEdgesAmong, { urns, asOf });
    await loadEntities(ctx, tx, [...nodes.keys()]);
    const cut = walks.find((w) => w.isPartial);
    return {
      root: request.urn,
      nodes: [...nodes.values()].sort((a, b) => side(a.direction) - side(b.direction) || a.degree - b.degree || compare(a.urn, b.urn)),
      edges: edges.map((e) => ({ from: e.from, to: e.to, relationship: e.relationship as RelationshipType })),
      isPartial: Boolean(cut),
      partialReason: cut?.partialReason ?? null,
    };
  }));
}

const side = (d: LineageDirection) => (d === LineageDirection.UPSTREAM ? 0 : 1);
