import { Link, useSearch } from 'wouter';
import { SEARCH } from '../api/queries';
import { useGql } from '../api/use-gql';
import { EntityLink } from '../components/EntityLink';
import { ErrorBox, Loading } from '../components/Feedback';
import { Pager, usePager } from '../components/Pager';
import type { SearchData } from '../components/SearchBox';
import { KNOWN_TYPES, typeStyle } from '../lib/entity-types';

const PAGE = 20;

export function SearchPage() {
  const params = new URLSearchParams(useSearch());
  const q = (params.get('q') ?? '').trim();
  const types = params.getAll('type');
  const pager = usePager();
  const { data, error, loading } = useGql<SearchData>(q ? SEARCH : null, {
    query: q,
    types: types.length ? types : null,
    first: PAGE,
    after: pager.after,
  });
  const href = (type?: string) => `/search?q=${encodeURIComponent(q)}${type ? `&type=${type}` : ''}`;
  return (
    <div>
      <h1>Search: “{q}”</h1>
      <div className="chips">
        <Link href={href()} className={types.length ? 'chip' : 'chip active'}>
          All types
        </Link>
        {KNOWN_TYPES.map((t) => (
          <Link key={t} href={href(t)} className={types.includes(t) ? 'chip active' : 'chip'}>
            {typeStyle(t).plural}
          </Link>
        ))}
      </div>
      <ErrorBox error={error} />
      {loading && !data && <Loading />}
      {data && (
        <>
          <p className="muted">{data.search.totalCount.toLocaleString()} results</p>
          <ul className={loading ? "results stale" : "results"} data-testid="search-results" aria-busy={loading}>
            {data.search.edges.map(({ node }) => (
              <li key={node.urn}>
                <EntityLink entity={node} showType />
                {node.description && <div className="muted clamp">{node.description}</div>}
                {node.tags.length > 0 && <div className="tags">{node.tags.map((t) => <span key={t} className="tag">{t}</span>)}</div>}
              </li>
            ))}
          </ul>
          <Pager page={pager.page} pageSize={PAGE} total={data.search.totalCount} hasNext={data.search.pageInfo.hasNextPage} onNext={() => pager.next(data.search.pageInfo.endCursor)} onPrevious={pager.previous} />
        </>
      )}
    </div>
  );
}
