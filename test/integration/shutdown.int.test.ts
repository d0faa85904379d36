import { createServer } from '../../src/server';
import { rawDriver, testGraph, testLog, uniqueId } from '../support/harness';

describe('graceful shutdown', () => {
  it('drains an in-flight ingest batch: it completes and is stored whole before the server stops', async () => {
    const graph = testGraph();
    const driver = rawDriver();
    const server = await createServer({ config: { bodyLimit: '20mb', introspection: false, landingPage: false }, graph, log: testLog });
    await server.readiness.migrateWhenReachable();
    const url = await server.listen(0, '127.0.0.1');
    const platform = uniqueId('drain');
    const size = 3000;
    let statements = 0;
    const firstStatement = new Promise<void>((resolve) => graph.onStatement(() => statements++ === 0 && resolve()));
    try {
      const batch = { datasets: Array.from({ length: size }, (_, i) => ({ platform, name: `t_${i}`, tags: ['drain'] })) };
      const inFlight = fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'mutation($b: IngestBatchInput!) { ingest(batch: $b) { created } }', variables: { b: batch } }),
      });
      await firstStatement; // the batch has reached Neo4j
      const stopped = server.stop(); // as on SIGTERM
      const res = await inFlight;
      await stopped;
      expect(res.status).toBe(200);
      expect(((await res.json()) as any).data.ingest.created).toBe(size);
      const stored = await driver.executeQuery('MATCH (n:Dataset {platform: $p}) RETURN count(n) AS n', { p: platform });
      expect(stored.records[0].get('n')).toBe(size);
      // and the stopped server takes no new requests
      await expect(fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ serverInfo { edition } }"}' })).rejects.toThrow();
    } finally {
      await graph.close();
      await driver.close();
    }
  }, 120_000);
});
