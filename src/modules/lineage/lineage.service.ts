import type { Context } from '../../context';
import { NotFoundError } from '../../errors/errors';
import type { EntityType, Status } from '../../model/entity-type';
import type { EntityRecord } from '../entities/entity.loaders';
import { decodeCursor, pageOf, urnsOnPage, type LineagePage } from './lineage-page';
import { lineageLimits } from './lineage.config';
import type { LineageDirection } from './lineage-steps';
import { walkLineage } from './lineage-walk';

export interface LineageRequest {
  urn: string;
  direction: LineageDirection;
  maxDepth: number;
  types?: EntityType[] | null;
  statuses: Status[];
  asOf?: Date | null;
  first: number;
  after?: string | null;
}

/** A lineage result before hydration: URNs that the field resolvers load through the loaders. */
export interface LineageResultStub extends LineagePage {
  root: string;
  isPartial: boolean;
  partialReason: string | null;
}

/**
 * Walks lineage from `request.urn` and returns one page of stubs (DataHub-style: the loaders
 * hydrate them). NOT_FOUND when the root does not exist; BAD_USER_INPUT for a foreign cursor.
 * A walk cut by a server limit is returned with isPartial and logged.
 */
export async function lineage(ctx: Context, request: LineageRequest): Promise<LineageResultStub> {
  if (request.after) decodeCursor(request.after);
  await requireEntity(ctx, request.urn);
  const walk = await walkLineage(ctx.graph, request.urn, {
    direction: request.direction,
    maxDepth: request.maxDepth,
    statuses: request.statuses,
    asOf: request.asOf ?? null,
    ...lineageLimits(),
  });
  if (walk.isPartial) {
    ctx.log.warn({ urn: request.urn, direction: request.direction, reason: walk.partialReason }, 'lineage walk cut by a server limit');
  }
  const page = pageOf(walk, request);
  return { root: request.urn, ...page, isPartial: walk.isPartial, partialReason: walk.partialReason };
}

/** The entity at `urn`, or NOT_FOUND naming it (on the `urn` argument). */
export async function requireEntity(ctx: Context, urn: string): Promise<EntityRecord> {
  const entity = await ctx.loaders.entity.load(urn);
  if (!entity) throw new NotFoundError(`No entity has the URN ${urn}`, [urn], 'urn');
  return entity;
}

/**
 * Loads every entity a page shows (items and path hops) in one batch, so the field resolvers that
 * follow find them in the request's loader cache.
 */
export async function preloadPage(ctx: Context, page: LineagePage): Promise<void> {
  await ctx.loaders.entity.loadMany(urnsOnPage(page));
}

/** The hydrated entity at `urn`; lineage only reaches stored entities, so a miss is a bug. */
export async function entityOf(ctx: Context, urn: string): Promise<EntityRecord> {
  const entity = await ctx.loaders.entity.load(urn);
  if (!entity) throw new Error(`lineage reached ${urn}, which is not stored`);
  return entity;
}
