// Where a side-by-side workload's allocations come from (bench/peer.ts's graph): the server runs in
// this process, V8's sampling heap profiler records every allocation (collected ones included) over
// a number of requests after a warm-up, and the functions that allocated most are printed, by their
// own allocations and inclusive of what they call (mlgraph, graphql-js and the driver). Garbage
// collection is a quarter of the server's time under the UI page; this says what makes the garbage.
// Needs the graph bench:peer seeds (.data/bench/peer and bench/graphs/peer/manifest.json).
// Usage: npm run bench:peer-alloc -- [--only page|lookup|impact-<reach>] [--requests 300] [--bolt-port N]
import 'reflect-metadata';
import fs from 'node:fs';
import inspector from 'node:inspector/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import { createServer } from '../src/server';
import { arg, benchLog, boltPortArg, startBenchDatabase } from './bench-neo4j';
import { impact, lookup, UI_PAGE } from './peer/workloads';

interface ProfileNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children?: ProfileNode[];
}

async function main() {
  const manifest = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'bench', 'graphs', 'peer', 'manifest.json'), 'utf8'));
  const workloads = [UI_PAGE, lookup(manifest.lookups), impact(manifest.roots.medium.urn, manifest.roots.medium.reach), impact(manifest.roots.small.urn, manifest.roots.small.reach)];
  const name = arg('only', 'page')!;
  const workload = workloads.find((w) => w.name === name);
  if (!workload) throw new Error(`--only: one of ${workloads.map((w) => w.name).join(', ')}`);
  const requests = Number(arg('requests', '300'));
  const db = await startBenchDatabase('peer', 120_000, boltPortArg());
  const server = await createServer({ config: { bodyLimit: '10mb', introspection: false, landingPage: false }, graph: db.graph, log: benchLog });
  const url = await server.listen(0, '127.0.0.1');
  let i = 0;
  const post = async () => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(workload.mlgraph(i++)) });
    await res.text();
  };
  const session = new inspector.Session();
  session.connect();
  try {
    console.log(`[alloc] ${workload.name}: 60 warm-up requests, then ${requests} sampled, 5 in flight`);
    for (let n = 0; n < 60; n++) await post();
    // includeObjectsCollectedBy*: every sampled allocation, not only what is still alive at the end.
    await session.post('HeapProfiler.startSampling', { samplingInterval: 16_384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true } as never);
    let sent = 0;
    await Promise.all(Array.from({ length: 5 }, async () => { while (sent++ < requests) await post(); }));
    const { profile } = (await session.post('HeapProfiler.stopSampling')) as unknown as { profile: { head: ProfileNode } };
    report(profile.head, requests);
  } finally {
    session.disconnect();
    await server.stop();
    await db.stop();
  }
}

function report(head: ProfileNode, requests: number): void {
  const own = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  const walk = (node: ProfileNode, open: Set<string>): number => {
    const cf = node.callFrame;
    const key = `${cf.functionName || '(anonymous)'} ${cf.url.replace(/.*node_modules\//, '').replace(/.*dist\/bench-out\//, '')}:${cf.lineNumber + 1}`;
    total += node.selfSize;
    own.set(key, (own.get(key) ?? 0) + node.selfSize);
    let sum = node.selfSize;
    const outer = !open.has(key);
    if (outer) open.add(key);
    for (const c of node.children ?? []) sum += walk(c, open);
    if (outer) {
      open.delete(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + sum);
    }
    return sum;
  };
  walk(head, new Set());
  const top = (m: Map<string, number>, keep: (k: string) => boolean) =>
    [...m.entries()].filter(([k]) => keep(k)).sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`).join('\n');
  console.log(`[alloc] sampled allocations: ${(total / 1e6).toFixed(1)} MB, ${(total / requests / 1e3).toFixed(0)} KB per request (the client's fetch included)`);
  console.log(`-- by own allocations\n${top(own, () => true)}`);
  console.log(`-- inclusive: mlgraph, graphql-js, the driver\n${top(inclusive, (k) => /src\/|graphql\/|neo4j-driver/.test(k))}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
