import type { Context } from '../../context';
import { int, queries } from '../../graph';
import type { BrowseFilterParams, BrowseKey } from '../../graph/queries';
import { currentTypes, DEFAULT_STATUSES, ENTITY_TYPES } from '../../model/entity-type';
import { recordOf, type EntityRecord } from '../entities/entity.loaders';
import { connection, type Connection } from './connection';
import { decodeCursor, encodeCursor } from './cursor';
import type { EntityFilter } from './entity-filter.input';
import { hydrate } from './hydrate';
import { pageSize, type PageArgs } from './page.args';

export interface EntityEdgeValue {
  cursor: string;
  node: EntityRecord;
}

/**
 * One page of `entities(filter, first, after)`, ordered by type, then name, then URN (code point
 * order). Cursors are keyset positions, so paging while others write never repeats or skips an
 * entity that existed throughout. Nodes come from the request's entity loader.
 * Throws BAD_USER_INPUT on `after` for a cursor that is not one of this list.
 */
export async function listEntities(
  ctx: Context,
  filter: EntityFilter | null | undefined,
  page: PageArgs,
): Promise<Connection<EntityEdgeValue>> {
  const where = browseFilter(filter);
  const after = page.after ? entityKeyOf(page.after) : null;
  const size = pageSize(page);
  const params = { ...where, after, limit: int(size + 1), fields: ctx.scope.projection };
  // A platform's entities are read (and counted) from their index (migration 0010), not from every entity of the type.
  const rows =
    size === 0 ? [] : where.platform !== null ? await ctx.graph.read(queries.browseEntitiesPageOfPlatform, { ...params, platform: where.platform }) : await ctx.graph.read(queries.browseEntitiesPage, params);
  // The rows carry the page's entities: primed, the loader sends nothing more for them.
  for (const row of rows) ctx.loaders.entity.prime(row.urn, recordOf(row, ctx.scope.projection));
  const hydrated = await hydrate(ctx, rows.slice(0, size));
  const edges = hydrated.map(({ row, node }) => ({ cursor: entityCursor(row), node }));
  return connection(edges, rows.length > size, page.after, async () => {
    const [row] = where.platform !== null ? await ctx.graph.read(queries.browseEntitiesCountOfPlatform, { ...where, platform: where.platform }) : await ctx.graph.read(queries.browseEntitiesCount, where);
    return row?.total ?? 0;
  });
}

/** The statement parameters of a filter: defaults applied, absent criteria as null. */
export function browseFilter(filter: EntityFilter | null | undefined): BrowseFilterParams {
  return {
    types: filter?.types?.length ? currentTypes(filter.types)! : ENTITY_TYPES,
    statuses: filter?.statuses?.length ? [...new Set(filter.statuses)] : [...DEFAULT_STATUSES],
    platform: filter?.platform ?? null,
    env: filter?.env ?? null,
    tag: filter?.tag ?? null,
    owner: filter?.owner ?? null,
    namePrefix: filter?.namePrefix ?? null,
  };
}

function entityCursor(key: BrowseKey): string {
  return encodeCursor('entities', [key.type, key.name, key.urn]);
}

function entityKeyOf(cursor: string): BrowseKey {
  const [type, name, urn] = decodeCursor('entities', cursor, 'sss') as string[];
  return { type, name, urn };
}
