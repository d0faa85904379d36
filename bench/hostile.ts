// Hostile single requests against the built server, for RELIABILITY.md. Usage:
//   npm run bench:hostile -- [--only id,id] [--timeout 60000] [--server-root DIR]
// Starts a throwaway local Neo4j (or uses NEO4J_URI), builds and starts the server as its own process
// (tokens configured, NODE_ENV=production; and the open local default for the cases that need it),
// sends every case of bench/hostile/cases.ts while another client probes, and prints one row per case:
// status, code, time to the answer, the server's peak memory and the probe's worst latency. A case
// the server has not answered within --timeout is reported as such, and its server is restarted (it
// may stay busy for minutes). The rows are also written to bench/results/ (git-ignored).
// --server-root runs another built checkout instead (e.g. main, for the "before" column).
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import { startLocalNeo4j } from '../src/local/local-neo4j';
import { HOSTILE_CASES, type ServerKind } from './hostile/cases';
import { runCase, type CaseResult } from './hostile/run';
import { startHostileServer, type HostileServer } from './hostile/setup';
import { freePort } from './bench-neo4j';
import { buildServer, type Neo4jTarget } from './server-process';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const only = arg('only')?.split(',');
  const timeoutMs = Number(arg('timeout') ?? 60_000);
  const root = arg('server-root') && path.resolve(arg('server-root')!);
  const cases = HOSTILE_CASES.filter((c) => !only || only.includes(c.id));
  let stopNeo4j = async () => {};
  let neo4j: Neo4jTarget;
  if (process.env.NEO4J_URI) {
    neo4j = { uri: process.env.NEO4J_URI, user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? '', database: process.env.NEO4J_DATABASE ?? 'neo4j' };
  } else {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'mlgraph-hostile-'));
    console.log('[hostile] starting a throwaway local Neo4j');
    const local = await startLocalNeo4j({ home, port: await freePort(), heapMb: 1024, pagecacheMb: 256 });
    neo4j = { uri: local.uri, user: 'neo4j', password: '', database: 'neo4j' };
    stopNeo4j = async () => {
      await local.stop();
      fs.rmSync(home, { recursive: true, force: true });
    };
  }
  if (!root) {
    console.log('[hostile] building the server');
    buildServer();
  }
  const servers = new Map<ServerKind, HostileServer>();
  const serverFor = async (kind: ServerKind) => {
    let s = servers.get(kind);
    if (!s) {
      s = await startHostileServer(kind, neo4j, timeoutMs, root);
      console.log(`[hostile] ${kind} server up (pid ${s.process.pid}, ${s.process.peakMemoryMb()} MiB)`);
      servers.set(kind, s);
    }
    return s;
  };
  const results: CaseResult[] = [];
  try {
    for (const c of cases) {
      const s = await serverFor(c.server);
      console.log(`[hostile] ${c.id}: ${c.class}`);
      const r = await runCase(c, s.target, s.process, s.probeToken);
      results.push(r);
      console.log(`[hostile]   -> ${r.status} ${r.code ?? ''} ${r.limit ?? ''} in ${r.ms} ms${r.timedOut ? ' (gave up)' : ''}, peak ${r.peakMb} MiB, others' worst ${r.othersMaxMs} ms (${r.othersFailed}/${r.othersProbes} failed)`);
      if (r.message) console.log(`[hostile]      ${r.message}`);
      for (const p of r.problems) console.log(`[hostile]      ! ${p}`);
      if (r.timedOut || !s.process.alive() || r.othersMaxMs > 5_000) {
        console.log(`[hostile]   restarting the ${c.server} server (it may still be busy)`);
        await s.process.stop();
        servers.delete(c.server);
      }
    }
  } finally {
    for (const s of servers.values()) await s.process.stop();
    await stopNeo4j();
  }
  const out = path.join(PROJECT_ROOT, 'bench', 'results', `hostile-${root ? 'other-' : ''}${Date.now()}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(results, null, 2));
  console.log('\n| case | status, code | time to answer | peak memory | others\' worst latency |\n|---|---|---|---|---|');
  for (const r of results) {
    const time = r.timedOut ? `> ${timeoutMs / 1000} s (gave up)` : `${r.ms} ms`;
    console.log(`| ${r.id} | ${r.status || 'closed'} ${r.code ?? ''}${r.limit ? ` (${r.limit})` : ''} | ${time} | ${r.peakMb} MiB | ${r.othersMaxMs} ms${r.othersFailed ? `, ${r.othersFailed} failed` : ''} |`);
  }
  console.log(`\n[hostile] written to ${path.relative(PROJECT_ROOT, out)}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
