import { forgetReads, type Context } from '../../context';
import { BadUserInputError } from '../../errors/errors';
import { KINDS } from '../../kinds';
import type { EntityKind } from '../../model/entity-kind';
import type { EntityType } from '../../model/entity-type';
import { edgePropsGiven } from '../entities/write/write-checks';
import { eventTimeOf } from '../entities/write/event-time';
import { applyWrites } from '../entities/write/entity-writer';
import { toEntityWrite } from '../entities/write/to-entity-write';
import type { EntityWrite, LinkWrite } from '../entities/write/write-plan';
import { MAX_INGEST_ENTITIES, type IngestBatchInput } from './ingest-batch.input';
import type { IngestResult } from './ingest-result.type';

/**
 * Applies every entity and link of a batch (already validated by class-validator, every nested
 * input included) through ONE applyWrites call: all of it is written or none. Entities and links
 * may reference each other in any order. Errors name their place in the batch, e.g.
 * `batch.models.3.groups`. With `dryRun` the transaction is rolled back and the counts say what
 * would have been written. `eventTime` dates every entity and link that gives none of its own.
 */
export async function ingest(ctx: Context, batch: IngestBatchInput, dryRun: boolean, eventTime?: Date | null): Promise<IngestResult> {
  const batchAt = eventTimeOf(eventTime, 'eventTime');
  const entities: EntityWrite[] = [];
  for (const { type, ingestList: list } of KINDS) {
    (batch[list] ?? []).forEach((input, i) =>
      entities.push(toEntityWrite(type as EntityType, input as Record<string, unknown>, `batch.${list}.${i}`, undefined, batchAt)),
    );
  }
  for (const { type, formerly } of KINDS as readonly EntityKind[]) {
    if (!formerly) continue;
    (batch[formerly.ingestList] ?? []).forEach((input, i) =>
      entities.push(toEntityWrite(type as EntityType, input as Record<string, unknown>, `batch.${formerly.ingestList}.${i}`, formerly.onCreate, batchAt)),
    );
  }
  if (entities.length > MAX_INGEST_ENTITIES) {
    throw new BadUserInputError(`A batch takes at most ${MAX_INGEST_ENTITIES} entities, got ${entities.length}`, 'batch');
  }
  const links: LinkWrite[] = (batch.links ?? []).map((l, i) => ({
    from: l.from,
    type: l.relationship,
    to: l.to,
    op: 'link',
    path: `batch.links.${i}`,
    at: eventTimeOf(l.eventTime, `batch.links.${i}.eventTime`) ?? batchAt,
    ...(l.properties && { properties: edgePropsGiven(l.properties) }),
  }));

  const outcome = await applyWrites(ctx.graph, entities, links, { actor: ctx.actor, principal: ctx.principal, source: 'batch', dryRun });
  ctx.warnings.push(...outcome.warnings);
  if (!dryRun) forgetReads(ctx);
  return {
    created: outcome.created.length,
    updated: outcome.updated.length,
    unchanged: outcome.unchanged.length,
    createdUrns: outcome.created,
    updatedUrns: outcome.updated,
    unchangedUrns: outcome.unchanged,
    warnings: outcome.warnings,
    dryRun: outcome.dryRun,
  };
}
