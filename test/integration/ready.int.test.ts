import { queries } from '../../src/graph';
import { startThrowawayNeo4j } from '../support/neo4j-instance';
import { startTestServer, testGraph, testLog } from '../support/harness';
import { createServer } from '../../src/server';

async function readyStatus(url: string): Promise<{ status: number; body: any }> {
  const res = await fetch(url.replace(/\/graphql$/, '/ready'));
  return { status: res.status, body: await res.json() };
}

describe('/ready follows Neo4j', () => {
  it('turns 503 when Neo4j goes down, with UNAVAILABLE errors rather than hangs', async () => {
    const neo4j = await startThrowawayNeo4j();
    const t = await startTestServer({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password, database: 'neo4j' });
    try {
      const url = await t.server.listen(0, '127.0.0.1');
      expect((await readyStatus(url)).status).toBe(200);

      await neo4j.stop();

      const down = await readyStatus(url);
      expect(down.status).toBe(503);
      expect(down.body).toEqual({ status: 'unavailable', reason: 'Neo4j is unreachable' }); // no driver internals
      const res = await t.gql('{ serverInfo { neo4jVersion } }');
      expect(res.errors?.[0].extensions?.code).toBe('UNAVAILABLE');
    } finally {
      await t.close();
      await neo4j.stop();
    }
  }, 120_000);

  it('is 503 while Neo4j has never been reachable (schema not migrated)', async () => {
    const graph = testGraph({ uri: 'bolt://127.0.0.1:9', user: 'neo4j', password: '', database: 'neo4j' });
    const server = await createServer({
      config: { bodyLimit: '1mb', introspection: false, landingPage: false },
      graph,
      log: testLog,
    });
    try {
      const url = await server.listen(0, '127.0.0.1');
      const ready = await readyStatus(url);
      expect(ready.status).toBe(503);
      expect(ready.body).toEqual({ status: 'unavailable', reason: 'migrations pending' });
      const health = await fetch(url.replace(/\/graphql$/, '/health'));
      expect(health.status).toBe(200);
      // Once a try to migrate has found nobody there, it says so.
      void server.readiness.migrateWhenReachable();
      let body = ready.body;
      for (let i = 0; i < 100 && body.reason === 'migrations pending'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        body = (await readyStatus(url)).body;
      }
      expect(body).toEqual({ status: 'unavailable', reason: 'Neo4j is unreachable' });
    } finally {
      server.readiness.stop();
      await server.stop();
      await graph.close();
    }
  });

  it('plans the walk statements once migrated, and is ready only then', async () => {
    const graph = testGraph();
    const names: string[] = [];
    graph.onStatement((e) => names.push(e.query));
    const server = await createServer({ config: { bodyLimit: '1mb', introspection: false, landingPage: false }, graph, log: testLog });
    try {
      const migrating = server.readiness.migrateWhenReachable();
      let plannedWhenReady: string[] | undefined;
      while (!plannedWhenReady) {
        if ((await server.readiness.check()).ready) plannedWhenReady = [...names];
        else await new Promise((r) => setTimeout(r, 10));
      }
      await migrating;
      const walks = ['lineage/downstream-level', 'lineage/upstream-level', 'lineage/downstream-two-levels', 'lineage/upstream-two-levels', 'columns/downstream-level', 'columns/upstream-level'];
      expect(plannedWhenReady).toEqual(expect.arrayContaining(walks));
      // The plans made ahead serve the parameters walks send (Neo4j reuses a plan for the same text).
      const nobody = 'urn:li:dataset:(urn:li:dataPlatform:test,nobody,PROD)';
      const frontier = [{ urn: nobody, fallback: false, datasets: [nobody], columns: [`urn:li:schemaField:(${nobody},x)`], all: [] }];
      await expect(graph.read(queries.columnDownstreamLevel, { frontier, known: { [`${nobody}\n${nobody}`]: true }, statuses: ['ACTIVE'], asOf: null })).resolves.toEqual([]);
    } finally {
      await server.stop();
      await graph.close();
    }
  });
});
