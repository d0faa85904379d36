import { Role, type Principal } from './auth/role';
import type { Graph } from './graph';
import type { Logger } from './logger';
import { createAliasLoaders, type AliasLoaders } from './modules/aliases/alias.loaders';
import { createEntityLoaders, type EntityLoaders } from './modules/entities/entity.loaders';
import type { WriteWarning } from './modules/entities/write/write-plan';

/** What every resolver gets. Built fresh per request, so DataLoader caches never leak between requests. */
export interface Context {
  graph: Graph;
  requestId: string;
  log: Logger;
  loaders: EntityLoaders & AliasLoaders;
  /** Who is calling, and with which role. */
  principal: Principal;
  /** Principal recorded as createdBy/updatedBy and in history. */
  actor: string;
  /** See ContextDeps.authenticator. */
  authenticator?: { forget(): void };
  /** Non-fatal problems, sent back in the response's `extensions.warnings`. */
  warnings: WriteWarning[];
}

export interface ContextDeps {
  graph: Graph;
  log: Logger;
  /** Told when a token is revoked, so the revocation takes effect at once on this server. */
  authenticator?: { forget(): void };
}

/** The caller of in-process operations (tests, scripts): anonymous with every right. */
export const LOCAL_PRINCIPAL: Principal = { name: 'anonymous', role: Role.ADMIN, anonymous: true };

/**
 * Builds one request's context; per-request DataLoaders are created here. Everything the request
 * sends to Neo4j goes through its own bounded share of the pool (Graph.forRequest).
 */
export function createContext(deps: ContextDeps, requestId: string, principal: Principal = LOCAL_PRINCIPAL): Context {
  const graph = deps.graph.forRequest();
  return {
    principal,
    actor: principal.name,
    graph,
    requestId,
    log: deps.log.child({ requestId }),
    loaders: { ...createEntityLoaders(graph), ...createAliasLoaders(graph) },
    authenticator: deps.authenticator,
    warnings: [],
  };
}
