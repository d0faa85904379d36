import { useState, type FormEvent } from 'react';
import { useLocation, useSearch } from 'wouter';
import { BROWSE } from '../api/queries';
import { useGql } from '../api/use-gql';
import { EntityLink } from '../components/EntityLink';
import { ErrorBox, Loading } from '../components/Feedback';
import { Pager, usePager } from '../components/Pager';
import { KNOWN_TYPES, typeStyle } from '../lib/entity-types';
import { entityFilterInput, filterSearch, parseFilter, type BrowseFilter } from '../lib/filters';
import type { EntityRef } from '../lib/graph-assembly';

const PAGE = 25;
const ENVS = ['PROD', 'PRE', 'STG', 'UAT', 'QA', 'TEST', 'DEV', 'EI', 'NON_PROD', 'CORP'];
const STATUSES = ['ACTIVE', 'DEPRECATED', 'ARCHIVED'];

interface BrowseRow extends EntityRef {
  description?: string | null;
  tags: string[];
  owners: { id: string }[];
  platform?: string;
  env?: string;
  version?: string | null;
}

interface BrowseData {
  entities: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: BrowseRow }[] };
}

export function BrowsePage() {
  const search = useSearch();
  const [, navigate] = useLocation();
  const filter = parseFilter(search);
  const pager = usePager();
  const { data, error, loading } = useGql<BrowseData>(BROWSE, { filter: entityFilterInput(filter), first: PAGE, after: pager.after });
  const apply = (next: BrowseFilter) => navigate(`/browse${filterSearch(next)}`);
  return (
    <div className="browse">
      <FilterForm filter={filter} onApply={apply} />
      <section>
        <ErrorBox error={error} />
        {loading && !data && <Loading />}
        {data && (
          <>
            <p className="muted">{data.entities.totalCount.toLocaleString()} entities</p>
            <table className={loading ? "list stale" : "list"} data-testid="browse-results" aria-busy={loading}>
              <thead>
                <tr>
                  <th>Name</th>
                  <th>Type</th>
                  <th>Platform / env</th>
                  <th>Tags</th>
                  <th>Owners</th>
                </tr>
              </thead>
              <tbody>
                {data.entities.edges.map(({ node }) => (
                  <tr key={node.urn}>
                    <td>
                      <EntityLink entity={node} />
                      {node.version && <span className="muted"> v{node.version}</span>}
                    </td>
                    <td>{typeStyle(node.type).label}</td>
                    <td>{[node.platform, node.env].filter(Boolean).join(' / ')}</td>
                    <td>{node.tags.map((t) => <span key={t} className="tag">{t}</span>)}</td>
                    <td>{node.owners.map((o) => o.id).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager page={pager.page} pageSize={PAGE} total={data.entities.totalCount} hasNext={data.entities.pageInfo.hasNextPage} onNext={() => pager.next(data.entities.pageInfo.endCursor)} onPrevious={pager.previous} />
          </>
        )}
      </section>
    </div>
  );
}

function FilterForm({ filter, onApply }: { filter: BrowseFilter; onApply: (f: BrowseFilter) => void }) {
  const [draft, setDraft] = useState(filter);
  const [seen, setSeen] = useState(filter);
  if (filterSearch(seen) !== filterSearch(filter)) {
    setSeen(filter);
    setDraft(filter);
  }
  const toggle = (key: 'types' | 'statuses', value: string) => {
    const list = draft[key].includes(value) ? draft[key].filter((v) => v !== value) : [...draft[key], value];
    onApply({ ...draft, [key]: list });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(draft);
  };
  const text = (key: 'platform' | 'tag' | 'owner' | 'namePrefix', label: string) => (
    <label>
      {label}
      <input name={key} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
    </label>
  );
  return (
    <form className="filters" onSubmit={submit} aria-label="Filters">
      <fieldset>
        <legend>Type</legend>
        {KNOWN_TYPES.map((t) => (
          <label key={t} className="check">
            <input type="checkbox" checked={draft.types.includes(t)} onChange={() => toggle('types', t)} /> {typeStyle(t).label}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Status</legend>
        {STATUSES.map((s) => (
          <label key={s} className="check">
            <input type="checkbox" checked={draft.statuses.includes(s)} onChange={() => toggle('statuses', s)} /> {s.toLowerCase()}
          </label>
        ))}
        <div className="muted small">None ticked: active and deprecated.</div>
      </fieldset>
      {text('namePrefix', 'Name starts with')}
      {text('platform', 'Platform')}
      <label>
        Environment
        <select name="env" value={draft.env} onChange={(e) => onApply({ ...draft, env: e.target.value })}>
          <option value="">any</option>
          {ENVS.map((e) => (
            <option key={e}>{e}</option>
          ))}
        </select>
      </label>
      {text('tag', 'Tag')}
      {text('owner', 'Owner')}
      <div className="filter-actions">
        <button type="submit" className="primary">
          Apply
        </button>
        <button type="button" onClick={() => onApply(parseFilter(''))}>
          Clear
        </button>
      </div>
    </form>
  );
}
