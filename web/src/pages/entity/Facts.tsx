import { humanize } from '../../lib/entity-types';
import type { EntityDetails, NamedValue } from './entity.types';

/** Scalar fields shown as facts, when the entity has them, in this order. */
const FACT_FIELDS = [
  'platform', 'env', 'version', 'namespace', 'id', 'dataType', 'featureAlgorithm', 'uri', 'format', 'primaryKeys', 'modelType',
  'license', 'runStatus', 'startedAt', 'endedAt', 'codeRepository', 'codeCommit', 'deploymentStatus', 'endpointUrl',
  'artifactUri', 'dockerImage', 'externalUrl',
];
const TIMES = new Set(['startedAt', 'endedAt', 'createdAt', 'updatedAt']);

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

function show(field: string, value: unknown): string {
  if (Array.isArray(value)) return value.join(', ');
  if (TIMES.has(field)) return formatTime(value as string);
  return String(value);
}

export function Facts({ entity }: { entity: EntityDetails }) {
  const rows = FACT_FIELDS.filter((f) => entity[f] !== undefined && entity[f] !== null && !(Array.isArray(entity[f]) && (entity[f] as unknown[]).length === 0));
  return (
    <dl className="facts">
      {rows.map((f) => (
        <div key={f}>
          <dt>{humanize(f)}</dt>
          <dd>{/^https?:\/\//.test(String(entity[f])) ? <a href={String(entity[f])} rel="noreferrer noopener" target="_blank">{String(entity[f])}</a> : show(f, entity[f])}</dd>
        </div>
      ))}
      {entity.owners.length > 0 && (
        <div>
          <dt>Owners</dt>
          <dd>{entity.owners.map((o) => `${o.id} (${o.type.toLowerCase().replaceAll('_', ' ')})`).join(', ')}</dd>
        </div>
      )}
      {entity.tags.length > 0 && (
        <div>
          <dt>Tags</dt>
          <dd>{entity.tags.map((t) => <span key={t} className="tag">{t}</span>)}</dd>
        </div>
      )}
      {entity.customProperties.map((p) => (
        <div key={p.key}>
          <dt>{p.key}</dt>
          <dd>{p.value}</dd>
        </div>
      ))}
      <div>
        <dt>Created</dt>
        <dd>{formatTime(entity.createdAt)} by {entity.createdBy}</dd>
      </div>
      <div>
        <dt>Updated</dt>
        <dd>{formatTime(entity.updatedAt)} by {entity.updatedBy} (revision {entity.revision})</dd>
      </div>
    </dl>
  );
}

/** Name/value pairs (metrics, hyperparameters) as a small table; nothing when empty. */
export function NamedValues({ title, values }: { title: string; values: NamedValue[] | undefined }) {
  if (!values?.length) return null;
  return (
    <section className="card-section">
      <h3>{title}</h3>
      <table className="kv">
        <tbody>
          {values.map((v) => (
            <tr key={v.name}>
              <th>{v.name}</th>
              <td>{v.value}</td>
              <td className="muted">{v.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
