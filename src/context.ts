import type { Graph } from './graph';
import type { Logger } from './logger';

/** What every resolver gets. Built fresh per request, so DataLoader caches never leak between requests. */
export interface Context {
  graph: Graph;
  requestId: string;
  log: Logger;
}

export interface ContextDeps {
  graph: Graph;
  log: Logger;
}

/** Builds one request's context; per-request DataLoaders are created here. */
export function createContext(deps: ContextDeps, requestId: string): Context {
  return { graph: deps.graph, requestId, log: deps.log.child({ requestId }) };
}
