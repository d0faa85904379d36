import { Link } from 'wouter';
import type { EntityRef } from '../../lib/graph-assembly';
import { entityPath } from '../../lib/paths';
import { EntityLink } from '../../components/EntityLink';
import { formatTime, NamedValues } from './Facts';
import { CardSections, List, MetricsTable, type CardFields } from './ModelCardSections';
import type { DatasetColumn, EntityDetails, NamedValue } from './entity.types';

interface ModelFields extends CardFields {
  framework?: { name: string; version?: string | null } | null;
  intendedUse?: { primaryUses: string[]; primaryUsers: string[]; outOfScopeUses: string[] } | null;
  hyperParams?: NamedValue[];
  trainingMetrics?: NamedValue[];
  onlineMetrics?: NamedValue[];
  sourceCode?: { type: string; url: string }[];
  aliases?: string[];
  groups?: EntityRef[];
}

/** The model card: what a reviewer reads before trusting a model version. */
export function ModelCard({ entity }: { entity: EntityDetails }) {
  const m = entity as unknown as ModelFields;
  return (
    <div className="model-card" data-testid="model-card">
      <section className="card-section">
        <h3>Group and aliases</h3>
        {m.groups?.length ? (
          <ul className="inline-list" data-testid="model-groups">
            {m.groups.map((g) => <li key={g.urn}><EntityLink entity={g} /></li>)}
          </ul>
        ) : (
          <p className="muted">In no model group.</p>
        )}
        {m.aliases?.length ? <p>Aliases: {m.aliases.map((a) => <span key={a} className="tag alias">{a}</span>)}</p> : null}
        {m.framework && <p>Framework: {m.framework.name} {m.framework.version}</p>}
      </section>
      <section className="card-section">
        <h3>Intended use</h3>
        <div className="columns">
          <List title="Primary uses" items={m.intendedUse?.primaryUses} />
          <List title="Primary users" items={m.intendedUse?.primaryUsers} />
          <List title="Out of scope" items={m.intendedUse?.outOfScopeUses} />
        </div>
      </section>
      <MetricsTable metrics={m.modelMetrics} />
      <NamedValues title="Training metrics (text)" values={m.trainingMetrics} />
      <NamedValues title="Online metrics (text)" values={m.onlineMetrics} />
      <NamedValues title="Hyperparameters" values={m.hyperParams} />
      <CardSections m={m} />
      {m.sourceCode?.length ? (
        <section className="card-section">
          <h3>Source code</h3>
          <ul>{m.sourceCode.map((s) => <li key={s.url}>{s.type}: <a href={s.url} target="_blank" rel="noreferrer noopener">{s.url}</a></li>)}</ul>
        </section>
      ) : null}
    </div>
  );
}

interface GroupFields {
  groupAliases?: { alias: string; model: EntityRef & { version?: string | null } }[];
  latestVersion?: (EntityRef & { version?: string | null }) | null;
  versions?: (EntityRef & { version?: string | null; aliases: string[]; createdAt: string })[];
}

/** A model group: which version holds which alias, and its versions, newest first. */
export function GroupView({ entity }: { entity: EntityDetails }) {
  const g = entity as unknown as GroupFields;
  return (
    <div>
      <section className="card-section">
        <h3>Aliases</h3>
        {g.groupAliases?.length ? (
          <table className="kv" data-testid="group-aliases">
            <tbody>
              {g.groupAliases.map((a) => (
                <tr key={a.alias}>
                  <th><span className="tag alias">{a.alias}</span></th>
                  <td><EntityLink entity={a.model} /> {a.model.version && <span className="muted">version {a.model.version}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">No alias is set (setModelAlias gives one).</p>
        )}
      </section>
      <section className="card-section">
        <h3>Versions</h3>
        {g.latestVersion ? (
          <p data-testid="latest-version">Latest: <EntityLink entity={g.latestVersion} /> {g.latestVersion.version && <span className="muted">version {g.latestVersion.version}</span>}</p>
        ) : null}
        <table className="list" data-testid="group-versions">
          <thead><tr><th>Version</th><th>Model</th><th>Aliases</th><th>Registered</th></tr></thead>
          <tbody>
            {(g.versions ?? []).map((v) => (
              <tr key={v.urn}>
                <td>{v.version ?? '–'}</td>
                <td><EntityLink entity={v} /></td>
                <td>{v.aliases.map((a) => <span key={a} className="tag alias">{a}</span>)}</td>
                <td>{formatTime(v.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

/** A run's parameters and metrics. */
export function RunView({ entity }: { entity: EntityDetails }) {
  return (
    <>
      <NamedValues title="Parameters" values={entity.hyperParams as NamedValue[]} />
      <NamedValues title="Metrics" values={entity.metrics as NamedValue[]} />
    </>
  );
}

/** A dataset's columns, each with what reads it directly and a link to its column-level impact. */
export function DatasetView({ entity }: { entity: EntityDetails }) {
  const columns = (entity.columns ?? []) as DatasetColumn[];
  if (!columns.length) return null;
  const reads = (d: DatasetColumn['downstream']) =>
    [
      d.columns && `${d.columns} column${d.columns === 1 ? '' : 's'} in ${d.datasets} dataset${d.datasets === 1 ? '' : 's'}`,
      d.features && `${d.features} feature${d.features === 1 ? '' : 's'}`,
      d.models && `${d.models} model${d.models === 1 ? '' : 's'}`,
    ]
      .filter(Boolean)
      .join(', ') || 'nothing recorded';
  return (
    <section className="card-section">
      <h3>Schema</h3>
      <table className="list dataset-columns">
        <thead><tr><th>Column</th><th>Type</th><th>Description</th><th>Read directly by</th><th /></tr></thead>
        <tbody>
          {columns.map((c) => (
            <tr key={c.urn} data-field={c.fieldPath}>
              <td><code>{c.fieldPath}</code></td>
              <td>{c.type}</td>
              <td>{c.description}</td>
              <td className="column-reads">{reads(c.downstream)}</td>
              <td><Link href={`${entityPath(entity.urn, 'impact')}?${new URLSearchParams({ column: c.fieldPath }).toString()}`}>Impact →</Link></td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Views by GraphQL type; a type without one shows only its facts. */
export const TYPE_VIEWS: Record<string, (props: { entity: EntityDetails }) => React.ReactNode> = {
  Model: ModelCard,
  ModelGroup: GroupView,
  Run: RunView,
  Dataset: DatasetView,
};
