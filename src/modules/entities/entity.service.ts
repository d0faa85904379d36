import { forgetReads, type Context } from '../../context';
import { NotFoundError } from '../../errors/errors';
import type { EntityType } from '../../model/entity-type';
import type { EntityRecord } from './entity.loaders';
import { applyWrites } from './write/entity-writer';
import { toEntityWrite } from './write/to-entity-write';
import { requireUrn } from './urn-arg';
import { keysAhead } from './lookahead';
import type { GraphQLResolveInfo } from 'graphql';

/**
 * Creates or updates one entity of `type` from a validated upsert input, in one transaction, and
 * returns it as stored. Warnings (e.g. a DEPRECATED reference) go to the response extensions.
 */
export async function upsertEntity(ctx: Context, type: EntityType, input: object, onCreate?: Readonly<Record<string, string>>): Promise<EntityRecord> {
  const write = toEntityWrite(type, input as Record<string, unknown>, 'input', onCreate);
  const outcome = await applyWrites(ctx.graph, [write], [], { actor: ctx.actor, principal: ctx.principal, source: 'api' });
  ctx.warnings.push(...outcome.warnings);
  forgetReads(ctx);
  const stored = await ctx.loaders.entity.load(write.urn);
  if (!stored) throw new NotFoundError(`${write.urn} vanished after it was written`, [write.urn]);
  return stored;
}

/**
 * The entity at `urn`, read with the relationship lists the field of `info` selects on it (one
 * statement for an entity and its tabs, lookahead.ts); without `info`, as the entity loader reads it.
 */
export function loadWithLists(ctx: Context, urn: string, info?: GraphQLResolveInfo): Promise<EntityRecord | null> {
  const keys = info ? keysAhead(info, urn) : [];
  if (keys.length) ctx.scope.ahead.set(urn, keys);
  return ctx.loaders.entity.load(urn);
}

/**
 * The entity at `urn` if it is of `type` (typed getters such as `dataset(urn)`), else null (clients
 * ask typed getters with URNs of any type and read null); BAD_USER_INPUT for text that is no URN.
 */
export async function getEntityOfType(ctx: Context, type: EntityType, urn: string, info?: GraphQLResolveInfo): Promise<EntityRecord | null> {
  requireUrn(urn, 'urn');
  const entity = await loadWithLists(ctx, urn, info);
  return entity && entity.type === type ? entity : null;
}
