import fs from 'node:fs';
import path from 'node:path';
import { parseRole, Role } from './auth/role';
import { loadProvisionedTokens, type ProvisionedToken } from './auth/tokens';
import { DEFAULT_FAIR_USE, type FairUseLimits } from './graph/fair-use';
import { DEFAULT_READ_CACHE, type ReadCacheLimits } from './graph/read-cache';
import type { QueryLimits } from './http/limits.plugin';
import type { OperationLimits } from './http/operation-check';
import { DEFAULT_MAX_RESPONSE_BYTES } from './limits/answer-budget';
import type { ValidationLimits } from './http/validation-limits';
import type { ExecutorName } from './execution/compiled-executor';

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
  /** Answers of reads kept while the graph's version stays the same (src/graph/read-cache.ts); none when absent. */
  readCache?: ReadCacheLimits;
}

export interface LocalNeo4jConfig {
  home: string;
  host: string;
  port: number;
  heapMb: number;
  pagecacheMb: number;
}

/** Every limit a GraphQL request is checked against before it runs (README.md, "Security"). */
export type Limits = Required<QueryLimits> & OperationLimits & ValidationLimits;

/**
 * Defaults of MAX_QUERY_DEPTH, MAX_QUERY_COST, MAX_RESPONSE_BYTES, MAX_QUERY_TOKENS, MAX_QUERY_ALIASES,
 * MAX_QUERY_DIRECTIVES, MAX_REPEATED_FIELDS and MAX_QUERY_SELECTIONS: far above what the example
 * operations and GraphiQL's introspection need (at most 481 tokens, 12 levels, no repeats), and
 * low enough that the worst query within them is parsed and validated in milliseconds.
 */
export const DEFAULT_QUERY_LIMITS: Limits = {
  maxDepth: 12,
  maxCost: 1_000_000,
  maxResponseBytes: DEFAULT_MAX_RESPONSE_BYTES,
  maxTokens: 10_000,
  maxAliases: 100,
  maxDirectives: 50,
  maxRepeatedFields: 100,
  maxSelections: 5_000,
};

/** Timeouts of the HTTP server (node's http.Server), in milliseconds. */
export interface HttpTimeouts {
  /** Longest time to receive a request's headers (HTTP_HEADERS_TIMEOUT_MS). */
  headersTimeoutMs: number;
  /** Longest time to receive a whole request, body included (HTTP_REQUEST_TIMEOUT_MS). */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open (HTTP_KEEP_ALIVE_TIMEOUT_MS). */
  keepAliveTimeoutMs: number;
}

export const DEFAULT_HTTP_TIMEOUTS: HttpTimeouts = { headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000 };

export interface AuthConfig {
  /** Tokens provisioned from MLGRAPH_TOKENS / MLGRAPH_TOKENS_FILE (hashes only). */
  tokens: ProvisionedToken[];
  /** Role of requests without a token; null means they may do nothing. */
  anonymousRole: Role | null;
  /**
   * The open local default (no MLGRAPH_ANONYMOUS_ROLE, no provisioned tokens, loopback): requests
   * without a token get `anonymousRole` only if no live API token was stored when the server first
   * looked (Authenticator.roleOfAnonymous), so a restart after `mlgraph token create` requires tokens.
   */
  closedByStoredTokens?: boolean;
}

