import { useEffect, useMemo, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { gql, GqlFailure } from '../api/client';
import { useTokenState } from '../api/token';
import { EntityLink } from '../components/EntityLink';
import { ErrorBox, Loading } from '../components/Feedback';
import { TypeIcon } from '../components/TypeIcon';
import { isoToLocalInput, localInputToIso } from '../lib/as-of';
import { KNOWN_TYPES, typeStyle } from '../lib/entity-types';
import type { EntityRef } from '../lib/graph-assembly';
import { ciGateQuery, groupImpact, impactCsv, impactJson, impactQuery, type ImpactArgs, type ImpactItem } from '../lib/impact';
import { entityPath, idePath } from '../lib/paths';

/** The view loads at most this many items (20 pages); past it it says how many it left out. */
const MAX_ITEMS = 10_000;

interface ImpactPage {
  impact: {
    total: number;
    isPartial: boolean;
    partialReason: string | null;
    countsByType: { type: string; count: number }[];
    countsByPrecision?: { type: string; precision: 'COLUMN' | 'DATASET'; count: number }[] | null;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    items: ImpactItem[];
  };
}

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** "What breaks if this changes": everything downstream, grouped by type, with counts and exports. */
export function ImpactPage({ urn }: { urn: string }) {
  const params = new URLSearchParams(useSearch());
  const [, navigate] = useLocation();
  const { version } = useTokenState();
  const types = params.getAll('type');
  const asOf = params.get('asOf') ?? undefined;
  const columns = params.getAll('column');
  const args: ImpactArgs = useMemo(
    () => ({ urn, ...(types.length ? { types } : {}), ...(asOf ? { asOf } : {}), ...(columns.length ? { columns } : {}) }),
    [urn, types.join(), asOf, columns.join('\n')],
  );
  const { query, variables } = impactQuery(args);
  const gate = ciGateQuery(args);
  const [state, setState] = useState<{ head?: ImpactPage['impact']; items: ImpactItem[]; done: boolean; error?: GqlFailure }>({ items: [], done: false });

  useEffect(() => {
    const controller = new AbortController();
    setState({ items: [], done: false });
    (async () => {
      let after: string | null = null;
      const items: ImpactItem[] = [];
      for (;;) {
        const { data }: { data: ImpactPage } = await gql<ImpactPage>(query, { ...variables, after }, controller.signal);
        items.push(...data.impact.items);
        setState({ head: data.impact, items: [...items], done: false });
        if (!data.impact.pageInfo.hasNextPage || items.length >= MAX_ITEMS) break;
        after = data.impact.pageInfo.endCursor;
      }
      setState((s) => ({ ...s, done: true }));
    })().catch((err) => {
      if (!controller.signal.aborted) setState((s) => ({ ...s, done: true, error: err instanceof GqlFailure ? err : new GqlFailure(String(err), 'NETWORK') }));
    });
    return () => controller.abort();
  }, [query, JSON.stringify(variables), version]);

  const groups = useMemo(() => groupImpact(state.items), [state.items]);
  const setTypes = (next: string[]) => {
    const p = new URLSearchParams(params);
    p.delete('type');
    next.forEach((t) => p.append('type', t));
    navigate(`${entityPath(urn, 'impact')}?${p.toString()}`, { replace: true });
  };
  const head = state.head;
  return (
    <div className="impact-page">
      <h1>
        What breaks if {columns.length ? (columns.length === 1 ? 'this column changes' : 'these columns change') : 'this changes'}?{' '}
        <Link href={entityPath(urn)} className="small">{urn}</Link>
      </h1>
      {columns.length > 0 && (
        <p className="column-scope" data-testid="impact-columns">
          Columns: {columns.map((c) => <code key={c}>{c}</code>)}. Each item says how it was reached: <span className="precision COLUMN">COLUMN</span> when
          column lineage proves every hop, <span className="precision DATASET">DATASET</span> where a hop had no column mapping and the whole
          dataset was followed. <Link href={entityPath(urn, 'impact')}>Whole dataset →</Link>
        </p>
      )}
      <div className="impact-controls">
        <span>Types:</span>
        {KNOWN_TYPES.map((t) => (
          <label key={t} className="check">
            <input type="checkbox" checked={types.includes(t)} onChange={() => setTypes(types.includes(t) ? types.filter((x) => x !== t) : [...types, t])} /> {typeStyle(t).plural}
          </label>
        ))}
        <label>
          As of
          <input type="datetime-local" step={1} value={asOf ? isoToLocalInput(asOf) : ''} onChange={(e) => {
            const p = new URLSearchParams(params);
            const iso = localInputToIso(e.target.value);
            if (iso) p.set('asOf', iso);
            else p.delete('asOf');
            navigate(`${entityPath(urn, 'impact')}?${p.toString()}`, { replace: true });
          }} />
        </label>
        <Link href={entityPath(urn, 'lineage')}>Lineage graph →</Link>
      </div>
      <ErrorBox error={state.error} />
      {!head && !state.error && <Loading what="impact" />}
      {head && (
        <>
          {head.isPartial && (
            <div className="warning partial" role="alert" data-testid="partial-banner">
              <strong>Partial result:</strong> {head.partialReason}
            </div>
          )}
          <section className="gate" data-testid="impact-counts">
            <div className="gate-total">
              <span className="big" data-testid="impact-total">{head.total.toLocaleString()}</span> affected
              {head.countsByType.map((c) => (
                <span key={c.type} className="gate-count" data-type={c.type}>
                  <TypeIcon type={c.type} /> {c.count.toLocaleString()} {c.count === 1 ? typeStyle(c.type).label.toLowerCase() : typeStyle(c.type).plural.toLowerCase()}
                </span>
              ))}
            </div>
            {head.countsByPrecision && (
              <div className="gate-total" data-testid="impact-precision">
                {(['COLUMN', 'DATASET'] as const).map((p) => (
                  <span key={p} className="gate-count">
                    <span className={`precision ${p}`}>{p}</span> {head.countsByPrecision!.filter((c) => c.precision === p).reduce((n, c) => n + c.count, 0).toLocaleString()}
                  </span>
                ))}
              </div>
            )}
            <div className="gate-actions">
              <button type="button" onClick={() => download('impact.csv', 'text/csv', impactCsv(state.items))} disabled={!state.done}>
                Export CSV
              </button>
              <button type="button" onClick={() => download('impact.json', 'application/json', impactJson(args, head, state.items))} disabled={!state.done}>
                Export JSON
              </button>
            </div>
            {state.items.length < head.total && state.done && (
              <p className="warning">Showing the nearest {state.items.length.toLocaleString()} of {head.total.toLocaleString()}; the exports hold the same.</p>
            )}
          </section>
          {groups.map((g) => (
            <section key={g.type} className="impact-group" data-type={g.type}>
              <h2>
                <TypeIcon type={g.type} size={20} /> {typeStyle(g.type).plural} <span className="count">{g.items.length}</span>
              </h2>
              <table className="list">
                <thead><tr><th>Degree</th><th>Entity</th>{columns.length > 0 && <th>Precision</th>}<th>Path from the root</th></tr></thead>
                <tbody>
                  {g.items.map((i) => (
                    <tr key={i.entity.urn} data-urn={i.entity.urn} className="impact-item">
                      <td className="num">{i.degree}</td>
                      <td><EntityLink entity={i.entity} /></td>
                      {columns.length > 0 && <td><span className={`precision ${i.precision ?? ''}`} data-testid="item-precision">{i.precision}</span></td>}
                      <td className="path">
                        {i.path.map((h, k) => (
                          <span key={k}>
                            {k === 0 && <span className="hop">{h.from.name}</span>}
                            <span className="rel"> –{h.relationship}→ </span>
                            <span className="hop">{h.to.name}</span>
                          </span>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
          {state.done && head.total === 0 && <p className="muted">Nothing downstream: no entity depends on this one.</p>}
          <details className="query-box" open>
            <summary>The GraphQL query behind this view</summary>
            <pre data-testid="impact-query">{query}</pre>
            <pre>{JSON.stringify(variables, null, 2)}</pre>
            <a className="button" href={idePath(query, variables)}>Open in the GraphQL IDE</a>
            <h3>For a CI gate (counts only)</h3>
            <pre data-testid="gate-query">{gate.query}</pre>
            <pre>{JSON.stringify(gate.variables, null, 2)}</pre>
          </details>
        </>
      )}
    </div>
  );
}
