import { useState } from 'react';

/**
 * Keyset paging for Relay connections: the cursors of the pages seen so far, so "Previous" goes
 * back without offsets. `after` is the cursor to pass for the current page.
 */
export function usePager(resetKey: string) {
  const [state, setState] = useState<{ key: string; stack: (string | null)[] }>({ key: resetKey, stack: [null] });
  const stack = state.key === resetKey ? state.stack : [null];
  return {
    after: stack[stack.length - 1],
    page: stack.length,
    next: (cursor: string | null | undefined) => cursor && setState({ key: resetKey, stack: [...stack, cursor] }),
    previous: () => stack.length > 1 && setState({ key: resetKey, stack: stack.slice(0, -1) }),
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
