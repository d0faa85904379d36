import { totalCountResolver } from './connection';
import { EntityConnection } from './entity-connection.type';
import { EntityHistoryResolver } from './entity-history.resolver';
import { HistoryConnection } from './history.types';
import { QueriesResolver } from './queries.resolver';
import { SearchConnection } from './search-connection.type';

export const queryResolvers = [
  QueriesResolver,
  EntityHistoryResolver,
  totalCountResolver(EntityConnection, 'How many entities match the filter, over all pages.'),
  totalCountResolver(SearchConnection, 'How many entities match the search, over all pages.'),
  totalCountResolver(HistoryConnection, 'How many change records the entity has.'),
];
