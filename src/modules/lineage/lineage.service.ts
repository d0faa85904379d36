import type { Context } from '../../context';
import { NotFoundError } from '../../errors/errors';
import type { GraphTransaction } from '../../graph';
import type { EntityType, Status } from '../../model/entity-type';
import type { EntityRecord } from '../entities/entity.loaders';
import { decodeCursor, pageOf, type HopStub, type ItemStub, type LineagePage, type PageRecords } from './lineage-page';
import { lineageLimits } from './lineage.config';
import { LineageDirection } from './lineage-steps';
import { walkIn } from './lineage-walk';
import { loadEntities } from './page-records';
import { walkAndPage } from './walk-and-page';
import { extendWalk } from './walk-extension';
import { LineageHop, LineageItem, LineageResult } from './lineage.types';
import { WalkCache, walkCachePerServer, walkKey } from './walk-cache';
import { asInstance } from '../entities/graphql/entity-classes';
import { requireUrn } from '../entities/urn-arg';

export interface LineageRequest {
  urn: string;
  direction: LineageDirection;
  maxDepth: number;
  types?: EntityType[] | null;
  statuses: Status[];
  asOf?: Date | null;
  /** Only root edges recording this version (see WalkOptions.version). */
  version?: string | null;
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
 * Walks lineage from `request.urn` and returns one page of stubs (DataHub-style: the field
 * resolvers hydrate them through the entity loader). The root check, the walk and the loading of
 * the page's entities (items and path hops, into the request's loader) share one read transaction,
 * so a page costs one transaction whatever its size (levels of 1,000 entities or more add
 * concurrent statements, see walkIn). A complete walk is kept (WalkCache) under the graph's
 * version, so later pages and repeated questions skip the walk until a write changes what it
 * reached (a walk of the graph as it is now: its signature, walk-and-page.ts) or, for a walk at an
 * instant or of a pinned version, until the next write anywhere.
 * NOT_FOUND when the root does not exist; BAD_USER_INPUT for a foreign cursor. A walk cut by a
 * server limit is returned with isPartial. Walks queue for the walk limits (Graph.walk):
 * UNAVAILABLE with Retry-After when the server is full.
 */
export async function lineage(ctx: Context, request: LineageRequest): Promise<LineageResultStub> {
  requireUrn(request.urn, 'urn');
  if (request.after) decodeCursor(request.after);
  const limits = lineageLimits();
  const options = { ...limits, direction: request.direction, maxDepth: request.maxDepth, statuses: request.statuses, asOf: request.asOf ?? null, version: request.version ?? null };
  const { walk, page, records } = await walkAndPage(ctx, {
    name: request.direction === LineageDirection.UPSTREAM ? 'lineageUpstream' : 'lineageDownstream',
    urn: request.urn,
    key: walkKey(request.urn, options),
    cache: limits.cacheWalks > 0 ? walkCacheOf(ctx.graph, limits) : null,
    walk: (tx) => walkIn(tx, request.urn, options, ctx.graph.insideUnit()),
    page: (w) => pageOf(w, request),
    typeOf: (w, urn) => w.reached.get(urn)?.type,
    // Writes of this process that only add entities and edges extend a kept walk of the graph as
    // it is now (walk-extension.ts); at an instant or of a pinned version, they are walked again.
    extend: options.asOf === null && options.version === null ? (w, deltas) => extendWalk(w, options, deltas) : undefined,
    // A walk of the graph as it is now is kept on across writes that do not touch it; one at an
    // instant, or of a pinned version, is kept under the version alone (an edge moved in time, or
    // a version recorded on an edge, shows in no count).
    sign:
      options.asOf === null && options.version === null
        ? { side: request.direction === LineageDirection.UPSTREAM ? 'upstream' : 'downstream', entities: (w) => [request.urn, ...w.reached.keys()] }
        : undefined,
  });
  return answerOf({ root: request.urn, ...page, isPartial: walk.isPartial, partialReason: walk.partialReason }, request, records);
}

/**
 * A walk's page as the answer: the result, its items and their hops made instances of their
 * GraphQL classes (type-graphql hands those to field resolvers as they are, anything else it
 * copies into a new instance on every field: thousands per impact page), each holding the page's
 * `records` and each hop how the walk went (for its stored edge). Other own fields of `result`
 * (column walks' precision and columns) are kept.
 */
export function answerOf<T extends LineageResultStub>(result: T, request: Pick<LineageRequest, 'direction' | 'asOf'>, records: PageRecords): T {
  // A kept page answered from the same records (a question asked again: walk-and-page.ts, fromHeld)
  // gets the items made for it the first time: the page comes from one walk, so the direction and
  // instant are the same too, and nothing changes items once made.
  const byRecords = answeredItems.get(result.items) ?? answeredItems.set(result.items, new WeakMap()).get(result.items)!;
  let items = byRecords.get(records);
  if (!items) {
    const walked = { direction: request.direction, asOf: request.asOf ?? null };
    items = result.items.map((item) =>
      asInstance<ItemStub>(LineageItem, item, { records, path: item.path.map((hop) => asInstance<HopStub>(LineageHop, hop, { walked, records })) }),
    );
    byRecords.set(records, items);
  }
  return asInstance<T>(LineageResult, result, { items });
}

const answeredItems = new WeakMap<readonly ItemStub[], WeakMap<PageRecords, ItemStub[]>>();

/** The walk cache of the server `graph` belongs to (one per server). */
const walkCacheOf = walkCachePerServer((limits) => new WalkCache(limits.cacheWalks, limits.cacheEntities));

/** Loads the root into the request's loader inside `tx`; NOT_FOUND (on `urn`) when it does not exist. */
export async function requireRoot(ctx: Context, tx: GraphTransaction, urn: string): Promise<void> {
  await loadEntities(ctx, tx, [urn]);
  if (!(await ctx.loaders.entity.load(urn))) throw new NotFoundError(`No entity has the URN ${urn}`, [urn], 'urn');
}

/**
 * The entity at `urn` for a field of a lineage answer: from the page's records when the service
 * read it with the page (no promise, no loader call: an impact page has thousands of such
 * fields), else through the loader. Counted into the answer either way.
 */
export function heldEntity(ctx: Context, records: PageRecords | undefined, urn: string): EntityRecord | Promise<EntityRecord> {
  const held = records?.get(urn);
  if (!held) return entityOf(ctx, urn);
  ctx.scope.answer.charge(held);
  return held;
}

/** The hydrated entity at `urn`; lineage only reaches stored entities, so a miss is a bug. */
export async function entityOf(ctx: Context, urn: string): Promise<EntityRecord> {
  const entity = await ctx.loaders.entity.load(urn);
  if (!entity) throw new Error(`lineage reached ${urn}, which is not stored`);
  return entity;
}
