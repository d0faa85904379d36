import type { Graph } from './graph';
import type { Logger } from './logger';
import { createEntityLoaders, type EntityLoaders } from './modules/entities/entity.loaders';
import type { WriteWarning } from './modules/entities/write/write-plan';

/** What every resolver gets. Built fresh per request, so DataLoader caches never leak between requests. */
export interface Context {
  graph: Graph;
  requestId: string;
  log: Logger;
  loaders: EntityLoaders;
  /** Principal recorded as createdBy/updatedBy and in history. */
  actor: string;
  /** Non-fatal problems, sent back in the response's `extensions.warnings`. */
  warnings: WriteWarning[];
}

export interface ContextDeps {
  graph: Graph;
  log: Logger;
}

/** Builds one request's context; per-request DataLoaders are created here. */
export function createContext(deps: ContextDeps, requestId: string, actor = 'anonymous'): Context {
  return {
    graph: deps.graph,
    requestId,
    log: deps.log.child({ requestId }),
    loaders: createEntityLoaders(deps.graph),
    actor,
    warnings: [],
  };
}
