import { Link, useLocation, useSearch } from 'wouter';
import { ENTITY } from '../../api/queries';
import { useGql } from '../../api/use-gql';
import { StatusBadge, TypeTag } from '../../components/EntityLink';
import { ErrorBox, Loading } from '../../components/Feedback';
import { TypeIcon } from '../../components/TypeIcon';
import { humanize } from '../../lib/entity-types';
import { entityPath, idePath } from '../../lib/paths';
import type { EntityDetails } from './entity.types';
import { Facts } from './Facts';
import { HistoryTimeline } from './HistoryTimeline';
import { RelationTab } from './RelationTab';
import { TYPE_VIEWS } from './TypeViews';

/** The page of one entity: its header, then tabs (overview, one per relationship, history). */
export function EntityPage({ urn }: { urn: string }) {
  const { data, error, loading } = useGql<{ entity: EntityDetails | null }>(ENTITY, { urn });
  const tab = new URLSearchParams(useSearch()).get('tab') ?? 'overview';
  const [, navigate] = useLocation();
  if (loading && !data) return <Loading />;
  if (error) return <ErrorBox error={error} />;
  const entity = data?.entity;
  if (!entity) return <div className="error">No entity has the URN <code>{urn}</code>.</div>;
  const View = TYPE_VIEWS[entity.__typename];
  const open = (name: string) => navigate(`${entityPath(urn)}${name === 'overview' ? '' : `?tab=${name}`}`, { replace: true });
  const relation = entity.relationCounts.find((r) => `rel-${r.field}` === tab);
  return (
    <article className="entity-page" data-urn={entity.urn}>
      <header className="entity-head">
        <TypeIcon type={entity.type} size={32} />
        <div>
          <h1>
            {entity.name} <StatusBadge status={entity.status} />
          </h1>
          <div className="muted">
            <TypeTag type={entity.type} /> <code className="urn">{entity.urn}</code>
          </div>
          {entity.statusReason && <div className="warning">{entity.statusReason}</div>}
        </div>
        <div className="entity-actions">
          <Link href={entityPath(urn, 'lineage')} className="button primary">
            Lineage graph
          </Link>
          <Link href={entityPath(urn, 'impact')} className="button">
            Impact
          </Link>
          <a className="button" href={idePath(ENTITY, { urn })}>
            Query
          </a>
        </div>
      </header>
      {entity.description && <p className="prose description">{entity.description}</p>}
      <nav className="tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab === 'overview'} onClick={() => open('overview')}>
          Overview
        </button>
        {entity.relationCounts.map((r) => (
          <button key={r.field} type="button" role="tab" aria-selected={tab === `rel-${r.field}`} onClick={() => open(`rel-${r.field}`)} data-field={r.field} disabled={r.count === 0}>
            {humanize(r.field)} <span className="count">{r.count.toLocaleString()}</span>
          </button>
        ))}
        <button type="button" role="tab" aria-selected={tab === 'history'} onClick={() => open('history')}>
          History
        </button>
      </nav>
      <div className="tab-body">
        {tab === 'history' && <HistoryTimeline urn={urn} />}
        {relation && <RelationTab key={relation.field} urn={urn} typename={entity.__typename} field={relation.field} count={relation.count} />}
        {!relation && tab !== 'history' && (
          <div className="overview">
            {View && <View entity={entity} />}
            <Facts entity={entity} />
          </div>
        )}
      </div>
    </article>
  );
}
