import { Role, type Principal } from './auth/role';
import type { Graph } from './graph';
import { createModelVersionLoaders, type ModelVersionLoaders } from './kinds/model-group/model-versions.loaders';
import { AnswerBudget } from './limits/answer-budget';
import type { Logger } from './logger';
import { createAliasLoaders, type AliasLoaders } from './modules/aliases/alias.loaders';
import { createColumnLoaders, type ColumnLoaders } from './modules/columns/column.loaders';
import { createEdgeLoaders, type EdgeLoaders } from './modules/entities/edge.loaders';
import { createEntityLoaders, type EntityLoaders, type RelatedKey } from './modules/entities/entity.loaders';
import { FULL_PROJECTION, type Projection } from './modules/entities/projection';
import type { WriteWarning } from './modules/entities/write/write-plan';

/** What every resolver gets. Built fresh per request, so DataLoader caches never leak between requests. */
export interface Context {
  graph: Graph;
  requestId: string;
  log: Logger;
  loaders: EntityLoaders & EdgeLoaders & AliasLoaders & ModelVersionLoaders & ColumnLoaders;
  /** See RequestScope: a box shared by reference, because Apollo runs an operation on a shallow copy of the context. */
  scope: RequestScope;
  /** Who is calling, and with which role. */
  principal: Principal;
  /** Principal recorded as createdBy/updatedBy and in history. */
  actor: string;
  /** See ContextDeps.authenticator. */
  authenticator?: { forget(): void };
  /** Non-fatal problems, sent back in the response's `extensions.warnings`. */
  warnings: WriteWarning[];
}

/**
 * What the request's loaders read (`projection`, set from the operation before it runs by
 * projectionPlugin; every stored property when there is no operation) and what its answer may
 * carry (`answer`, limited by responseSizePlugin).
 */
export interface RequestScope {
  projection: Projection;
  answer: AnswerBudget;
  /**
   * Relationship lists the next entity load of a URN reads in the same statement, priming the
   * relationship loader (set by getters from their selection: src/modules/entities/lookahead.ts).
   * Nothing is read ahead for an entity already loaded: its resolvers read the lists as usual.
   */
  ahead: Map<string, RelatedKey[]>;
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
  const ctx: Context = {
    principal,
    actor: principal.name,
    graph,
    requestId,
    log: deps.log.child({ requestId }),
    loaders: undefined as never,
    scope: { projection: FULL_PROJECTION, answer: new AnswerBudget(), ahead: new Map() },
    authenticator: deps.authenticator,
    warnings: [],
  };
  ctx.loaders = {
    ...createEntityLoaders(graph, ctx.scope),
    ...createEdgeLoaders(graph),
    ...createAliasLoaders(graph),
    ...createModelVersionLoaders(graph),
    ...createColumnLoaders(graph),
  };
  return ctx;
}

/**
 * Forgets everything the request's loaders have read: called after each write, so that the rest of
 * the request (the mutation's answer, later fields) reads entities, relationship lists, counts,
 * aliases, group versions and columns as they are now.
 */
export function forgetReads(ctx: Pick<Context, 'loaders'>): void {
  for (const loader of Object.values(ctx.loaders)) loader.clearAll();
}
