import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { localNeo4jBuilt, startLocalNeo4j, type LocalNeo4j } from '../../src/local/local-neo4j';
import { EntityType } from '../../src/model/entity-type';
import { applyWrites } from '../../src/modules/entities/write/entity-writer';
import { toEntityWrite } from '../../src/modules/entities/write/to-entity-write';
import { createServer } from '../../src/server';
import { freePort } from '../support/neo4j-instance';
import { rawDriver, startTestServer, testGraph, testLog, uniqueId } from '../support/harness';

// These scenarios stop, kill and restart a Neo4j process, so they use the local Maven-assembled
// Neo4j (Java + Maven), whichever Neo4j the rest of the suite runs on.
const describeLocal = localNeo4jBuilt() ? describe : describe.skip;

async function readyStatus(url: string): Promise<number> {
  return (await fetch(url.replace(/\/graphql$/, '/ready'))).status;
}

async function eventually(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}

describeLocal('faults', () => {
  let home: string;
  let port: number;
  let neo4j: LocalNeo4j | undefined;
  const start = async () => (neo4j = await startLocalNeo4j({ home, port, heapMb: 512, pagecacheMb: 64 }));

  beforeEach(async () => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'mlgraph-faults-'));
    port = await freePort();
  });
  afterEach(async () => {
    await neo4j?.stop();
    neo4j = undefined;
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('starts without Neo4j, says 503, then migrates and serves once Neo4j comes up', async () => {
    const graph = testGraph({ uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password: '', database: 'neo4j' });
    const server = await createServer({ config: { bodyLimit: '1mb', introspection: false, landingPage: false }, graph, log: testLog });
    const migrated = server.readiness.migrateWhenReachable();
    try {
      const url = await server.listen(0, '127.0.0.1');
      expect(await readyStatus(url)).toBe(503);
      await start();
      await migrated;
      await eventually(async () => (await readyStatus(url)) === 200, 30_000);
    } finally {
      await server.stop();
      await graph.close();
    }
  }, 120_000);

  it('fails fast with UNAVAILABLE while Neo4j is gone and recovers by itself when it returns', async () => {
    await start();
    const t = await startTestServer({ uri: neo4j!.uri, user: 'neo4j', password: '', database: 'neo4j' });
    try {
      expect((await t.gql('{ serverInfo { edition } }')).errors).toBeUndefined();
      await neo4j!.stop();

      const started = Date.now();
      const down = await t.gql('{ serverInfo { edition } }');
      expect(down.errors?.[0].extensions?.code).toBe('UNAVAILABLE');
      expect(Date.now() - started).toBeLessThan(15_000);
      // Known unreachable now: the next requests, reads and writes, fail without waiting out the
      // driver's retries (testGraph's window is 2 s) and write nothing.
      for (const op of ['{ serverInfo { edition } }', 'mutation { upsertDataset(input: { platform: "hive", name: "never" }) { urn } }']) {
        const again = Date.now();
        expect((await t.gql(op)).errors?.[0].extensions?.code).toBe('UNAVAILABLE');
        expect(Date.now() - again).toBeLessThan(1_000);
      }

      await start(); // same home, same port: the same database comes back
      await eventually(async () => !(await t.gql('{ serverInfo { edition } }')).errors, 30_000);
    } finally {
      await t.close();
    }
  }, 120_000);

  it('keeps an acknowledged batch after Neo4j is killed with SIGKILL', async () => {
    await start();
    const graph = testGraph({ uri: neo4j!.uri, user: 'neo4j', password: '', database: 'neo4j' });
    const platform = uniqueId('durable');
    const t = await startTestServer({ uri: neo4j!.uri, user: 'neo4j', password: '', database: 'neo4j' });
    await t.close();
    const writes = Array.from({ length: 200 }, (_, i) => toEntityWrite(EntityType.DATASET, { platform, name: `table_${i}` }));
    const outcome = await applyWrites(graph, writes, [], { actor: 'test', source: 'batch' });
    expect(outcome.created).toHaveLength(200); // acknowledged
    await graph.close();

    await neo4j!.kill();
    await start();
    const driver = rawDriver({ uri: neo4j!.uri, user: 'neo4j', password: '', database: 'neo4j' });
    try {
      const res = await driver.executeQuery('MATCH (n:Dataset {platform: $p}) RETURN count(n) AS n', { p: platform });
      expect(res.records[0].get('n')).toBe(200);
    } finally {
      await driver.close();
    }
  }, 120_000);
});
