import { useEffect, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { useGql } from '../api/use-gql';
import { SEARCH } from '../api/queries';
import type { EntityRef } from '../lib/graph-assembly';
import { entityPath } from '../lib/paths';
import { StatusBadge, TypeTag } from './EntityLink';
import { TypeIcon } from './TypeIcon';

export interface SearchData {
  search: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { score: number; node: EntityRef & { description?: string | null; tags: string[] } }[];
  };
}

/** Waits until `value` has stopped changing for `ms`. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * Search as you type: the best matches under the box, chosen with the arrow keys or the mouse;
 * Enter opens the chosen match, or the full result list when none is chosen.
 */
export function SearchBox({ autoFocus = false }: { autoFocus?: boolean }) {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  /** The match chosen with the arrow keys, by its place in the list; -1: none. */
  const [active, setActive] = useState(-1);
  const [, navigate] = useLocation();
  const query = useDebounced(text.trim(), 150);
  const { data, loading } = useGql<SearchData>(query ? SEARCH : null, { query, first: 8 });
  const hits = query && data ? data.search.edges : [];
  const chosen = open && active >= 0 && active < hits.length ? hits[active].node : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    setOpen(false);
    navigate(chosen ? entityPath(chosen.urn) : `/search?q=${encodeURIComponent(text.trim())}`);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape') setOpen(false);
    else if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && hits.length) {
      e.preventDefault();
      setOpen(true);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => Math.min(hits.length - 1, Math.max(-1, a + step)));
    }
  };
  return (
    <form className="search-box" role="search" onSubmit={submit} onBlur={(e) => !e.currentTarget.contains(e.relatedTarget) && setOpen(false)}>
      <input
        type="search"
        name="q"
        aria-label="Search"
        placeholder="Search models, datasets, features…"
        autoComplete="off"
        autoFocus={autoFocus}
        value={text}
        role="combobox"
        aria-expanded={open && !!query}
        aria-controls="search-suggestions"
        aria-activedescendant={chosen ? `suggestion-${active}` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
      />
      {open && query && (
        <ul className="suggestions" role="listbox" id="search-suggestions">
          {hits.map(({ node }, i) => (
            <li key={node.urn} id={`suggestion-${i}`} role="option" aria-selected={i === active} className={i === active ? 'active' : undefined}>
              <Link href={entityPath(node.urn)} onClick={() => setOpen(false)} data-urn={node.urn}>
                <TypeIcon type={node.type} />
                <span className="name">{node.name}</span>
                <TypeTag type={node.type} />
                <StatusBadge status={node.status} />
              </Link>
            </li>
          ))}
          {!loading && data && hits.length === 0 && <li className="muted">No match for “{query}”</li>}
          {data && data.search.totalCount > hits.length && (
            <li>
              <Link href={`/search?q=${encodeURIComponent(query)}`} onClick={() => setOpen(false)}>
                All {data.search.totalCount.toLocaleString()} results →
              </Link>
            </li>
          )}
        </ul>
      )}
    </form>
  );
}
