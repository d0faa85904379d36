// The side-by-side benchmark: mlgraph against @neo4j/graphql (bench/peer/) on the same Neo4j and the
// same data, each server in its own process. Seeds a graph of the issue's size and shape through
// mlgraph's `ingest` (once; kept in .data/bench/peer), checks that both answer every workload
// identically, then measures throughput at 10 connections (autocannon) and one-client latency, the
// two servers interleaved in rounds. Writes bench/results/peer-<date>.json and prints a table.
// Usage: npm run bench:peer -- [--rounds 3] [--requests 60] [--latency 30] [--port-base 4480]
//        [--bolt-port N]  (the benchmark Neo4j's Bolt port; absent: port-base + 7)
//        [--baseline DIR]  (also measure the mlgraph built in DIR, e.g. an earlier commit, as a third server)
//        [--profile]  (CPU profile of mlgraph over the whole run, summarised at the end;
//                      with --page-only, or --profile-only page|lookup|impact-<reach>: under that
//                      workload's load alone, instead of the comparison)
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { execute, parse } from 'graphql';
import type { Driver } from 'neo4j-driver';
import { PROJECT_ROOT } from '../src/config';
import { Status } from '../src/model/entity-type';
import { LineageDirection } from '../src/modules/lineage/lineage-steps';
import { walkLineage } from '../src/modules/lineage/lineage-walk';
import { createServer } from '../src/server';
import { arg, benchLog, boltPortArg, startBenchDatabase, type BenchDatabase } from './bench-neo4j';
import { mlGraph, type GraphShape } from './generate';
import { peerSchema } from './peer/peer-schema';
import { startMlgraph, startPeer, type ServerProcess } from './peer/processes';
import { peakMemoryMb } from './server-process';
import {
  impact,
  lookup,
  mlgraphImpact,
  normalize,
  normalizeWholeImpactItems,
  peerWholeImpact,
  UI_PAGE,
  type Operation,
  type Workload,
} from './peer/workloads';
import { summarizeProfile } from './profile-summary';

/** The issue's graph: 6,191 entities, ~28.7k edges, 2,000 model versions in 200 groups. */
const SHAPE: GraphShape = {
  rawDatasets: 40,
  derivedDatasets: 280,
  features: 1_920,
  featureTables: 40,
  modelGroups: 200,
  experiments: 50,
  trainingRuns: 1_200,
  deployments: 300,
  models: 2_000,
  modelFeatures: [3, 8],
  rich: true,
};
const PREFIX = 'peer';
const GRAPH_DIR = path.join(PROJECT_ROOT, 'bench', 'graphs', 'peer');
const RESULTS = path.join(PROJECT_ROOT, 'bench', 'results');

/** A server under test: mlgraph (this build or a baseline build) or the peer. */
interface Server {
  name: string;
  kind: 'mlgraph' | 'peer';
  url: string;
  pid?: number;
}

const opOf = (w: Workload, x: Server) => (x.kind === 'mlgraph' ? w.mlgraph : w.peer);
const rotate = <T>(xs: T[], k: number) => xs.map((_, i) => xs[(i + k) % xs.length]);

interface PeerManifest {
  counts: { nodes: number; edges: number };
  roots: { medium: Root; small: Root; widest: Root };
  lookups: string[];
}
interface Root {
  urn: string;
  reach: number;
}

const loadavg = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');
const log = (line: string) => console.log(`[peer ${new Date().toISOString().slice(11, 19)}] ${line}`);

