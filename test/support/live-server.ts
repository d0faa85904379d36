import type { Driver } from 'neo4j-driver';
import type { Graph } from '../../src/graph';
import type { MlgraphServer } from '../../src/server';
import { rawDriver, startTestServer, type GqlResult, type TestServer } from './harness';

export type GqlError = NonNullable<GqlResult['errors']>[0];

/** A test server on the test Neo4j plus a raw driver to check what Neo4j stores, with assertions. */
export interface LiveServer {
  readonly graph: Graph;
  readonly server: MlgraphServer;
  /** A driver of its own, for reading (or setting up) what the API does not show. */
  readonly driver: Driver;
  gql: TestServer['gql'];
  /** Runs an operation, expects no errors and returns its data. */
  ok<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** Runs an operation, expects its first error to carry `code` and returns that error. */
  fails(query: string, variables: Record<string, unknown>, code: string): Promise<GqlError>;
  /** Runs Cypher on the raw driver and returns the records as plain objects. */
  raw<R = Record<string, any>>(cypher: string, params?: Record<string, unknown>): Promise<R[]>;
}

/**
 * Starts a server and a raw driver before the tests of the enclosing describe (or file) and closes
 * both after them. The returned object is usable once beforeAll has run.
 */
export function useTestServer(): LiveServer {
  let t: TestServer;
  let driver: Driver;
  beforeAll(async () => {
    t = await startTestServer();
    driver = rawDriver();
  });
  afterAll(async () => {
    await driver?.close();
    await t?.close();
  });

  const gql: TestServer['gql'] = (query, variables) => t.gql(query, variables);
  return {
    get graph() {
      return t.graph;
    },
    get server() {
      return t.server;
    },
    get driver() {
      return driver;
    },
    gql,
    async ok(query, variables) {
      const res = await gql(query, variables);
      expect(res.errors).toBeUndefined();
      return res.data as any;
    },
    async fails(query, variables, code) {
      const res = await gql(query, variables);
      expect(res.errors?.[0]?.extensions?.code).toBe(code);
      return res.errors![0];
    },
    async raw(cypher, params = {}) {
      const { records } = await driver.executeQuery(cypher, params);
      return records.map((r) => r.toObject() as any);
    },
  };
}
