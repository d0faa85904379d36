import { Link } from 'wouter';
import { typeCountsQuery } from '../api/queries';
import { useGql } from '../api/use-gql';
import { ErrorBox } from '../components/Feedback';
import { SearchBox } from '../components/SearchBox';
import { TypeIcon } from '../components/TypeIcon';
import { KNOWN_TYPES, typeStyle } from '../lib/entity-types';

const COUNTS = typeCountsQuery(KNOWN_TYPES);

export function HomePage() {
  const { data, error } = useGql<Record<string, { totalCount: number }>>(COUNTS);
  return (
    <div className="home">
      <h1>Machine-learning lineage</h1>
      <p className="muted">Find a model, dataset or feature, see what produced it and what breaks if it changes.</p>
      <div className="home-search">
        <SearchBox autoFocus />
      </div>
      <ErrorBox error={error} />
      <div className="tiles">
        {KNOWN_TYPES.map((type) => {
          const style = typeStyle(type);
          return (
            <Link key={type} href={`/browse?type=${type}`} className="tile" style={{ borderTopColor: style.colour }}>
              <TypeIcon type={type} size={28} />
              <span className="tile-count">{data ? data[type].totalCount.toLocaleString() : '…'}</span>
              <span>{style.plural}</span>
            </Link>
          );
        })}
      </div>
    </div>
  );
}
