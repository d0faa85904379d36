import { randomUUID } from 'node:crypto';
import type { Context } from '../context';
import { BadUserInputError, NotFoundError } from '../errors/errors';
import { queries } from '../graph';
import { requireRole } from './authorization.plugin';
import { principalProblem } from './principal-name';
import { Role } from './role';
import { generateToken, hashToken } from './tokens';

/**
 * Creates a token for `principal` (ADMIN only; reserved names such as "anonymous" are BAD_USER_INPUT);
 * the secret is returned once and stored as a hash.
 */
export async function createApiToken(ctx: Context, principal: string, role: Role) {
  requireRole(ctx.principal, Role.ADMIN, 'Creating a token');
  const problem = principalProblem(principal);
  if (problem) throw new BadUserInputError(problem, 'principal');
  const token = generateToken();
  const [row] = await ctx.graph.write(queries.tokenCreate, {
    id: randomUUID(),
    principal,
    role,
    hash: hashToken(token),
    actor: ctx.actor,
    now: new Date(),
  });
  return { ...row, role: row.role as Role, createdBy: ctx.actor, revokedAt: null, token };
}

/** Revokes a token (ADMIN only); it stops working within a few seconds on every replica. */
export async function revokeApiToken(ctx: Context, id: string) {
  requireRole(ctx.principal, Role.ADMIN, 'Revoking a token');
  const [row] = await ctx.graph.write(queries.tokenRevoke, { id, actor: ctx.actor, now: new Date() });
  if (!row) throw new NotFoundError(`No token with id ${id}`, [id], 'id');
  ctx.authenticator?.forget(); // other replicas stop accepting it within the lookup cache time (5 s)
  return true;
}

/** Every token, newest first, without secrets (ADMIN only). */
export async function listApiTokens(ctx: Context) {
  requireRole(ctx.principal, Role.ADMIN, 'Listing tokens');
  const rows = await ctx.graph.read(queries.tokensList, {});
  return rows.map((r) => ({ ...r, role: r.role as Role }));
}
