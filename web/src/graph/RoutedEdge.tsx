import { memo } from 'react';
import { BaseEdge, getBezierPath, type Edge, type EdgeProps } from '@xyflow/react';

export type RoutedEdgeData = { bends: { x: number; y: number }[] };
export type RoutedFlowEdge = Edge<RoutedEdgeData, 'routed'>;

/**
 * An edge along the route the layout gave it: from the source's handle through its bend points to
 * the target's, its label on the middle stretch. Without bend points (adjacent layers, or the
 * linear-time layout) it is React Flow's usual curve.
 */
export const RoutedEdge = memo(function RoutedEdge(props: EdgeProps<RoutedFlowEdge>) {
  const { sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, label, labelStyle, markerEnd, style } = props;
  const bends = data?.bends ?? [];
  let path: string, labelX: number, labelY: number;
  if (bends.length === 0) {
    [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  } else {
    const points = [{ x: sourceX, y: sourceY }, ...bends, { x: targetX, y: targetY }];
    path = points.map((p, i) => `${i ? 'L' : 'M'} ${p.x} ${p.y}`).join(' ');
    const mid = Math.floor((points.length - 1) / 2);
    labelX = (points[mid].x + points[mid + 1].x) / 2;
    labelY = (points[mid].y + points[mid + 1].y) / 2;
  }
  return <BaseEdge path={path} labelX={labelX} labelY={labelY} label={label} labelStyle={labelStyle} markerEnd={markerEnd} style={style} />;
});
