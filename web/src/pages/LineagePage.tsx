import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { gql } from '../api/client';
import { LINEAGE_GRAPH } from '../api/queries';
import { useGql } from '../api/use-gql';
import { EntityLink } from '../components/EntityLink';
import { ErrorBox, Loading } from '../components/Feedback';
import { TypeIcon } from '../components/TypeIcon';
import { LineageCanvas } from '../graph/LineageCanvas';
import { isoToLocalInput, localInputToIso } from '../lib/as-of';
import { lineageView, MAX_NODES } from '../lib/lineage-view';
import { typeStyle } from '../lib/entity-types';
import { addsNothing, assembleGraph, expandGraph, type AssembledGraph, type LineageGraphData } from '../lib/graph-assembly';
import { entityPath, idePath } from '../lib/paths';

const DEPTHS = [0, 1, 2, 3, 4, 5, 6, 8, 10];

/** Upstream and downstream around an entity, drawn left to right; the default export is code-split. */
export default function LineagePage({ urn }: { urn: string }) {
  const { params, up, down, asOf, variables, viewKey } = lineageView(urn, useSearch());
  const [, navigate] = useLocation();
  const { data, error, loading } = useGql<{ lineageGraph: LineageGraphData }>(LINEAGE_GRAPH, variables);
  const [drawing, setDrawing] = useState<{ key: string; graph: AssembledGraph } | null>(null);
  // An answer to an earlier question (other depths, another instant) is never drawn as this one.
  const graph = drawing?.key === viewKey && !loading ? drawing.graph : null;
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [expandError, setExpandError] = useState<string | null>(null);
  /** Says so when an expansion found nothing that is not drawn already. */
  const [expandNote, setExpandNote] = useState<string | null>(null);
  const drawn = useRef<AssembledGraph | null>(null);
  drawn.current = drawing?.graph ?? null;

  useEffect(() => {
    if (!data) return;
    performance.mark('lineage:data');
    setDrawing({ key: viewKey, graph: assembleGraph(data.lineageGraph) });
    setExpanded(new Set([data.lineageGraph.root.urn]));
  }, [data]);

  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null || value === '') next.delete(key);
    else next.set(key, value);
    const query = next.toString();
    navigate(`${entityPath(urn, 'lineage')}${query ? `?${query}` : ''}`, { replace: true });
  };

  const onExpand = useCallback(
    (node: string) => {
      setExpanded((s) => new Set(s).add(node));
      setExpandNote(null);
      gql<{ lineageGraph: LineageGraphData }>(LINEAGE_GRAPH, { urn: node, upstreamDepth: 1, downstreamDepth: 1, asOf, maxNodes: MAX_NODES }).then(
        (answer) => {
          const around = answer.data.lineageGraph;
          if (drawn.current && addsNothing(drawn.current, around)) setExpandNote(`${around.root.name} has no neighbour that is not drawn already.`);
          setDrawing((d) => d && { ...d, graph: expandGraph(d.graph, around) });
        },
        (err: Error) => setExpandError(err.message),
      );
    },
    [asOf],
  );
  const onOpen = useCallback((node: string) => navigate(entityPath(node)), [navigate]);

  const root = data?.lineageGraph.root;
  const types = graph ? [...new Set(graph.nodes.map((n) => n.entity.type))].sort() : [];
  return (
    <div className="lineage-page">
      <div className="lineage-toolbar">
        <div className="lineage-title">
          {root ? <EntityLink entity={root} showType /> : <code>{urn}</code>}
          <Link href={entityPath(urn, 'impact')}>Impact →</Link>
        </div>
        {(['up', 'down'] as const).map((side) => (
          <label key={side}>
            {side === 'up' ? 'Upstream' : 'Downstream'}
            <select name={side} value={side === 'up' ? up : down} onChange={(e) => setParam(side, e.target.value)}>
              {DEPTHS.map((d) => <option key={d} value={d}>{d}</option>)}
            </select>
          </label>
        ))}
        <label>
          As of
          <input
            type="datetime-local"
            name="asOf"
            step={1}
            value={asOf ? isoToLocalInput(asOf) : ''}
            onChange={(e) => setParam('asOf', localInputToIso(e.target.value))}
          />
        </label>
        {asOf && (
          <button type="button" onClick={() => setParam('asOf', null)}>
            Now
          </button>
        )}
        <a className="button" href={idePath(LINEAGE_GRAPH, variables)}>Query</a>
        {graph && (
          <span className="muted" data-testid="lineage-counts">
            {graph.nodes.length} nodes · {graph.edges.length} edges
          </span>
        )}
      </div>
      {asOf && <div className="info">Showing the lineage as it was at {new Date(asOf).toLocaleString()} (statuses are today's).</div>}
      {graph && graph.partialReasons.length > 0 && (
        <div className="warning partial" role="alert" data-testid="partial-banner">
          <strong>Partial result:</strong> the server cut this graph ({graph.partialReasons.join('; ')}). Lower the depth, or open a node's own lineage.
        </div>
      )}
      {expandError && <div className="error">Could not expand: {expandError}</div>}
      {expandNote && <div className="info" role="status">{expandNote}</div>}
      <ErrorBox error={error} />
      {loading && !graph && <Loading what="lineage" />}
      {graph && (
        <>
          <div className="legend">
            {types.map((t) => (
              <span key={t}>
                <TypeIcon type={t} /> {typeStyle(t).label}
              </span>
            ))}
            <span className="muted">Click a node to open it, + to expand it in place.</span>
          </div>
          <LineageCanvas graph={graph} viewKey={viewKey} expanded={expanded} onOpen={onOpen} onExpand={onExpand} />
        </>
      )}
    </div>
  );
}
