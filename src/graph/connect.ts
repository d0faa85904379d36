import neo4j from 'neo4j-driver';
import type { Neo4jConfig } from '../config';
import type { Logger } from '../logger';
import { Graph } from './graph';

/**
 * Opens a driver for `config.uri` (bolt:// for one server, neo4j:// for a cluster or Aura) and wraps
 * it in a Graph. Connecting is lazy: this never fails because Neo4j is down.
 */
export function connectGraph(config: Neo4jConfig & { uri: string }, log: Logger): Graph {
  // With auth disabled (the local Neo4j) any basic token is accepted.
  const auth = neo4j.auth.basic(config.user, config.password);
  const driver = neo4j.driver(config.uri, auth, {
    disableLosslessIntegers: true,
    userAgent: 'mlgraph',
    connectionAcquisitionTimeout: 10_000,
    connectionTimeout: 5_000,
    maxTransactionRetryTime: config.maxRetryMs,
    logging: {
      level: 'warn',
      logger: (level, message) => log[level === 'error' ? 'error' : 'warn']({ component: 'neo4j-driver' }, message),
    },
  });
  return new Graph(driver, { database: config.database, queryTimeoutMs: config.queryTimeoutMs, log });
}

/** Integers must reach Cypher as Neo4j integers (a JS number is a float and breaks LIMIT/SKIP). */
export const int = (n: number) => neo4j.int(n);