async function main() {
  const rounds = Number(arg('rounds', '3'));
  const amount = Number(arg('requests', '60'));
  const latencyRuns = Number(arg('latency', '30'));
  const portBase = Number(arg('port-base', '4480'));
  const profile = process.argv.includes('--profile');
  const baseline = arg('baseline');
  fs.mkdirSync(RESULTS, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const boltPort = boltPortArg() ?? portBase + 7;
  log(`load average ${loadavg()}; starting the benchmark Neo4j (.data/bench/peer) on 127.0.0.1:${boltPort}`);
  const db = await startBenchDatabase('peer', 120_000, boltPort);
  const started: ServerProcess[] = [];
  try {
    const profileDir = path.join(RESULTS, `profile-${stamp}`);
    const flags = profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
    const ml = await startMlgraph(portBase, db.neo4j.uri, path.join(RESULTS, 'peer-mlgraph.log'), flags);
    started.push(ml);
    const manifest = await seeded(db, ml.url);
    log(`graph: ${manifest.counts.nodes} entities, ${manifest.counts.edges} edges; impact roots: ${JSON.stringify(manifest.roots)}`);
    const workloads = [UI_PAGE, lookup(manifest.lookups), impact(manifest.roots.medium.urn, manifest.roots.medium.reach), impact(manifest.roots.small.urn, manifest.roots.small.reach)];

    const profiled = process.argv.includes('--page-only') ? 'page' : arg('profile-only');
    if (profile && profiled) {
      const w = workloads.find((x) => x.name === profiled);
      if (!w) throw new Error(`--profile-only: one of ${workloads.map((x) => x.name).join(', ')}`);
      await throughput(ml.url, w.mlgraph, 20);
      log(`profiling mlgraph under the ${w.name} load (${amount * 2} requests)`);
      const r = await throughput(ml.url, w.mlgraph, amount * 2);
      log(`${w.name} while profiled: ${r.rps.toFixed(1)} req/s`);
      await ml.stop();
      started.length = 0;
      for (const f of fs.readdirSync(profileDir)) console.log(summarizeProfile(path.join(profileDir, f)));
      return;
    }

    const peer = await startPeer(portBase + 1, db.neo4j.uri, path.join(RESULTS, 'peer-peer.log'));
    started.push(peer);
    const servers: Server[] = [{ name: 'mlgraph', kind: 'mlgraph', url: ml.url, pid: ml.child.pid }];
    if (baseline) {
      const before = await startMlgraph(portBase + 2, db.neo4j.uri, path.join(RESULTS, 'peer-baseline.log'), [], path.join(baseline, 'dist', 'src', 'index.js'));
      started.push(before);
      servers.push({ name: 'baseline', kind: 'mlgraph', url: before.url, pid: before.child.pid });
    }
    servers.push({ name: 'peer', kind: 'peer', url: peer.url, pid: peer.child.pid });

    log(`checking that ${servers.map((x) => x.name).join(', ')} give the same answers`);
    for (const w of workloads) await sameAnswers(w, servers, w.name === 'lookup' ? manifest.lookups.length : 1);
    const widest = manifest.roots.widest;
    const wholeRun = (x: Server) => (x.kind === 'mlgraph' ? wholeImpact(x.url, widest.urn).then((r) => r.items) : post(x.url, peerWholeImpact(widest.urn)));
    const wholeAnswers = await Promise.all(servers.map(async (x) => [x.name, await wholeRun(x)] as const));
    const wholeItems = (wholeAnswers[0][1] as unknown[]).length;
    for (const [name, answer] of wholeAnswers.slice(1)) {
      const norm = name === 'peer' ? normalize((answer as any).datasets[0].impact.map((e: any) => ({ urn: e.urn, name: e.name }))) : normalizeWholeImpactItems(answer as any);
      assertEqual(`whole impact (${name})`, normalizeWholeImpactItems(wholeAnswers[0][1] as any), norm);
    }
    log(`all answers equal (whole impact of the widest root: ${wholeItems} items)`);

    const statements = await countStatements(db, workloads, widest.urn);
    log(`statements per request: ${JSON.stringify(statements)}`);

    // Throughput: rounds; in each, every workload on every server, the order rotating by round.
    const tp: Record<string, Record<string, ThroughputRun[]>> = {};
    for (const w of workloads) for (const x of servers) await throughput(x.url, opOf(w, x), 20); // warm-up
    for (let round = 1; round <= rounds; round++) {
      for (const w of workloads) {
        for (const x of rotate(servers, round)) {
          const run = await throughput(x.url, opOf(w, x), amount);
          ((tp[w.name] ??= {})[x.name] ??= []).push(run);
          log(`round ${round}/${rounds} ${w.name.padEnd(11)} ${x.name.padEnd(8)} ${run.rps.toFixed(1).padStart(7)} req/s  p50 ${run.p50} ms  p99 ${run.p99} ms  errors ${run.errors}  load ${run.load}`);
        }
      }
    }

    // One client: each workload, the servers alternating request by request.
    const latency: Record<string, Record<string, Stats>> = {};
    const variants: [string, number, Record<string, () => Promise<unknown>>][] = workloads.map((w) => {
      const run: Record<string, () => Promise<unknown>> = {};
      for (const x of servers) {
        let i = 0;
        run[x.name] = () => post(x.url, opOf(w, x)(i++));
      }
      return [w.name, latencyRuns, run];
    });
    variants.push(['whole-impact', Math.min(latencyRuns, 10), Object.fromEntries(servers.map((x) => [x.name, () => wholeRun(x)]))]);
    for (const [name, n, run] of variants) {
      latency[name] = await interleaved(n, run);
      log(`latency ${name.padEnd(12)} ${servers.map((x) => `${x.name} p50 ${ms(latency[name][x.name].p50)} p95 ${ms(latency[name][x.name].p95)}`).join(' | ')} | load ${loadavg()}`);
    }

    // Peak resident memory of each server process over the whole run (VmHWM), as the issue's limit counts it.
    const peakMemory = Object.fromEntries(servers.map((x) => [x.name, x.pid ? peakMemoryMb(x.pid) : null]));
    log(`peak resident memory, MiB: ${JSON.stringify(peakMemory)}`);
    const result = { date: new Date().toISOString(), machine: machine(), commit: gitCommit(), baseline, rounds, requestsPerRun: amount, latencyRuns, manifest, statements, throughput: tp, latency, peakMemory };
    const out = path.join(RESULTS, `peer-${stamp}.json`);
    fs.writeFileSync(out, JSON.stringify(result, null, 2));
    console.log(`\n${table(workloads, servers, tp, latency, statements, wholeItems, widest.reach)}\n\nload average ${loadavg()}; results: ${path.relative(PROJECT_ROOT, out)}`);
    if (profile) {
      await ml.stop();
      started.splice(started.indexOf(ml), 1);
      for (const f of fs.readdirSync(profileDir)) console.log(summarizeProfile(path.join(profileDir, f)));
    }
  } finally {
    for (const s of started.reverse()) await s.stop();
    await db.stop();
  }
}

/** Seeds the graph through mlgraph's ingest over HTTP once, and picks the roots; later runs reuse both. */
async function seeded(db: BenchDatabase, url: string): Promise<PeerManifest> {
  const file = path.join(GRAPH_DIR, 'manifest.json');
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as PeerManifest;
  const started = Date.now();
  const kinds: Record<string, string> = {
    DATASET: 'datasets', FEATURE: 'features', FEATURE_TABLE: 'featureTables', MODEL_GROUP: 'modelGroups',
    MODEL: 'models', EXPERIMENT: 'experiments', RUN: 'runs', DEPLOYMENT: 'deployments',
  };
  let batch: Record<string, unknown[]> = {};
  let inBatch = 0;
  let done = 0;
  const flush = async () => {
    if (!inBatch) return;
    const body = await post(url, {
      query: 'mutation Seed($b: IngestBatchInput!) { ingest(batch: $b) { created unchanged } }',
      variables: { b: batch },
    });
    done += inBatch;
    log(`seeding through ingest: ${done} entities (${body.ingest.created} created), ${(done / ((Date.now() - started) / 1000)).toFixed(0)}/s`);
    batch = {};
    inBatch = 0;
  };
  for (const e of mlGraph(0, PREFIX, 42, SHAPE)) {
    (batch[kinds[e.type]] ??= []).push(e.input);
    if (++inBatch >= 1_000) await flush();
  }
  await flush();

  log('measuring the downstream reach of every dataset to pick the impact roots');
  const datasets = (await db.graph.read(urnsOf, { label: 'Dataset' })).map((r) => r.urn);
  const reach: Root[] = [];
  for (const urn of datasets) {
    const walk = await walkLineage(db.graph, urn, {
      direction: LineageDirection.DOWNSTREAM, maxDepth: 1000, statuses: [Status.ACTIVE, Status.DEPRECATED], asOf: null, maxNodes: 100_000, budgetMs: 60_000,
    });
    reach.push({ urn, reach: walk.reached.size });
  }
  const closest = (target: number) => [...reach].sort((a, b) => Math.abs(Math.log(a.reach / target)) - Math.abs(Math.log(b.reach / target)))[0];
  const models = (await db.graph.read(urnsOf, { label: 'Model' })).map((r) => r.urn);
  const [counts] = await db.graph.read(countQuery, {});
  const manifest: PeerManifest = {
    counts,
    roots: { medium: closest(750), small: closest(24), widest: reach.reduce((a, b) => (b.reach > a.reach ? b : a)) },
    lookups: Array.from({ length: 50 }, (_, k) => models[Math.floor((k * models.length) / 50)]),
  };
  fs.mkdirSync(GRAPH_DIR, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(manifest, null, 2));
  log(`seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return manifest;
}

const urnsOf = {
  name: 'bench/urns-of',
  params: ['label'],
  text: 'MATCH (n:Entity) WHERE $label IN labels(n) AND n.urn CONTAINS "peer" RETURN n.urn AS urn ORDER BY urn',
} as const as import('../src/graph').Query<{ label: string }, { urn: string }>;

const countQuery = {
  name: 'bench/count',
  params: [],
  text: 'MATCH (n:Entity) WITH count(n) AS nodes CALL () { MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS edges } RETURN nodes, edges',
} as const as import('../src/graph').Query<Record<string, never>, { nodes: number; edges: number }>;

/** POSTs a GraphQL operation; the answer's data, or an error naming the first GraphQL error. */
async function post(url: string, op: Operation): Promise<any> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(op) });
  const body = (await res.json()) as { data?: any; errors?: unknown[] };
  if (body.errors?.length || !res.ok) throw new Error(`${url}: ${res.status} ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  return body.data;
}

/** mlgraph's whole impact: pages of 500 after the first, following endCursor. */
async function wholeImpact(url: string, urn: string): Promise<{ items: any[]; pages: number }> {
  const items: any[] = [];
  let after: string | null = null;
  for (let pages = 1; ; pages++) {
    const data = await post(url, mlgraphImpact(urn, 500, after));
    if (data.impact.isPartial) throw new Error(`impact of ${urn} was cut by a server limit: ${data.impact.partialReason}`);
    items.push(...data.impact.items);
    if (!data.impact.pageInfo.hasNextPage) return { items, pages };
    after = data.impact.pageInfo.endCursor;
  }
}

async function sameAnswers(w: Workload, servers: Server[], times: number) {
  for (let i = 0; i < times; i++) {
    const answers = await Promise.all(
      servers.map(async (x) => (x.kind === 'mlgraph' ? w.normalizeMlgraph : w.normalizePeer)(await post(x.url, opOf(w, x)(i)))),
    );
    for (const [k, x] of servers.entries()) if (k > 0) assertEqual(`${w.name} #${i} (${x.name})`, answers[0], answers[k]);
  }
}

function assertEqual(what: string, a: unknown, b: unknown) {
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  if (x === y) return;
  const file = path.join(RESULTS, `peer-mismatch-${what.replace(/\W+/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify({ mlgraph: a, peer: b }, null, 2));
  throw new Error(`${what}: the answers differ (${x.length} vs ${y.length} characters); both in ${file}`);
}

/**
 * Statements each workload sends to Neo4j: mlgraph in process on the same database (its graph
 * module reports every statement), the peer through a driver that counts `run` calls.
 */
async function countStatements(db: BenchDatabase, workloads: Workload[], widest: string) {
  const server = await createServer({ config: { bodyLimit: '10mb', introspection: false, landingPage: false }, graph: db.graph, log: benchLog });
  let names: string[] = [];
  const off = db.graph.onStatement((e) => names.push(e.query));
  const peerRuns = { n: 0 };
  const schema = await peerSchema(countingDriver(db.neo4j.uri, peerRuns));
  const out: Record<string, { mlgraph: number; peer: number }> = {};
  try {
    const ops: [string, Operation, Operation][] = workloads.map((w) => [w.name, w.mlgraph(0), w.peer(0)]);
    ops.push(['whole-impact first page', mlgraphImpact(widest, 500), peerWholeImpact(widest)]);
    for (const [name, mine, theirs] of ops) {
      names = [];
      const res = await server.apollo.executeOperation(mine, { contextValue: server.contextFor() });
      if (res.body.kind !== 'single' || res.body.singleResult.errors) throw new Error(`${name}: ${JSON.stringify(res.body)}`);
      const ml = names.length;
      log(`${name}: mlgraph's statements in order: ${names.join(', ')}`);
      peerRuns.n = 0;
      const r = await execute({ schema, document: parse(theirs.query), variableValues: theirs.variables, contextValue: { sessionConfig: { database: 'neo4j' } } });
      if (r.errors) throw new Error(`${name} (peer): ${JSON.stringify(r.errors)}`);
      out[name] = { mlgraph: ml, peer: peerRuns.n };
    }
  } finally {
    off();
    await server.stop();
  }
  return out;
}

function countingDriver(uri: string, counter: { n: number }): Driver {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const neo4j = require('neo4j-driver') as typeof import('neo4j-driver');
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', ''));
  const wrapTx = (tx: any) => new Proxy(tx, { get: (t, k) => (k === 'run' ? (...a: unknown[]) => (counter.n++, t.run(...a)) : typeof t[k] === 'function' ? t[k].bind(t) : t[k]) });
  const wrapSession = (s: any) =>
    new Proxy(s, {
      get: (t, k) => {
        if (k === 'run') return (...a: unknown[]) => (counter.n++, t.run(...a));
        if (k === 'executeRead' || k === 'executeWrite') return (work: (tx: unknown) => unknown, cfg?: unknown) => t[k]((tx: unknown) => work(wrapTx(tx)), cfg);
        if (k === 'beginTransaction') return (...a: unknown[]) => wrapTx(t.beginTransaction(...a));
        return typeof t[k] === 'function' ? t[k].bind(t) : t[k];
      },
    });
  return new Proxy(driver, { get: (d: any, k) => (k === 'session' ? (...a: unknown[]) => wrapSession(d.session(...a)) : typeof d[k] === 'function' ? d[k].bind(d) : d[k]) });
}

interface ThroughputRun {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  load: string;
}

/**
 * `amount` requests over 10 connections on `url`, each built by `op(i)`: requests per second over
 * the time from the start to the last response. A fixed number of requests rather than a fixed duration, so that a slow
 * server on a busy machine still completes enough of them (nothing is cut off at the end).
 */
async function throughput(url: string, op: (i: number) => Operation, amount: number): Promise<ThroughputRun> {
  let i = 0;
  let errors = 0;
  let last = 0;
  const started = performance.now();
  const result = await autocannon({
    url,
    connections: 10,
    amount,
    timeout: 300,
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        method: 'POST',
        path: new URL(url).pathname,
        setupRequest: (req: any) => ({ ...req, body: JSON.stringify(op(i++)) }),
        onResponse: (status: number, body: string) => {
          last = performance.now();
          if (status !== 200 || body.includes('"errors":[')) errors++;
        },
      } as any,
    ],
  });
  // Up to the last response, not to autocannon's return: it stops on its one-second tick, which
  // would round every short run up to whole seconds.
  const seconds = ((last || performance.now()) - started) / 1000;
  return {
    rps: result.requests.total / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: errors + result.errors + result.non2xx,
    load: loadavg(),
  };
}

