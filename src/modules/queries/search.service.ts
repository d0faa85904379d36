import type { Context } from '../../context';
import { int, queries } from '../../graph';
import type { SearchParams } from '../../graph/queries';
import { currentTypes, DEFAULT_STATUSES, ENTITY_TYPES } from '../../model/entity-type';
import type { EntityRecord } from '../entities/entity.loaders';
import { connection, type Connection } from './connection';
import { decodeCursor, encodeCursor } from './cursor';
import { hydrate } from './hydrate';
import { toLuceneQuery } from './lucene';
import { pageSize } from './page.args';
import type { SearchArgs } from './search.args';

export interface SearchEdgeValue {
  cursor: string;
  node: EntityRecord;
  score: number;
}

/**
 * One page of `search(query, types, statuses, first, after)` over the full-text index: best score
 * first, ties by URN. Cursors are offsets (relevance has no stable key), so a page asked for while
 * the index changes may shift by the entities written meanwhile. Text with no word to look for
 * returns no hits without querying. Throws BAD_USER_INPUT on `query` (too long) or `after`.
 */
export async function searchEntities(ctx: Context, args: SearchArgs): Promise<Connection<SearchEdgeValue>> {
  const offset = args.after ? (decodeCursor('search', args.after, 'n')[0] as number) + 1 : 0;
  const query = toLuceneQuery(args.query);
  const size = pageSize(args);
  if (query === null) return connection([], false, args.after, async () => 0);

  const params: SearchParams = {
    query,
    types: args.types?.length ? currentTypes(args.types)! : ENTITY_TYPES,
    statuses: args.statuses?.length ? [...new Set(args.statuses)] : [...DEFAULT_STATUSES],
  };
  const rows =
    size > 0 ? await ctx.graph.read(queries.searchEntitiesPage, { ...params, skip: int(offset), limit: int(size + 1) }) : [];
  const hits = rows.slice(0, size).map((r, i) => ({ ...r, position: offset + i }));
  const edges = (await hydrate(ctx, hits)).map(({ row, node }) => ({
    cursor: encodeCursor('search', [row.position]),
    node,
    score: row.score,
  }));
  return connection(edges, rows.length > size, args.after, async () => {
    const [row] = await ctx.graph.read(queries.searchEntitiesCount, params);
    return row?.total ?? 0;
  });
}
