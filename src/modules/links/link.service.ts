import { forgetReads, type Context } from '../../context';
import { BadUserInputError, NotFoundError } from '../../errors/errors';
import { isLegalRelationship } from '../../model/relationship-type';
import { applyWrites } from '../entities/write/entity-writer';
import { edgePropsGiven } from '../entities/write/write-checks';
import { eventTimeOf } from '../entities/write/event-time';
import type { LinkArgs } from './link.args';
import type { LinkResult } from './link-result.type';
import { requireUrn } from '../entities/urn-arg';

/**
 * Opens (`link`) or closes (`unlink`) one edge in one transaction. Idempotent: linking an open edge
 * or unlinking an absent one changes nothing (`changed: false`). Closing keeps the edge with
 * `validTo`; linking again opens a new edge. Illegal combinations are BAD_USER_INPUT naming the
 * argument, unknown URNs NOT_FOUND; linking to an ARCHIVED entity is refused, to a DEPRECATED one
 * adds a warning.
 */
export async function changeLink(ctx: Context, op: 'link' | 'unlink', args: LinkArgs): Promise<LinkResult> {
  const { from, relationship, to } = args;
  const fromType = requireUrn(from, 'from').type;
  const toType = requireUrn(to, 'to').type;
  if (!isLegalRelationship(relationship, fromType, toType)) {
    throw new BadUserInputError(`${relationship} cannot go from a ${fromType} to a ${toType}`, 'relationship');
  }
  if (from === to) throw new BadUserInputError(`${from} cannot be related to itself`, 'to');

  const properties = op === 'link' && args.properties ? edgePropsGiven(args.properties) : undefined;
  const at = eventTimeOf(args.eventTime, 'eventTime');
  const outcome = await applyWrites(ctx.graph, [], [{ from, type: relationship, to, op, path: op, at, ...(properties && { properties }) }], {
    actor: ctx.actor,
    principal: ctx.principal,
    source: 'api',
  });
  ctx.warnings.push(...outcome.warnings);

  forgetReads(ctx);
  const [fromEntity, toEntity] = await ctx.loaders.entity.loadMany([from, to]);
  if (!fromEntity || fromEntity instanceof Error || !toEntity || toEntity instanceof Error) {
    throw new NotFoundError(`${from} or ${to} vanished after the ${op}`, [from, to]);
  }
  return { from: fromEntity, relationship, to: toEntity, changed: outcome.updated.includes(from) };
}
