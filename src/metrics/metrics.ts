import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Every Prometheus metric mlgraph exports, on one registry per server (GET /metrics). Add a metric
 * here, as a field of Metrics, and update it where the event happens. Label values come from
 * bounded sets only: error codes, limit names, Cypher query names, and operation names through
 * {@link Metrics.operationLabel}, never raw client input.
 */
export interface Metrics {
  registry: Registry;
  /** GraphQL operations Apollo handled, by operation name and type (query, mutation, none). */
  requests: Counter<'operation' | 'type'>;
  requestSeconds: Histogram<'operation' | 'type'>;
  /** Errors sent to clients, by `extensions.code` (requests refused before Apollo included). */
  errors: Counter<'code'>;
  /** Requests refused by a limit, by the limit's name (tokens, aliases, depth, cost, bodySize...). */
  refusals: Counter<'limit'>;
  /** Cypher statements that completed, by query name (src/graph/queries.ts). */
  statements: Counter<'query'>;
  statementSeconds: Histogram<'query'>;
  /** An operation's name as a label: at most MAX_OPERATION_NAMES distinct ones, then "(other)". */
  operationLabel(name: string | null | undefined): string;
}

/** Operation names are chosen by clients; past this many distinct ones they share one label. */
export const MAX_OPERATION_NAMES = 200;
const MAX_NAME_LENGTH = 64;

/** What runs on Neo4j now (Graph.statementsInFlight, Graph.walksInFlight), read when Prometheus scrapes. */
export interface InFlight {
  statementsInFlight: number;
  walksInFlight: number;
  /** The read cache's counts (Graph.readCache), when it is on. */
  readCache?: { hits: number; misses: number; size: number };
}

/**
 * A fresh registry with mlgraph's metrics and Node's default process metrics (CPU, memory, event
 * loop lag, GC); with `inFlight`, gauges of the sessions and lineage walks running now. The
 * driver does not expose its pool, so sessions in use stand for its connections in use.
 */
export function createMetrics(inFlight?: InFlight): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const seconds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
  const names = new Set<string>();
  if (inFlight) {
    new Gauge({
      name: 'mlgraph_neo4j_sessions_in_use',
      help: 'Neo4j sessions (transactions or auto-commit statements) open now; each holds one pooled connection.',
      registers,
      collect() {
        this.set(inFlight.statementsInFlight);
      },
    });
    new Gauge({
      name: 'mlgraph_lineage_walks_in_flight',
      help: 'Lineage walks (lineage, impact, lineageGraph) running now.',
      registers,
      collect() {
        this.set(inFlight.walksInFlight);
      },
    });
    new Counter({
      name: 'mlgraph_read_cache_reads_total',
      help: 'Cached reads of query operations: answered from the read cache (hit) or read from Neo4j (miss).',
      labelNames: ['outcome'],
      registers,
      collect() {
        const cache = inFlight.readCache;
        this.reset();
        if (!cache) return;
        this.inc({ outcome: 'hit' }, cache.hits);
        this.inc({ outcome: 'miss' }, cache.misses);
      },
    });
    new Gauge({
      name: 'mlgraph_read_cache_entries',
      help: 'Answers the read cache keeps now.',
      registers,
      collect() {
        this.set(inFlight.readCache?.size ?? 0);
      },
    });
  }
  return {
    registry,
    requests: new Counter({ name: 'mlgraph_graphql_requests_total', help: 'GraphQL operations handled, by operation name and type.', labelNames: ['operation', 'type'], registers }),
    requestSeconds: new Histogram({
      name: 'mlgraph_graphql_request_duration_seconds',
      help: 'Time from receiving a GraphQL operation to sending its answer, by operation name and type.',
      labelNames: ['operation', 'type'],
      buckets: seconds,
      registers,
    }),
    errors: new Counter({ name: 'mlgraph_graphql_errors_total', help: 'Errors sent to clients, by extensions.code.', labelNames: ['code'], registers }),
    refusals: new Counter({ name: 'mlgraph_graphql_refusals_total', help: 'Requests refused by a server limit, by limit.', labelNames: ['limit'], registers }),
    statements: new Counter({ name: 'mlgraph_neo4j_statements_total', help: 'Cypher statements completed, by query name.', labelNames: ['query'], registers }),
    statementSeconds: new Histogram({
      name: 'mlgraph_neo4j_statement_duration_seconds',
      help: 'Time of one Cypher statement, by query name.',
      labelNames: ['query'],
      buckets: seconds,
      registers,
    }),
    operationLabel(name) {
      if (!name) return '(anonymous)';
      if (name.length > MAX_NAME_LENGTH) return '(other)';
      if (names.has(name)) return name;
      if (names.size >= MAX_OPERATION_NAMES) return '(other)';
      names.add(name);
      return name;
    },
  };
}
