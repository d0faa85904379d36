import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import neo4j, { type Driver } from 'neo4j-driver';
import pino from 'pino';
import { connectGraph, type Graph } from '../../src/graph';
import { DEFAULT_READ_CACHE, type ReadCacheLimits } from '../../src/graph/read-cache';
import type { StatementEvent } from '../../src/graph';
import type { RelatedRow } from '../../src/graph/queries';
import { createServer, type MlgraphServer } from '../../src/server';

export interface Neo4jTarget {
  uri: string;
  user: string;
  password: string;
  database: string;
}

/** The Neo4j chosen by global-setup.ts. */
export function testNeo4j(): Neo4jTarget {
  const uri = process.env.MLGRAPH_TEST_NEO4J_URI;
  if (!uri) throw new Error('integration tests need the jest globalSetup (run them through `npm test`)');
  return {
    uri,
    user: process.env.MLGRAPH_TEST_NEO4J_USER ?? 'neo4j',
    password: process.env.MLGRAPH_TEST_NEO4J_PASSWORD ?? '',
    database: process.env.MLGRAPH_TEST_NEO4J_DATABASE ?? 'neo4j',
  };
}

export const testLog = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

/** No read cache: for tests that count the statements of an operation asked more than once. */
export const NO_READ_CACHE: ReadCacheLimits = { entries: 0, rows: 1 };

/** A graph as the server makes it, read cache included (NO_READ_CACHE for none). */
export function testGraph(target: Neo4jTarget = testNeo4j(), queryTimeoutMs = 30_000, readCache: ReadCacheLimits = DEFAULT_READ_CACHE): Graph {
  return connectGraph({ ...target, queryTimeoutMs, maxRetryMs: 2_000, readCache }, testLog);
}

/** A raw driver for assertions about what is stored; the server never sees it. */
export function rawDriver(target: Neo4jTarget = testNeo4j()): Driver {
  return neo4j.driver(target.uri, neo4j.auth.basic(target.user, target.password), { disableLosslessIntegers: true });
}

/** A short unique token for test data, so test files never see each other's entities. */
/**
 * How many entities a statement read: its rows, or for edges/related (rows of up to 25 entities,
 * each entity once) the entities in its rows.
 */
export function entitiesRead(e: StatementEvent): number {
  return e.query === 'edges/related' ? (e.result as RelatedRow[]).reduce((n, r) => n + r.rows.length, 0) : e.rows;
}

export function uniqueId(prefix = 't'): string {
  return `${prefix}${randomUUID().slice(0, 8)}`;
}

export interface GqlResult<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, any>; path?: readonly (string | number)[] }[];
  extensions?: Record<string, any>;
}

export interface TestServer {
  graph: Graph;
  server: MlgraphServer;
  /** Runs an operation in process through Apollo (same pipeline as HTTP, minus the socket). */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GqlResult<T>>;
  close(): Promise<void>;
}

/** An mlgraph server on the test Neo4j, migrated and ready. */
export async function startTestServer(target: Neo4jTarget = testNeo4j(), readCache?: ReadCacheLimits): Promise<TestServer> {
  const graph = testGraph(target, undefined, readCache);
  const server = await createServer({
    config: { bodyLimit: '10mb', introspection: true, landingPage: false },
    graph,
    log: testLog,
  });
  await server.readiness.migrateWhenReachable();
  return {
    graph,
    server,
    async gql(query, variables) {
      const response = await server.apollo.executeOperation(
        { query, variables },
        { contextValue: server.contextFor() },
      );
      if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
      return response.body.singleResult as GqlResult<any>;
    },
    async close() {
      await server.stop();
      await graph.close();
    },
  };
}