interface Stats {
  p50: number;
  p95: number;
  mean: number;
  n: number;
}

async function interleaved(n: number, run: Record<string, () => Promise<unknown>>): Promise<Record<string, Stats>> {
  const names = Object.keys(run);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((x) => [x, []]));
  for (let i = 0; i < 3; i++) for (const x of names) await run[x]();
  for (let i = 0; i < n; i++) {
    for (const x of rotate(names, i)) {
      const t = performance.now();
      await run[x]();
      samples[x].push(performance.now() - t);
    }
  }
  return Object.fromEntries(names.map((x) => [x, stats(samples[x])]));
}

function stats(xs: number[]): Stats {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  return { p50: at(0.5), p95: at(0.95), mean: s.reduce((a, b) => a + b, 0) / s.length, n: s.length };
}

const ms = (x: number) => `${x.toFixed(1)} ms`.padStart(10);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function table(
  workloads: Workload[],
  servers: Server[],
  tp: Record<string, Record<string, ThroughputRun[]>>,
  latency: Record<string, Record<string, Stats>>,
  statements: Record<string, { mlgraph: number; peer: number }>,
  wholeItems: number,
  widestReach: number,
): string {
  const names = servers.map((x) => x.name);
  const head = `| workload | ${names.map((x) => `${x} req/s`).join(' | ')} | mlgraph / peer | one client p50, ${names.join(' / ')} | statements (mlgraph / peer) |`;
  const rows = [head, `|${'---|'.repeat(names.length + 4)}`];
  for (const w of workloads) {
    const rps = names.map((x) => median(tp[w.name][x].map((r) => r.rps)));
    const l = latency[w.name];
    const st = statements[w.name];
    rows.push(`| ${w.label} | ${rps.map((x) => x.toFixed(1)).join(' | ')} | ${(rps[0] / rps[names.length - 1]).toFixed(2)} | ${names.map((x) => l[x].p50.toFixed(1)).join(' / ')} ms | ${st.mlgraph} / ${st.peer} |`);
  }
  const l = latency['whole-impact'];
  const first = statements['whole-impact first page'];
  rows.push(`| whole impact of the widest root (reach ${widestReach}, ${wholeItems} items; mlgraph in pages of 500) | ${names.map(() => '').join(' | ')} | | ${names.map((x) => l[x].p50.toFixed(1)).join(' / ')} ms | first page ${first.mlgraph} / ${first.peer} |`);
  return rows.join('\n');
}

function machine() {
  return { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, load: os.loadavg() };
}

function gitCommit(): string {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('node:child_process').execSync('git rev-parse --short HEAD', { cwd: PROJECT_ROOT }).toString().trim();
  } catch {
    return 'unknown';
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
