/** Deepest walk the API accepts; also what `impact` walks by default (the full blast radius). */
export const LINEAGE_MAX_DEPTH = 1000;
/** Default depth of `lineage`. */
export const LINEAGE_DEFAULT_DEPTH = 3;
/** Default and largest page size. */
export const LINEAGE_DEFAULT_PAGE = 100;
export const LINEAGE_MAX_PAGE = 1000;
/** Default and largest number of entities lineageGraph draws on each side (a drawing, not a report). */
export const LINEAGE_GRAPH_DEFAULT_NODES = 500;
export const LINEAGE_GRAPH_MAX_NODES = 5000;

/** Server limits on one walk (past the first two the result is marked partial), and its fan-out. */
export interface LineageLimits {
  /** Most entities one walk collects (LINEAGE_MAX_NODES, default 100000). */
  maxNodes: number;
  /** Longest one walk may run, in ms, checked between statements (LINEAGE_TIME_BUDGET_MS, default 10000). */
  budgetMs: number;
  /** Concurrent statements a level of 1,000 entities or more is split into (LINEAGE_PARALLELISM, default 2). */
  parallelism: number;
  /** Complete walks kept per server for later pages and repeated questions (LINEAGE_CACHE_WALKS, default 1,000; 0: none). */
  cacheWalks: number;
  /** Most reached entities kept over all cached walks (LINEAGE_CACHE_ENTITIES, default 500000). */
  cacheEntities: number;
}

/**
 * Reads the limits from the environment (documented in README, "Configuration"). Cheap enough to
 * read on every walk, which lets tests lower them; throws naming a malformed variable.
 */
export function lineageLimits(env: NodeJS.ProcessEnv = process.env): LineageLimits {
  return {
    maxNodes: positive(env, 'LINEAGE_MAX_NODES', 100_000),
    budgetMs: positive(env, 'LINEAGE_TIME_BUDGET_MS', 10_000),
    parallelism: positive(env, 'LINEAGE_PARALLELISM', 2),
    cacheWalks: positive(env, 'LINEAGE_CACHE_WALKS', 1000, 0),
    cacheEntities: positive(env, 'LINEAGE_CACHE_ENTITIES', 500_000),
  };
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 1): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer of at least ${min}, got "${raw}"`);
  return n;
}