export interface Config {
  port: number;
  host: string;
  logLevel: string;
  bodyLimit: string;
  limits: Limits;
  http: HttpTimeouts;
  /** Serve GET /metrics (METRICS_ENABLED). */
  metrics: boolean;
  introspection: boolean;
  landingPage: boolean;
  /** What runs operations (GRAPHQL_EXECUTOR): compiled by graphql-jit (the default), or graphql-js. */
  executor: ExecutorName;
  /**
   * V8's heap growing factor as a percentage over 1 (HEAP_GROWING_PERCENT; 0: V8's own choice,
   * up to 4x what survived the last full collection). See src/index.ts.
   */
  heapGrowingPercent: number;
  /** How long a stop waits for requests in flight before it closes their connections (SHUTDOWN_GRACE_MS). */
  shutdownGraceMs: number;
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
  const http = {
    headersTimeoutMs: int(env, 'HTTP_HEADERS_TIMEOUT_MS', DEFAULT_HTTP_TIMEOUTS.headersTimeoutMs),
    requestTimeoutMs: int(env, 'HTTP_REQUEST_TIMEOUT_MS', DEFAULT_HTTP_TIMEOUTS.requestTimeoutMs),
    keepAliveTimeoutMs: int(env, 'HTTP_KEEP_ALIVE_TIMEOUT_MS', DEFAULT_HTTP_TIMEOUTS.keepAliveTimeoutMs),
  };
  if (http.requestTimeoutMs > 0 && http.headersTimeoutMs > http.requestTimeoutMs) {
    throw new Error(`HTTP_HEADERS_TIMEOUT_MS (${http.headersTimeoutMs}) must not exceed HTTP_REQUEST_TIMEOUT_MS (${http.requestTimeoutMs})`);
  }
  return {
    port: port(env, 'PORT', 4000),
    host,
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    bodyLimit: size(env, 'BODY_LIMIT', '32mb'),
    limits: {
      maxDepth: int(env, 'MAX_QUERY_DEPTH', DEFAULT_QUERY_LIMITS.maxDepth),
      maxCost: int(env, 'MAX_QUERY_COST', DEFAULT_QUERY_LIMITS.maxCost),
      maxResponseBytes: positiveInt(env, 'MAX_RESPONSE_BYTES', DEFAULT_QUERY_LIMITS.maxResponseBytes),
      maxTokens: int(env, 'MAX_QUERY_TOKENS', DEFAULT_QUERY_LIMITS.maxTokens),
      maxAliases: int(env, 'MAX_QUERY_ALIASES', DEFAULT_QUERY_LIMITS.maxAliases),
      maxDirectives: int(env, 'MAX_QUERY_DIRECTIVES', DEFAULT_QUERY_LIMITS.maxDirectives),
      maxRepeatedFields: int(env, 'MAX_REPEATED_FIELDS', DEFAULT_QUERY_LIMITS.maxRepeatedFields),
      maxSelections: int(env, 'MAX_QUERY_SELECTIONS', DEFAULT_QUERY_LIMITS.maxSelections),
    },
    http,
    metrics: bool(env, 'METRICS_ENABLED', true),
    introspection: bool(env, 'GRAPHQL_INTROSPECTION', !production),
    landingPage: bool(env, 'GRAPHQL_LANDING_PAGE', !production),
    executor: executorName(env),
    heapGrowingPercent: int(env, 'HEAP_GROWING_PERCENT', 100),
    shutdownGraceMs: int(env, 'SHUTDOWN_GRACE_MS', 30_000),
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
      readCache: {
        entries: int(env, 'READ_CACHE_ENTRIES', DEFAULT_READ_CACHE.entries),
        rows: positiveInt(env, 'READ_CACHE_ROWS', DEFAULT_READ_CACHE.rows),
      },
    },
    local: {
      home: path.resolve(PROJECT_ROOT, env.NEO4J_LOCAL_HOME ?? '.data/neo4j'),
      host: '127.0.0.1',
      port: port(env, 'NEO4J_LOCAL_PORT', 7687),
      heapMb: int(env, 'NEO4J_LOCAL_HEAP_MB', 1024),
      pagecacheMb: int(env, 'NEO4J_LOCAL_PAGECACHE_MB', 512),
    },
    auth: { tokens, ...anonymousRole(env, tokens.length > 0, host) },
  };
}

/**
 * MLGRAPH_ANONYMOUS_ROLE (none, reader, writer, admin) when set. Otherwise open (admin) only for the
 * local default: no provisioned tokens, listening on loopback, and no live API token stored
 * (closedByStoredTokens); any other setup requires tokens.
 */
function anonymousRole(env: NodeJS.ProcessEnv, hasTokens: boolean, host: string): Pick<AuthConfig, 'anonymousRole' | 'closedByStoredTokens'> {
  const raw = env.MLGRAPH_ANONYMOUS_ROLE;
  if (raw !== undefined && raw !== '') {
    if (raw.toLowerCase() === 'none') return { anonymousRole: null };
    const role = parseRole(raw);
    if (!role) throw new Error(`MLGRAPH_ANONYMOUS_ROLE must be none, reader, writer or admin, got "${raw}"`);
    return { anonymousRole: role };
  }
  return !hasTokens && isLoopbackAddress(host) ? { anonymousRole: Role.ADMIN, closedByStoredTokens: true } : { anonymousRole: null };
}

/** GRAPHQL_EXECUTOR: `compiled` (the default) or `graphql-js`. */
function executorName(env: NodeJS.ProcessEnv): ExecutorName {
  const raw = env.GRAPHQL_EXECUTOR;
  if (raw === undefined || raw === '') return 'compiled';
  if (raw === 'compiled' || raw === 'graphql-js') return raw;
  throw new Error(`GRAPHQL_EXECUTOR must be compiled or graphql-js, got "${raw}"`);
}

/** Whether listening on `host` (HOST) reaches this machine only. */
export function isLoopbackAddress(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '::1';
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

/** A TCP port, 1-65535 (0 for PORT: any free port). */
function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const n = int(env, name, fallback);
  if (n > 65_535 || (n === 0 && name !== 'PORT')) throw new Error(`${name} must be a TCP port (1-65535), got "${env[name]}"`);
  return n;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, values: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(values as readonly string[]).includes(raw)) throw new Error(`${name} must be one of ${values.join(', ')}, got "${raw}"`);
  return raw as T;
}

/** A size as Express's body parser reads it: a number of bytes, or with kb, mb or gb (`32mb`). */
function size(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+(\.\d+)?\s*(b|kb|mb|gb)?$/i.test(raw.trim())) throw new Error(`${name} must be a size such as 32mb, 500kb or 1048576, got "${raw}"`);
  return raw.trim();
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
