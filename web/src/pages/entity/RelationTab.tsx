import { useMemo, useState } from 'react';
import { relationQuery } from '../../api/queries';
import { useGql } from '../../api/use-gql';
import { EntityLink } from '../../components/EntityLink';
import { ErrorBox, Loading, Warnings } from '../../components/Feedback';
import { Pager } from '../../components/Pager';
import type { EntityRef } from '../../lib/graph-assembly';

const PAGE = 50;

/** One relationship list of an entity, 50 at a time in URN order (`after` is the last URN seen). */
export function RelationTab({ urn, typename, field, count }: { urn: string; typename: string; field: string; count: number }) {
  const { query, paged } = useMemo(() => relationQuery(typename, field), [typename, field]);
  const [afters, setAfters] = useState<(string | null)[]>([null]);
  const after = afters[afters.length - 1];
  const { data, error, loading, warnings } = useGql<{ entity: { items: EntityRef[] | EntityRef | null } | null }>(
    query,
    paged ? { urn, first: PAGE, after } : { urn },
  );
  const raw = data?.entity?.items;
  const items = raw ? (Array.isArray(raw) ? raw : [raw]) : [];
  return (
    <div data-testid={`relation-${field}`}>
      <ErrorBox error={error} />
      <Warnings warnings={warnings} />
      {loading && !data && <Loading />}
      {data && items.length === 0 && <p className="muted">None.</p>}
      <ul className="results">
        {items.map((e) => (
          <li key={e.urn}>
            <EntityLink entity={e} showType />
          </li>
        ))}
      </ul>
      {paged && count > PAGE && (
        <Pager
          page={afters.length}
          pageSize={PAGE}
          total={count}
          hasNext={items.length === PAGE && afters.length * PAGE < count}
          onNext={() => setAfters([...afters, items[items.length - 1].urn])}
          onPrevious={() => setAfters(afters.slice(0, -1))}
        />
      )}
    </div>
  );
}
