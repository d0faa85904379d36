import { useEffect, useState, type FormEvent } from 'react';
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

/** Search as you type: the best matches under the box; Enter opens the full result list. */
export function SearchBox({ autoFocus = false }: { autoFocus?: boolean }) {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [, navigate] = useLocation();
  const query = useDebounced(text.trim(), 150);
  const { data, loading } = useGql<SearchData>(query ? SEARCH : null, { query, first: 8 });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    setOpen(false);
    navigate(`/search?q=${encodeURIComponent(text.trim())}`);
  };
  const hits = query && data ? data.search.edges : [];
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
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
      />
      {open && query && (
        <ul className="suggestions" role="listbox">
          {hits.map(({ node }) => (
            <li key={node.urn} role="option" aria-selected={false}>
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
