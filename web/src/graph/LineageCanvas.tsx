import { useEffect, useMemo, useRef, useState } from 'react';
import { Background, Controls, MarkerType, MiniMap, ReactFlow, useReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { typeStyle } from '../lib/entity-types';
import type { AssembledGraph } from '../lib/graph-assembly';
import { NODE_HEIGHT, NODE_WIDTH } from '../lib/elk-graph';
import { EntityNode, type EntityFlowNode } from './EntityNode';
import { layoutGraph, type Layout } from './layout';
import { RoutedEdge, type RoutedFlowEdge } from './RoutedEdge';

const NODE_TYPES = { entity: EntityNode };
const EDGE_TYPES = { routed: RoutedEdge };
/** Above this many edges, relationship names go into tooltips instead of labels. */
const LABELLED_EDGES = 40;
/**
 * Up to this many nodes the whole graph is fitted in view. A bigger one opens centred on its root
 * at a readable zoom and draws only what is in view (React Flow's onlyRenderVisibleElements); the
 * minimap and the fit-view button show the rest.
 */
const FIT_ALL_NODES = 150;
const OPENING_ZOOM = 0.6;

export interface CanvasProps {
  graph: AssembledGraph;
  /**
   * The question drawn (root, depths, instant): a new one fits the view again. An expansion (the
   * graph grows under the same key) is laid out again, so a graph small enough to be fitted whole
   * is fitted again; a bigger one keeps its view.
   */
  viewKey: string;
  expanded: ReadonlySet<string>;
  onOpen: (urn: string) => void;
  onExpand: (urn: string) => void;
}

/**
 * The drawing: ELK positions, one React Flow node per entity and one edge per stored edge. Once a
 * layout is on screen it marks `lineage:rendered` (Performance API) and sets data-rendered on its
 * container, which the browser test and the benchmark read.
 */
export function LineageCanvas({ graph, viewKey, expanded, onOpen, onExpand }: CanvasProps) {
  const [laid, setLaid] = useState<({ graph: AssembledGraph } & Layout) | null>(null);
  const [rendered, setRendered] = useState<AssembledGraph | null>(null);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    performance.mark('lineage:layout-start');
    layoutGraph(graph).then((layout) => {
      if (!live) return;
      performance.mark('lineage:layout-end');
      setLaid({ graph, ...layout });
    });
    return () => {
      live = false;
    };
  }, [graph]);

  const nodes: EntityFlowNode[] = useMemo(
    () =>
      laid
        ? laid.graph.nodes.map((n) => ({
            id: n.id,
            type: 'entity' as const,
            position: laid.positions.get(n.id) ?? { x: 0, y: 0 },
            width: NODE_WIDTH,
            height: NODE_HEIGHT,
            data: { node: n, expanded: expanded.has(n.id), onExpand },
            draggable: false,
            connectable: false,
          }))
        : [],
    [laid, expanded, onExpand],
  );
  const edges: RoutedFlowEdge[] = useMemo(() => {
    if (!laid) return [];
    const labelled = laid.graph.edges.length <= LABELLED_EDGES;
    const types = new Map(laid.graph.nodes.map((n) => [n.id, n.entity.type]));
    return laid.graph.edges.map((e) => {
      const colour = typeStyle(types.get(e.source) ?? '').colour;
      return {
        id: e.id,
        type: 'routed' as const,
        source: e.source,
        target: e.target,
        data: { bends: laid.bends.get(e.id) ?? [] },
        label: labelled ? e.relationship : undefined,
        ariaLabel: e.relationship,
        markerEnd: { type: MarkerType.ArrowClosed, color: colour, width: 16, height: 16 },
        style: { stroke: colour, strokeOpacity: 0.7 },
        labelStyle: { fontSize: 10 },
        focusable: false,
      };
    });
  }, [laid]);

  useEffect(() => {
    if (!laid) return;
    performance.mark('lineage:committed');
    // Two frames: React has committed the nodes and the browser has painted them.
    const id = requestAnimationFrame(() => {
      performance.mark('lineage:frame');
      requestAnimationFrame(() => {
        performance.mark('lineage:rendered');
        setRendered(laid.graph);
      });
    });
    return () => cancelAnimationFrame(id);
  }, [laid]);

  const fitAll = nodes.length <= FIT_ALL_NODES;
  const root = laid?.positions.get(graph.rootUrn) ?? { x: 0, y: 0 };
  const width = box.current?.clientWidth ?? 1200;
  const height = box.current?.clientHeight ?? 700;
  const opening = {
    zoom: OPENING_ZOOM,
    x: width / 2 - (root.x + NODE_WIDTH / 2) * OPENING_ZOOM,
    y: height / 2 - (root.y + NODE_HEIGHT / 2) * OPENING_ZOOM,
  };
  return (
    <div ref={box} className="lineage-canvas" data-view={viewKey} data-rendered={rendered !== null && rendered === laid?.graph ? 'true' : 'false'} data-nodes={nodes.length} data-edges={edges.length}>
      {laid && (
        <ReactFlow
          key={viewKey}
          nodes={nodes}
          edges={edges}
          nodeTypes={NODE_TYPES}
          edgeTypes={EDGE_TYPES}
          onNodeClick={(_, node) => onOpen(node.id)}
          nodesDraggable={false}
          nodesConnectable={false}
          edgesFocusable={false}
          fitView={fitAll}
          fitViewOptions={{ padding: 0.08 }}
          defaultViewport={fitAll ? undefined : opening}
          minZoom={0.02}
          maxZoom={2}
          onlyRenderVisibleElements={!fitAll}
          proOptions={{ hideAttribution: true }}
        >
          <Background gap={24} />
          <Controls showInteractive={false} />
          <MiniMap pannable zoomable nodeColor={(n) => typeStyle((n as EntityFlowNode).data.node.entity.type).colour} />
          {fitAll && <FitWhenGrown nodes={nodes.length} />}
        </ReactFlow>
      )}
    </div>
  );
}

/** Fits the view again once the drawing has more nodes than before (an expansion laid out anew). */
function FitWhenGrown({ nodes }: { nodes: number }) {
  const flow = useReactFlow();
  const before = useRef(nodes);
  useEffect(() => {
    const grown = nodes > before.current;
    before.current = nodes;
    if (!grown) return;
    // After React Flow has placed the new nodes.
    const id = requestAnimationFrame(() => void flow.fitView({ padding: 0.08, duration: 200 }));
    return () => cancelAnimationFrame(id);
  }, [nodes, flow]);
  return null;
}
