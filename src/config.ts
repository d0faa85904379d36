import fs from 'node:fs';
import path from 'node:path';
import { parseRole, Role } from './auth/role';
import { loadProvisionedTokens, type ProvisionedToken } from './auth/tokens';
import { DEFAULT_FAIR_USE, type FairUseLimits } from './graph/fair-use';
import { DEFAULT_MAX_RESPONSE_BYTES } from './http/response-size.plugin';

/** Where the local Neo4j keeps its data when no external NEO4J_URI is given. */
export const PROJECT_ROOT = findProjectRoot(__dirname);

export interface Neo4jConfig {
  /** Bolt URI of an external Neo4j; undefined means "start the local one". */
  uri?: string;
  user: string;
  password: string;
  database: string;
  /** Per-transaction timeout sent with every query, in milliseconds. */
  queryTimeoutMs: number;
  /** How long the driver retries a transaction on transient errors (e.g. a lost connection). */
  maxRetryMs: number;
  /** One request's and the process's share of Neo4j; defaults when absent. */
  fairUse?: FairUseLimits;
}

export interface LocalNeo4jConfig {
  home: string;
  host: string;
  port: number;
  heapMb: number;
  pagecacheMb: number;
}

/** Defaults of MAX_QUERY_DEPTH and MAX_QUERY_COST. */
export const DEFAULT_QUERY_LIMITS = { maxDepth: 12, maxCost: 1_000_000, maxResponseBytes: DEFAULT_MAX_RESPONSE_BYTES };

export interface AuthConfig {
  /** Tokens provisioned from MLGRAPH_TOKENS / MLGRAPH_TOKENS_FILE (hashes only). */
  tokens: ProvisionedToken[];
  /** Role of requests without a token; null means they may do nothing. */
  anonymousRole: Role | null;
}

export interface Config {
  port: number;
  host: string;
  logLevel: string;
  bodyLimit: string;
  limits: { maxDepth: number; maxCost: number; maxResponseBytes?: number };
  introspection: boolean;
  landingPage: boolean;
  neo4j: Neo4jConfig;
  local: LocalNeo4jConfig;
  auth: AuthConfig;
}

/**
 * Reads the configuration from environment variables (documented in README.md, "Configuration").
 * Throws an Error naming the variable when a value is malformed.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const host = env.HOST ?? '127.0.0.1';
  const tokens = loadProvisionedTokens(env);
  return {
    port: int(env, 'PORT', 4000),
    host,
    logLevel: env.LOG_LEVEL ?? 'info',
    bodyLimit: env.BODY_LIMIT ?? '32mb',
    limits: {
      maxDepth: int(env, 'MAX_QUERY_DEPTH', DEFAULT_QUERY_LIMITS.maxDepth),
      maxCost: int(env, 'MAX_QUERY_COST', DEFAULT_QUERY_LIMITS.maxCost),
      maxResponseBytes: positiveInt(env, 'MAX_RESPONSE_BYTES', DEFAULT_QUERY_LIMITS.maxResponseBytes),
    },
    introspection: bool(env, 'GRAPHQL_INTROSPECTION', !production),
    landingPage: bool(env, 'GRAPHQL_LANDING_PAGE', !production),
    neo4j: {
      uri: env.NEO4J_URI || undefined,
      user: env.NEO4J_USER ?? 'neo4j',
      password: env.NEO4J_PASSWORD ?? '',
      database: env.NEO4J_DATABASE ?? 'neo4j',
      queryTimeoutMs: int(env, 'NEO4J_QUERY_TIMEOUT_MS', 30_000),
      maxRetryMs: int(env, 'NEO4J_MAX_RETRY_MS', 5_000),
      fairUse: {
        sessionsPerRequest: positiveInt(env, 'NEO4J_SESSIONS_PER_REQUEST', DEFAULT_FAIR_USE.sessionsPerRequest),
        walksPerRequest: positiveInt(env, 'LINEAGE_WALKS_PER_REQUEST', DEFAULT_FAIR_USE.walksPerRequest),
        walks: positiveInt(env, 'LINEAGE_MAX_WALKS', DEFAULT_FAIR_USE.walks),
        walkQueueMs: int(env, 'LINEAGE_QUEUE_MS', DEFAULT_FAIR_USE.walkQueueMs),
      },
    },
    local: {
      home: path.resolve(PROJECT_ROOT, env.NEO4J_LOCAL_HOME ?? '.data/neo4j'),
      host: '127.0.0.1',
      port: int(env, 'NEO4J_LOCAL_PORT', 7687),
      heapMb: int(env, 'NEO4J_LOCAL_HEAP_MB', 1024),
      pagecacheMb: int(env, 'NEO4J_LOCAL_PAGECACHE_MB', 512),
    },
    auth: { tokens, anonymousRole: anonymousRole(env, tokens.length > 0, host) },
  };
}

/**
 * MLGRAPH_ANONYMOUS_ROLE (none, reader, writer, admin) when set. Otherwise open (admin) only for the
 * local default: no provisioned tokens and listening on loopback; any other setup requires tokens.
 */
function anonymousRole(env: NodeJS.ProcessEnv, hasTokens: boolean, host: string): Role | null {
  const raw = env.MLGRAPH_ANONYMOUS_ROLE;
  if (raw !== undefined && raw !== '') {
    if (raw.toLowerCase() === 'none') return null;
    const role = parseRole(raw);
    if (!role) throw new Error(`MLGRAPH_ANONYMOUS_ROLE must be none, reader, writer or admin, got "${raw}"`);
    return role;
  }
  const loopback = host === '127.0.0.1' || host === 'localhost' || host === '::1';
  return !hasTokens && loopback ? Role.ADMIN : null;
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const n = int(env, name, fallback);
  if (n < 1) throw new Error(`${name} must be at least 1, got "${env[name]}"`);
  return n;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new Error(`${name} must be true or false, got "${raw}"`);
}

function findProjectRoot(start: string): string {
  // Works from src/ under ts-jest and from dist/src/ after a build.
  let dir = start;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'cypher'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the project root (a folder with cypher/) above ${start}`);
    dir = parent;
  }
}
