import { requireRole } from '../../../auth/authorization.plugin';
import { Role, type Principal } from '../../../auth/role';
import { Status } from '../../../model/entity-type';

/**
 * Archiving is an admin's decision, so is undoing it: leaving ARCHIVED and changing an archived
 * entity (its fields, its relationship sets, an edge to or from it, its aliases) need the ADMIN role.
 * Throws FORBIDDEN naming the first ARCHIVED entity among `changed` (UNAUTHENTICATED for an anonymous
 * caller) unless `principal` is an ADMIN. Call it inside the write transaction, after the locks and
 * before the first write, so a refusal writes nothing. An absent principal is an in-process caller
 * (scripts, benchmarks, test seeding) with every right.
 */
export function requireAdminForArchived(
  principal: Principal | undefined,
  changed: Iterable<string>,
  statusOf: (urn: string) => unknown,
): void {
  if (!principal) return;
  for (const urn of changed) {
    if (statusOf(urn) === Status.ARCHIVED) requireRole(principal, Role.ADMIN, `Changing the ARCHIVED entity ${urn}`);
  }
}
