import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { StatusBadge } from '../components/EntityLink';
import { TypeIcon } from '../components/TypeIcon';
import { typeStyle } from '../lib/entity-types';
import type { GraphNode } from '../lib/graph-assembly';

export type EntityNodeData = { node: GraphNode; expanded: boolean; onExpand: (urn: string) => void };
export type EntityFlowNode = Node<EntityNodeData, 'entity'>;

/** A drawn entity: type colour and icon, name, side and degree, status badge, expand button. */
export const EntityNode = memo(function EntityNode({ data: { node: data, expanded, onExpand } }: NodeProps<EntityFlowNode>) {
  const style = typeStyle(data.entity.type);
  const where = data.side === 'ROOT' ? 'root' : data.degree === null ? 'expanded' : `${data.side === 'UPSTREAM' ? '↑' : '↓'} ${data.degree}`;
  return (
    <div className={`lineage-node ${data.side === 'ROOT' ? 'root' : ''} status-${data.entity.status.toLowerCase()}`} style={{ borderColor: style.colour }} title={data.entity.urn} data-type={data.entity.type}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <TypeIcon type={data.entity.type} size={18} />
      <div className="ln-text">
        <div className="ln-name">{data.entity.name}</div>
        <div className="ln-meta" style={{ color: style.colour }}>
          <StatusBadge status={data.entity.status} /> {style.label} · {where}
        </div>
      </div>
      {!expanded && (
        <button
          type="button"
          className="ln-expand nodrag"
          title="Expand: draw this entity's neighbours"
          aria-label={`Expand ${data.entity.name}`}
          onClick={(e) => {
            e.stopPropagation();
            onExpand(data.entity.urn);
          }}
        >
          +
        </button>
      )}
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
});
