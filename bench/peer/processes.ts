// Child processes of the side-by-side benchmark: the mlgraph server as users run it (the built
// entry point, over an external Neo4j) and the peer server, each in its own Node.js process.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** SIGTERM, then wait for the exit (a CPU profile is written then). */
  stop(): Promise<void>;
}

const BUILT = path.join(PROJECT_ROOT, 'dist', 'bench-out');

/**
 * Starts `node dist/bench-out/src/index.js` (the server's entry point, built with the bench) on
 * 127.0.0.1:`port` over `neo4jUri`, with the default log level, and resolves when /ready says so.
 * `nodeFlags` go before the script (e.g. --cpu-prof); its log goes to `logFile`. `entry` may name
 * another build's entry point (a baseline commit, see bench/peer.ts --baseline).
 */
export async function startMlgraph(
  port: number,
  neo4jUri: string,
  logFile: string,
  nodeFlags: string[] = [],
  entry = path.join(BUILT, 'src', 'index.js'),
): Promise<ServerProcess> {
  const out = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, [...nodeFlags, entry], {
    // A machine shared with other work can be slow: no walk may be cut by the time budget here.
    // NODE_ENV=production as README asks of a deployment (graphql-js then skips its development checks).
    env: { NODE_ENV: 'production', NEO4J_QUERY_TIMEOUT_MS: '120000', LINEAGE_TIME_BUDGET_MS: '120000', ...process.env, NEO4J_URI: neo4jUri, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: '', PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', out, out],
  });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(child, async () => (await fetch(`${base}/ready`)).ok, `mlgraph on ${port} (log: ${logFile})`);
  return { url: `${base}/graphql`, child, stop: () => stop(child) };
}

/** Starts the peer (bench/peer/peer-server.ts) on 127.0.0.1:`port` over `neo4jUri`. */
export async function startPeer(port: number, neo4jUri: string, logFile: string): Promise<ServerProcess> {
  const out = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, [path.join(BUILT, 'bench', 'peer', 'peer-server.js'), '--uri', neo4jUri, '--port', String(port)], {
    env: { NODE_ENV: 'production', ...process.env },
    stdio: ['ignore', out, out],
  });
  const url = `http://127.0.0.1:${port}/`;
  const probe = async () =>
    (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' })).ok;
  await waitFor(child, probe, `the peer on ${port} (log: ${logFile})`);
  return { url, child, stop: () => stop(child) };
}

async function waitFor(child: ChildProcess, probe: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode}`);
    try {
      if (await probe()) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`${what} did not become ready within 120 s`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
