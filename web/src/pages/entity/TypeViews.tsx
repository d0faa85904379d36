import type { EntityRef } from '../../lib/graph-assembly';
import { EntityLink } from '../../components/EntityLink';
import { formatTime, NamedValues } from './Facts';
import { CardSections, List, MetricsTable, type CardFields } from './ModelCardSections';
import type { EntityDetails, NamedValue } from './entity.types';

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

/** A dataset's columns. */
export function DatasetView({ entity }: { entity: EntityDetails }) {
  const fields = (entity.schemaFields ?? []) as { name: string; type: string; description?: string | null }[];
  if (!fields.length) return null;
  return (
    <section className="card-section">
      <h3>Schema</h3>
      <table className="list">
        <thead><tr><th>Column</th><th>Type</th><th>Description</th></tr></thead>
        <tbody>
          {fields.map((f) => (
            <tr key={f.name}><td><code>{f.name}</code></td><td>{f.type}</td><td>{f.description}</td></tr>
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
