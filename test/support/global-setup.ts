import { startThrowawayNeo4j, type ThrowawayNeo4j } from './neo4j-instance';

declare global {
  // Shared with global-teardown.ts (same process).
  var __MLGRAPH_TEST_NEO4J__: ThrowawayNeo4j | undefined;
}

/**
 * Chooses the real Neo4j the integration tests use: NEO4J_URI if set, else a testcontainer when a
 * Docker engine answers, else the local Maven-assembled Neo4j on a free port with a temporary home.
 * Test files read the choice from MLGRAPH_TEST_NEO4J_* variables.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.NEO4J_URI) {
    process.env.MLGRAPH_TEST_NEO4J_URI = process.env.NEO4J_URI;
    process.env.MLGRAPH_TEST_NEO4J_USER = process.env.NEO4J_USER ?? 'neo4j';
    process.env.MLGRAPH_TEST_NEO4J_PASSWORD = process.env.NEO4J_PASSWORD ?? '';
    process.env.MLGRAPH_TEST_NEO4J_DATABASE = process.env.NEO4J_DATABASE ?? 'neo4j';
    return;
  }
  const started = Date.now();
  const neo4j = await startThrowawayNeo4j((line) => process.stdout.write(`\n[integration] ${line}\n`));
  process.stdout.write(`[integration] Neo4j (${neo4j.kind}) ready at ${neo4j.uri} in ${Date.now() - started} ms\n`);
  globalThis.__MLGRAPH_TEST_NEO4J__ = neo4j;
  process.env.MLGRAPH_TEST_NEO4J_URI = neo4j.uri;
  process.env.MLGRAPH_TEST_NEO4J_USER = neo4j.user;
  process.env.MLGRAPH_TEST_NEO4J_PASSWORD = neo4j.password;
  process.env.MLGRAPH_TEST_NEO4J_DATABASE = 'neo4j';
}
