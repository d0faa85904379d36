import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import { localNeo4jBuilt } from '../../src/local/local-neo4j';
import { createServer } from '../../src/server';
import { rawDriver, testGraph, testLog, testNeo4j, uniqueId } from '../support/harness';

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

/** Whether the server on `port` answers /ready with 200 within `ms`. */
async function readyWithin(port: number, ms: number): Promise<boolean> {
  for (const until = Date.now() + ms; Date.now() < until; await new Promise((r) => setTimeout(r, 500))) {
    if (await fetch(`http://127.0.0.1:${port}/ready`).then((r) => r.ok, () => false)) return true;
  }
  return false;
}

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

  it('npm start hands a SIGTERM sent to npm on to the server, which drains and exits', async () => {
    execFileSync('npm', ['run', 'build'], { cwd: PROJECT_ROOT, stdio: 'ignore' });
    const port = await freePort();
    const target = testNeo4j();
    // --ignore-scripts skips prestart (already built); the start script itself still runs.
    const npm = spawn('npm', ['start', '--ignore-scripts'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, NEO4J_URI: target.uri, NEO4J_USER: target.user, NEO4J_PASSWORD: target.password, NEO4J_DATABASE: target.database, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    npm.stdout.on('data', (d) => (out += d));
    const npmExited = new Promise<void>((resolve) => npm.once('exit', () => resolve()));
    try {
      expect(await readyWithin(port, 60_000)).toBe(true);
      const serverPid = Number(execFileSync('pgrep', ['-P', String(npm.pid), '-f', '^node dist/src/index.js']).toString().trim());
      expect(serverPid).toBeGreaterThan(0);

      npm.kill('SIGTERM');
      await npmExited;
      let alive = true;
      for (let i = 0; i < 40 && alive; i++) {
        try {
          process.kill(serverPid, 0);
          await new Promise((r) => setTimeout(r, 250));
        } catch {
          alive = false;
        }
      }
      expect(alive).toBe(false);
      expect(out).toContain('"signal":"SIGTERM"');
      expect(out).toContain('"msg":"stopped"');
    } finally {
      if (npm.exitCode === null) npm.kill('SIGKILL');
    }
  }, 180_000);

  // The local Neo4j is the server's own child: should it die, the server says so and exits (code 1)
  // for whatever runs it to start both again, instead of answering UNAVAILABLE forever.
  (localNeo4jBuilt() ? it : it.skip)('exits when its local Neo4j dies', async () => {
    execFileSync('npm', ['run', 'build'], { cwd: PROJECT_ROOT, stdio: 'ignore' });
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'mlgraph-child-'));
    const [port, bolt] = [await freePort(), await freePort()];
    const { NEO4J_URI: _uri, ...env } = process.env;
    const server = spawn(process.execPath, ['dist/src/index.js'], {
      cwd: PROJECT_ROOT,
      env: { ...env, PORT: String(port), HOST: '127.0.0.1', NEO4J_LOCAL_HOME: home, NEO4J_LOCAL_PORT: String(bolt), LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    server.stdout.on('data', (d) => (out += d));
    server.stderr.on('data', (d) => (out += d));
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    try {
      expect(await readyWithin(port, 120_000)).toBe(true);
      const java = Number(execFileSync('pgrep', ['-f', `LocalNeo4j --home ${home}`]).toString().trim().split('\n')[0]);
      process.kill(java, 'SIGKILL');
      const code = await Promise.race([exited, new Promise<'still running'>((r) => setTimeout(() => r('still running'), 30_000))]);
      expect(code).toBe(1);
      expect(out).toContain('the local Neo4j exited unexpectedly');
    } finally {
      if (server.exitCode === null) server.kill('SIGKILL');
      fs.rmSync(home, { recursive: true, force: true });
    }
  }, 240_000);
});
