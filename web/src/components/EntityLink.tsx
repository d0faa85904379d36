import { Link } from 'wouter';
import type { EntityRef } from '../lib/graph-assembly';
import { statusBadge, typeStyle } from '../lib/entity-types';
import { entityPath } from '../lib/paths';
import { TypeIcon } from './TypeIcon';

export function StatusBadge({ status }: { status: string | null | undefined }) {
  const badge = statusBadge(status);
  return badge ? <span className={`badge badge-${badge}`}>{badge}</span> : null;
}

export function TypeTag({ type }: { type: string }) {
  const style = typeStyle(type);
  return (
    <span className="type-tag" style={{ color: style.colour, borderColor: style.colour }}>
      {style.label}
    </span>
  );
}

/** An entity as a link to its page: icon, name, status badge. */
export function EntityLink({ entity, showType = false }: { entity: EntityRef; showType?: boolean }) {
  return (
    <span className="entity-link" data-urn={entity.urn}>
      <TypeIcon type={entity.type} />
      <Link href={entityPath(entity.urn)} title={entity.urn}>
        {entity.name}
      </Link>
      {showType && <TypeTag type={entity.type} />}
      <StatusBadge status={entity.status} />
    </span>
  );
}
