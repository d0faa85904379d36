import { useEffect, useState } from 'react';
import { HISTORY } from '../../api/queries';
import { useGql } from '../../api/use-gql';
import { ErrorBox, Loading } from '../../components/Feedback';
import { formatTime } from './Facts';

interface Change {
  revision: number;
  at: string;
  actor: string;
  action: string;
  reason?: string | null;
  source: string;
  changes: { field: string; old: unknown; new: unknown }[];
}

interface HistoryData {
  history: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: Change }[] };
}

function value(v: unknown): string {
  if (v === null || v === undefined) return '∅';
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/** Who changed what and when, newest first, 20 records at a time. */
export function HistoryTimeline({ urn }: { urn: string }) {
  const [after, setAfter] = useState<string | null>(null);
  const [seen, setSeen] = useState<Change[]>([]);
  const { data, error, loading } = useGql<HistoryData>(HISTORY, { urn, first: 20, after });
  useEffect(() => {
    if (data) setSeen((s) => [...(after ? s : []), ...data.history.edges.map((e) => e.node)]);
  }, [data, after]);
  return (
    <div data-testid="history">
      <ErrorBox error={error} />
      {loading && !seen.length && <Loading />}
      {data && <p className="muted">{data.history.totalCount} changes</p>}
      <ol className="timeline">
        {seen.map((c) => (
          <li key={c.revision + c.at}>
            <div className="timeline-head">
              <strong>{c.action}</strong> by <strong>{c.actor}</strong> <span className="muted">· {formatTime(c.at)} · revision {c.revision} · via {c.source}</span>
            </div>
            {c.reason && <div className="prose">“{c.reason}”</div>}
            {c.changes.length > 0 && (
              <table className="changes">
                <tbody>
                  {c.changes.map((ch, i) => (
                    <tr key={i}>
                      <th>{ch.field}</th>
                      <td className="old">{value(ch.old)}</td>
                      <td>→</td>
                      <td className="new">{value(ch.new)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </li>
        ))}
      </ol>
      {data?.history.pageInfo.hasNextPage && (
        <button type="button" onClick={() => setAfter(data.history.pageInfo.endCursor)} disabled={loading}>
          Older changes
        </button>
      )}
    </div>
  );
}
