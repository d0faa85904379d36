import type { Context } from '../../context';
import { queries } from '../../graph';
import type { EntityType, Status } from '../../model/entity-type';
import type { RelationshipType } from '../../model/relationship-type';
import { lineageLimits } from './lineage.config';
import { requireEntity } from './lineage.service';
import { LineageDirection } from './lineage-steps';
import { compare, walkLineage, type Walk } from './lineage-walk';

export interface LineageGraphRequest {
  urn: string;
  upstreamDepth: number;
  downstreamDepth: number;
  types?: EntityType[] | null;
  statuses: Status[];
  asOf?: Date | null;
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
 * among them and the root, fetched in one statement. NOT_FOUND when the root does not exist.
 */
export async function lineageGraph(ctx: Context, request: LineageGraphRequest): Promise<LineageGraphStub> {
  await requireEntity(ctx, request.urn);
  const asOf = request.asOf ?? null;
  const limits = lineageLimits();
  const walk = (direction: LineageDirection, maxDepth: number): Promise<Walk | null> =>
    maxDepth > 0
      ? walkLineage(ctx.graph, request.urn, { direction, maxDepth, statuses: request.statuses, asOf, ...limits })
      : Promise.resolve(null);
  const walks = [await walk(LineageDirection.UPSTREAM, request.upstreamDepth), await walk(LineageDirection.DOWNSTREAM, request.downstreamDepth)];

  const wanted = request.types?.length ? new Set(request.types) : null;
  const nodes = new Map<string, LineageGraphStub['nodes'][number]>();
  for (const w of walks) {
    for (const r of w?.reached.values() ?? []) {
      if (wanted && !wanted.has(r.type)) continue;
      const seen = nodes.get(r.urn);
      if (!seen || r.degree < seen.degree) nodes.set(r.urn, { urn: r.urn, direction: w!.direction, degree: r.degree });
    }
  }
  const urns = [request.urn, ...nodes.keys()];
  const edges = await ctx.graph.read(queries.lineageEdgesAmong, { urns, asOf });
  const cut = walks.find((w) => w?.isPartial);
  return {
    root: request.urn,
    nodes: [...nodes.values()].sort((a, b) => side(a.direction) - side(b.direction) || a.degree - b.degree || compare(a.urn, b.urn)),
    edges: edges.map((e) => ({ from: e.from, to: e.to, relationship: e.relationship as RelationshipType })),
    isPartial: Boolean(cut),
    partialReason: cut?.partialReason ?? null,
  };
}

const side = (d: LineageDirection) => (d === LineageDirection.UPSTREAM ? 0 : 1);
