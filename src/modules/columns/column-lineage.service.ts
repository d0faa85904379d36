import type { Context } from '../../context';
import { BadUserInputError } from '../../errors/errors';
import { queries } from '../../graph';
import { FIELD_PATH_PATTERN } from '../../model/columns';
import { EntityType } from '../../model/entity-type';
import { requireUrn } from '../entities/urn-arg';
import { decodeCursor } from '../lineage/lineage-page';
import { lineageLimits } from '../lineage/lineage.config';
import { WalkCache, walkCachePerServer, walkKey } from '../lineage/walk-cache';
import { answerOf, type LineageRequest, type LineageResultStub } from '../lineage/lineage.service';
import { LineageDirection } from '../lineage/lineage-steps';
import { walkAndPage } from '../lineage/walk-and-page';
import { columnPageOf } from './column-page';
import { walkColumns, type ColumnWalk, type Precision } from './column-walk';

/** A lineage request at column level: `columns` of a dataset root, or [] for a feature or model root. */
export interface ColumnLineageRequest extends LineageRequest {
  columns: string[];
}

/** A column walk's page: a lineage result with counts by type and precision. */
export interface ColumnLineageStub extends LineageResultStub {
  columns: string[];
  countsByPrecision: { type: EntityType; precision: Precision; count: number }[];
}

/**
 * Walks lineage at column level from `request.columns` of `request.urn` (README, "Columns") and
 * returns one page of stubs like `lineage` does, each item with its precision. The root check, the
 * column check, the walk and the page's entities share one read transaction, queued for the walk
 * limits like every walk. A complete walk is kept as entity walks are (WalkCache, under the graph's
 * version, in a cache of its own), so later pages and the same question again skip it. BAD_USER_INPUT (field
 * `columns`) when a dataset root names no column or a column it never had, or another root names
 * any; (field `version`) with `version`, which column walks do not take; NOT_FOUND without a root.
 */
export async function columnLineage(ctx: Context, request: ColumnLineageRequest): Promise<ColumnLineageStub> {
  requireUrn(request.urn, 'urn');
  if (request.after) decodeCursor(request.after);
  if (request.version != null) throw new BadUserInputError('a column-level walk does not take version; leave one of them out', 'version');
  const columns = [...new Set(request.columns)];
  for (const c of columns) if (!FIELD_PATH_PATTERN.test(c)) throw new BadUserInputError(`"${c}" is not a field path`, 'columns');
  const limits = lineageLimits();
  const options = { ...limits, direction: request.direction, maxDepth: request.maxDepth, statuses: request.statuses, asOf: request.asOf ?? null };
  const { walk, page, records } = await walkAndPage(ctx, {
    name: request.direction === LineageDirection.UPSTREAM ? 'columnLineageUpstream' : 'columnLineageDownstream',
    urn: request.urn,
    key: JSON.stringify([walkKey(request.urn, options), [...columns].sort()]),
    cache: limits.cacheWalks > 0 ? columnWalkCacheOf(ctx.graph, limits) : null,
    check: async (tx, root) => {
      if (root.type === EntityType.DATASET) {
        if (!columns.length) throw new BadUserInputError('name at least one column of the dataset', 'columns');
        const known = new Set((await tx.run(queries.columnsKnown, { dataset: request.urn, fields: columns })).map((r) => r.field));
        const unknown = columns.filter((c) => !known.has(c));
        if (unknown.length) throw new BadUserInputError(`${request.urn} has no column ${unknown.map((c) => `"${c}"`).join(', ')}`, 'columns');
      } else if (columns.length) {
        throw new BadUserInputError(`only a dataset has columns; give columns: [] to walk a ${root.type} at column level`, 'columns');
      }
    },
    walk: (tx, root) => walkColumns(tx, request.urn, root.type as EntityType, columns, options),
    page: (w) => columnPageOf(w, request),
  });
  return answerOf({ root: request.urn, columns, ...page, isPartial: walk.isPartial, partialReason: walk.partialReason }, request, records);
}

/**
 * The column walk cache of the server `graph` belongs to (one per server). A column walk's entity
 * holds what of it is affected and the column edges of its hop: it counts 3 against the bound, as
 * it takes about 500 bytes of heap where an entity walk's takes 200 (`npm run bench:cache-memory
 * -- --size 100k --column c_10`).
 */
const COLUMN_ENTITY_UNITS = 3;
const columnWalkCacheOf = walkCachePerServer((limits) => new WalkCache<ColumnWalk>(limits.cacheWalks, limits.cacheEntities, (w) => w.nodes.size * COLUMN_ENTITY_UNITS));
