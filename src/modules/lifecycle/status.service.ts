import { requireRole } from '../../auth/authorization.plugin';
import { Role } from '../../auth/role';
import { forgetReads, type Context } from '../../context';
import { queries } from '../../graph';
import { BadUserInputError, NotFoundError } from '../../errors/errors';
import { ENTITY_LABELS } from '../../model/entity-fields';
import { Status, type EntityType } from '../../model/entity-type';
import { parseUrn } from '../../model/urn';
import type { EntityRecord } from '../entities/entity.loaders';
import { requireAdminForArchived } from '../entities/write/archived-guard';
import type { FieldChange } from '../entities/write/write-plan';

/**
 * Sets the lifecycle status of one entity (there is no hard delete) and returns it as stored. In
 * one transaction, under the entity's lock: stores `status` and `statusReason`, bumps the revision
 * and records a STATUS_CHANGED history entry carrying the reason. Setting the status an entity
 * already has is a no-op (no revision, no history, the stored reason kept). NOT_FOUND for an
 * unknown URN. Archiving and leaving ARCHIVED need the ADMIN role (see Role); deprecating and
 * reactivating a deprecated entity need WRITER.
 */
export async function setStatus(ctx: Context, urn: string, status: Status, reason: string | null = null): Promise<EntityRecord> {
  if (status === Status.ARCHIVED) requireRole(ctx.principal, Role.ADMIN, 'Archiving');
  if (!parseUrn(urn)) throw new BadUserInputError(`"${urn}" is not a valid URN`, 'urn', { urn });

  await ctx.graph.writeTransaction('setStatus', async (tx) => {
    const [ref] = await tx.run(queries.entityRefs, { urns: [urn] });
    if (!ref?.type) throw new NotFoundError(`Unknown URN: ${urn}`, [urn], 'urn');
    const [locked] = await tx.run(queries.entityLock, { urns: [urn] });
    const old = locked.props!;
    if (old.status !== status) {
      requireAdminForArchived(ctx.principal, [urn], () => old.status); // leaving ARCHIVED
      const now = new Date();
      const revision = ((old.revision as number | undefined) ?? 0) + 1;
      const changes: FieldChange[] = [{ field: 'status', old: old.status ?? null, new: status }];
      if ((old.statusReason ?? null) !== reason) changes.push({ field: 'statusReason', old: old.statusReason ?? null, new: reason });
      const label = ENTITY_LABELS[ref.type as EntityType];
      await tx.run(queries.entityWrite, {
        now,
        actor: ctx.actor,
        rows: [{ urn, label, props: { status, statusReason: reason }, revision, created: false }],
      });
      await tx.run(queries.historyRecord, {
        now,
        actor: ctx.actor,
        source: 'api',
        changes: [{ urn, revision, action: 'STATUS_CHANGED', changes: JSON.stringify(changes), reason }],
      });
    }
  });

  forgetReads(ctx);
  const stored = await ctx.loaders.entity.load(urn);
  if (!stored) throw new NotFoundError(`${urn} vanished after its status was set`, [urn]);
  return stored;
}
