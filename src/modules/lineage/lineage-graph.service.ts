import { declaredEdgeProps, EDGE_PROPERTY_LIST } from '../../model/edge-properties';
import type { Context } from '../../context';
import { queries, type GraphTransaction } from '../../graph';
import { currentTypes, type EntityType, type Status } from '../../model/entity-type';
import type { RelationshipType } from '../../model/relationship-type';
import type { PageRecords } from './lineage-page';
import { LineageGraph, LineageGraphEdge, LineageGraphNode } from './lineage-graph.types';
import { lineageLimits } from './lineage.config';
import { requireRoot } from './lineage.service';
import { loadEntities } from './page-records';
import { LineageDirection } from './lineage-steps';
import { compare, walkLineage } from './lineage-walk';
import { asInstance } from '../entities/graphql/entity-classes';
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
  nodes: { urn: string; direction: LineageDirection; degree: number; records?: PageRecords }[];
  edges: { from: string; to: string; relationship: RelationshipType; properties: Record<string, string>; records?: PageRecords }[];
  isPartial: boolean;
  partialReason: string | null;
}

/**
 * Both sides of one entity for drawing: an upstream and a downstream walk, their entities of the
 * requested types (each once, on its nearer side; UPSTREAM on a tie), and the stored lineage edges
 * among them and the root; every drawn entity is loaded into the request's loader. The root, the two
 * walks, then the edges and the entities are independent reads, run at once (Neo4j runs each
 * statement on one core, and a drawing waits for the slowest of them, not their sum). NOT_FOUND when
 * the root does not exist.
 */
export async function lineageGraph(ctx: Context, request: LineageGraphRequest): Promise<LineageGraphStub> {
  requireUrn(request.urn, 'urn');
  const asOf = request.asOf ?? null;
  const server = lineageLimits();
  const limits = { ...server, maxNodes: Math.min(server.maxNodes, request.maxNodes ?? server.maxNodes) };
  const reads: GraphTransaction = { run: (query, params) => ctx.graph.read(query, params) };
  const sides = (
    [
      [LineageDirection.UPSTREAM, request.upstreamDepth],
      [LineageDirection.DOWNSTREAM, request.downstreamDepth],
    ] as const
  ).filter(([, maxDepth]) => maxDepth > 0);
  return ctx.graph.walk(async () => {
    const [, ...walks] = await Promise.all([
      requireRoot(ctx, reads, request.urn),
      ...sides.map(([direction, maxDepth]) =>
        walkLineage(ctx.graph, request.urn, { direction, maxDepth, statuses: request.statuses, asOf, ...limits }),
      ),
    ]);

    const wanted = request.types?.length ? new Set(currentTypes(request.types)) : null;
    const nodes = new Map<string, LineageGraphStub['nodes'][number]>();
    for (const w of walks) {
      for (const r of w.reached.values()) {
        if (wanted && !wanted.has(r.type)) continue;
        const seen = nodes.get(r.urn);
        if (!seen || r.degree < seen.degree) nodes.set(r.urn, { urn: r.urn, direction: w.direction, degree: r.degree });
      }
    }
    const [edges, records] = await Promise.all([
      reads.run(queries.lineageEdgesAmong, { urns: [request.urn, ...nodes.keys()], asOf, edgeProps: EDGE_PROPS }),
      loadEntities(ctx, reads, [...nodes.keys()]),
    ]);
    const cut = walks.find((w) => w.isPartial);
    // Instances of the GraphQL classes holding the drawn entities: see lineage.service.ts.
    const drawn: LineageGraphStub = {
      root: request.urn,
      nodes: [...nodes.values()]
        .sort((a, b) => side(a.direction) - side(b.direction) || a.degree - b.degree || compare(a.urn, b.urn))
        .map((n) => asInstance<LineageGraphStub['nodes'][number]>(LineageGraphNode, n, { records })),
      edges: edges.map((e) =>
        asInstance<LineageGraphStub['edges'][number]>(LineageGraphEdge, {
          from: e.from,
          to: e.to,
          relationship: e.relationship as RelationshipType,
          properties: declaredEdgeProps(Object.fromEntries(EDGE_PROPS.map((name, i) => [name, e.props[i]]))),
          records,
        }),
      ),
      isPartial: Boolean(cut),
      partialReason: cut?.partialReason ?? null,
    };
    return asInstance<LineageGraphStub>(LineageGraph, drawn);
  });
}

/** The declared edge properties, read with the edges (and nothing else of them: temporals cost the driver most). */
const EDGE_PROPS = EDGE_PROPERTY_LIST.map((p) => p.name);

const side = (d: LineageDirection) => (d === LineageDirection.UPSTREAM ? 0 : 1);
