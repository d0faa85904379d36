import { requireRole } from '../../auth/authorization.plugin';
import { Role } from '../../auth/role';
import { forgetReads, type Context } from '../../context';
import { NotFoundError } from '../../errors/errors';
import { Status } from '../../model/entity-type';
import type { EntityRecord } from '../entities/entity.loaders';
import { requireAdminForArchived } from '../entities/write/archived-guard';
import { lockedWrite } from '../entities/write/locked-write';
import type { FieldChange } from '../entities/write/write-plan';
import { requireUrn } from '../entities/urn-arg';

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
  requireUrn(urn, 'urn');

  await lockedWrite(ctx.graph, 'setStatus', { actor: ctx.actor, source: 'api' }, async (write) => {
    await write.references([urn], () => 'urn');
    const old = (await write.lock([urn])).get(urn)!;
    if (old.status === status) return;
    requireAdminForArchived(ctx.principal, [urn], () => old.status); // leaving ARCHIVED
    const changes: FieldChange[] = [{ field: 'status', old: old.status ?? null, new: status }];
    if ((old.statusReason ?? null) !== reason) changes.push({ field: 'statusReason', old: old.statusReason ?? null, new: reason });
    write.record({ urn, props: { status, statusReason: reason }, changes, action: 'STATUS_CHANGED', reason });
  });

  forgetReads(ctx);
  const stored = await ctx.loaders.entity.load(urn);
  if (!stored) throw new NotFoundError(`${urn} vanished after its status was set`, [urn]);
  return stored;
}
