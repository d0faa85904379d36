// CPU per request of the side-by-side workloads (bench/peer.ts): `utime + stime` of each server's
// process and of the Neo4j process, read from /proc (Linux) before and after a fixed number of
// requests, the servers taking turns workload by workload. On a machine shared with other work this
// is far steadier than wall time, which counts the time a process waited for a core.
// Needs the graph bench:peer seeds (.data/bench/peer and bench/graphs/peer/manifest.json).
// Usage: npm run bench:peer-cpu -- [--rounds 2] [--requests 40] [--in-flight 5] [--port-base 4480]
//        [--bolt-port N] [--baseline DIR] [--no-peer] [--only page,lookup,...] [--profile] [--node-flags '...']
// --profile: a CPU profile of mlgraph (node --cpu-prof) over the whole run, summarised at the end.
// --node-flags: Node.js flags for mlgraph only (not the baseline or the peer), such as
// '--max-semi-space-size=32'; with --baseline . the same build runs with and without them.
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import { arg, boltPortArg, startBenchDatabase } from './bench-neo4j';
import { summarizeProfile } from './profile-summary';
import { cpuMs } from './server-process';
import { startMlgraph, startPeer, type ServerProcess } from './peer/processes';
import { impact, lookup, mlgraphImpact, peerWholeImpact, UI_PAGE, type Operation } from './peer/workloads';

const MANIFEST = path.join(PROJECT_ROOT, 'bench', 'graphs', 'peer', 'manifest.json');
const RESULTS = path.join(PROJECT_ROOT, 'bench', 'results');
const loadavg = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');
const log = (line: string) => console.log(`[cpu ${new Date().toISOString().slice(11, 19)}] ${line}`);

async function post(url: string, op: Operation): Promise<any> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(op) });
  const body = (await res.json()) as { data?: any; errors?: unknown[] };
  if (body.errors?.length || !res.ok) throw new Error(`${url}: ${res.status} ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  return body.data;
}

/** mlgraph's whole impact: pages of 500, following endCursor. */
async function wholeImpact(url: string, urn: string): Promise<void> {
  let after: string | null = null;
  for (;;) {
    const data = await post(url, mlgraphImpact(urn, 500, after));
    if (!data.impact.pageInfo.hasNextPage) return;
    after = data.impact.pageInfo.endCursor;
  }
}

/** `n` calls of `request`, `inFlight` at a time. */
async function run(n: number, inFlight: number, request: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < n) await request(next++);
    }),
  );
}

async function main() {
  const rounds = Number(arg('rounds', '2'));
  const requests = Number(arg('requests', '40'));
  const inFlight = Number(arg('in-flight', '5'));
  const portBase = Number(arg('port-base', '4480'));
  const baseline = arg('baseline');
  const only = arg('only')?.split(',');
  if (!fs.existsSync(MANIFEST)) throw new Error(`no seeded graph: run npm run bench:peer once first (${MANIFEST})`);
  const manifest = JSON.parse(fs.readFileSync(MANIFEST, 'utf8'));
  const db = await startBenchDatabase('peer', 120_000, boltPortArg() ?? portBase + 7);
  const started: { name: string; kind: 'mlgraph' | 'peer'; server: ServerProcess }[] = [];
  fs.mkdirSync(RESULTS, { recursive: true });
  const profileDir = process.argv.includes('--profile') ? path.join(RESULTS, `cpu-profile-${new Date().toISOString().replace(/[:.]/g, '-')}`) : null;
  try {
    const flags = [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), ...(arg('node-flags')?.split(' ').filter(Boolean) ?? [])];
    started.push({ name: 'mlgraph', kind: 'mlgraph', server: await startMlgraph(portBase, db.neo4j.uri, path.join(RESULTS, 'cpu-mlgraph.log'), flags) });
    if (baseline) {
      const entry = path.join(baseline, 'dist', 'src', 'index.js');
      started.push({ name: 'baseline', kind: 'mlgraph', server: await startMlgraph(portBase + 2, db.neo4j.uri, path.join(RESULTS, 'cpu-baseline.log'), [], entry) });
    }
    if (!process.argv.includes('--no-peer')) {
      started.push({ name: 'peer', kind: 'peer', server: await startPeer(portBase + 1, db.neo4j.uri, path.join(RESULTS, 'cpu-peer.log')) });
    }
    const workloads = [UI_PAGE, lookup(manifest.lookups), impact(manifest.roots.medium.urn, manifest.roots.medium.reach), impact(manifest.roots.small.urn, manifest.roots.small.reach)];
    const widest = manifest.roots.widest.urn as string;
    type Asked = { name: string; n: number; request: (x: (typeof started)[number], i: number) => Promise<unknown> };
    const asked: Asked[] = workloads.map((w) => ({
      name: w.name,
      n: requests,
      request: (x, i) => post(x.server.url, (x.kind === 'mlgraph' ? w.mlgraph : w.peer)(i)),
    }));
    asked.push({
      name: 'whole-impact',
      n: Math.max(3, Math.round(requests / 8)),
      request: (x) => (x.kind === 'mlgraph' ? wholeImpact(x.server.url, widest) : post(x.server.url, peerWholeImpact(widest))),
    });
    const chosen = asked.filter((a) => !only || only.includes(a.name));
    const results: Record<string, Record<string, { server: number; neo4j: number; load: string }[]>> = {};
    for (const a of chosen) for (const x of started) await run(5, 1, (i) => a.request(x, i)); // warm-up
    for (let round = 1; round <= rounds; round++) {
      for (const a of chosen) {
        for (const x of round % 2 ? started : [...started].reverse()) {
          const [s0, d0] = [cpuMs(x.server.child.pid!), cpuMs(db.neo4j.pid)];
          await run(a.n, a.name === 'whole-impact' ? 1 : inFlight, (i) => a.request(x, i));
          const [s1, d1] = [cpuMs(x.server.child.pid!), cpuMs(db.neo4j.pid)];
          const r = { server: (s1 - s0) / a.n, neo4j: (d1 - d0) / a.n, load: loadavg() };
          ((results[a.name] ??= {})[x.name] ??= []).push(r);
          log(`round ${round} ${a.name.padEnd(12)} ${x.name.padEnd(8)} server ${r.server.toFixed(1).padStart(6)} + neo4j ${r.neo4j.toFixed(1).padStart(6)} = ${(r.server + r.neo4j).toFixed(1).padStart(6)} ms/request  load ${r.load}`);
        }
      }
    }
    const out = path.join(RESULTS, `cpu-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    fs.writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), requests, inFlight, rounds, baseline, results }, null, 2));
    log(`results: ${path.relative(PROJECT_ROOT, out)}`);
  } finally {
    for (const x of started.reverse()) await x.server.stop();
    await db.stop();
  }
  if (profileDir) for (const f of fs.readdirSync(profileDir)) console.log(summarizeProfile(path.join(profileDir, f)));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
