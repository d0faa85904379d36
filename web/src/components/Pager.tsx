import { useLocation, useSearch } from 'wouter';
import { cursorsOf, withCursors } from '../lib/url-pages';

/**
 * Keyset paging for Relay connections, kept in the URL (lib/url-pages.ts): "Next" adds the page's
 * end cursor, "Previous" drops the last one, each as a step in the browser's history. Anything
 * that changes the rest of the query string (filters, a search) starts again at page 1.
 */
export function usePager() {
  const search = useSearch();
  const [location, navigate] = useLocation();
  const cursors = cursorsOf(search);
  const go = (next: string[]) => navigate(`${location}${withCursors(search, next)}`);
  return {
    after: cursors[cursors.length - 1] ?? null,
    page: cursors.length + 1,
    next: (cursor: string | null | undefined) => cursor && go([...cursors, cursor]),
    previous: () => cursors.length > 0 && go(cursors.slice(0, -1)),
  };
}

export function Pager({
  page,
  pageSize,
  total,
  hasNext,
  onNext,
  onPrevious,
}: {
  page: number;
  pageSize: number;
  total?: number;
  hasNext: boolean;
  onNext: () => void;
  onPrevious: () => void;
}) {
  const from = (page - 1) * pageSize + 1;
  return (
    <div className="pager">
      <button type="button" onClick={onPrevious} disabled={page <= 1}>
        ← Previous
      </button>
      <span>
        Page {page}
        {total !== undefined && total > 0 && ` · ${from.toLocaleString()}–${Math.min(from + pageSize - 1, total).toLocaleString()} of ${total.toLocaleString()}`}
      </span>
      <button type="button" onClick={onNext} disabled={!hasNext}>
        Next →
      </button>
    </div>
  );
}
