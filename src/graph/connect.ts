import neo4j from 'neo4j-driver';
import type { Neo4jConfig } from '../config';
import type { Logger } from '../logger';
import { coalesceBoltWrites } from './bolt-writes';
import { Graph } from './graph';

/**
 * Opens a driver for `config.uri` (bolt:// for one server, neo4j:// for a cluster or Aura) and wraps
 * it in a Graph. Connecting is lazy: this never fails because Neo4j is down.
 */
export function connectGraph(config: Neo4jConfig & { uri: string }, log: Logger): Graph {
  if (!coalesceBoltWrites()) log.warn('the Neo4j driver\'s channel was not found: each Bolt chunk goes out in a socket write of its own');
  // With auth disabled (the local Neo4j) any basic token is accepted.
  const auth = neo4j.auth.basic(config.user, config.password);
  const common = {
    disableLosslessIntegers: true,
    userAgent: 'mlgraph',
    connectionTimeout: 5_000,
    logging: {
      level: 'warn' as const,
      logger: (level: string, message: string) => log[level === 'error' ? 'error' : 'warn']({ component: 'neo4j-driver' }, message),
    },
  };
  const driver = neo4j.driver(config.uri, auth, { ...common, connectionAcquisitionTimeout: 10_000, maxTransactionRetryTime: config.maxRetryMs });
  // Health checks get connections of their own: a pool busy with requests says nothing about Neo4j.
  const probe = neo4j.driver(config.uri, auth, { ...common, maxConnectionPoolSize: 2, connectionAcquisitionTimeout: 5_000 });
  return new Graph(driver, { database: config.database, queryTimeoutMs: config.queryTimeoutMs, log, fairUse: config.fairUse, readCache: config.readCache, maxRetryMs: config.maxRetryMs }, probe);
}

/** Integers must reach Cypher as Neo4j integers (a JS number is a float and breaks LIMIT/SKIP). */
export const int = (n: number) => neo4j.int(n);
