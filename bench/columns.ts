// Column-level impact at scale (README, "Columns"; BENCHMARKS.md, "Column-level impact").
//   load:   a synthetic ML graph (bench/generate.ts) whose datasets carry 20 columns with column
//           lineage (bench/columns-generate.ts), through the ingest path, into .data/bench/columns-<size>
//   run:    p50/p95 of impact(urn, columns: [c]) over HTTP for a root column whose reach is about
//           --reach (default 1000), beside the dataset-level impact of the same dataset (repeated
//           questions are answered from the walk cache; LINEAGE_CACHE_WALKS=0 times every walk)
//   ingest: entity ingest with and without columns, batch by batch in turn, into a fresh store; wall
//           time and CPU time per entity (this process and the Neo4j JVM without its JIT compilers,
//           from /proc); BENCH_TRACE=1 adds each statement's total time per side
// Usage: npm run bench:columns -- --phase load|run|ingest [--size 100k] [--iterations 20] [--reach 1000] [--root URN --column c]
//        [--warmup 3 (run: untimed walks of each kind first)] [--ingest-entities 20000] [--batch 1000] [--warmup-entities 0] [--bolt-port N] [--port N (run: the server's HTTP port)]
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import { EntityType } from '../src/model/entity-type';
import { buildUrn } from '../src/model/urn';
import { applyWrites } from '../src/modules/entities/write/entity-writer';
import { toEntityWrite } from '../src/modules/entities/write/to-entity-write';
import type { EntityWrite } from '../src/modules/entities/write/write-plan';
import { createServer } from '../src/server';
import { arg, benchLog, boltPortArg, parseSize, startBenchDatabase, type BenchDatabase } from './bench-neo4j';
import { withColumns, withoutColumns } from './columns-generate';
import { jvmCpuMs } from './server-process';
import { mlGraph, shapeOf, type GeneratedEntity } from './generate';

const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');
const ms = (x: number) => `${x.toFixed(1)} ms`;

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  return { p50: at(0.5), p95: at(0.95), min: s[0], max: s[s.length - 1], n: s.length };
}

async function* batches(entities: Iterable<GeneratedEntity>, size: number, label: string): AsyncGenerator<EntityWrite[]> {
  let batch: EntityWrite[] = [];
  let n = 0;
  for (const e of entities) {
    batch.push(toEntityWrite(e.type, e.input, `${label}.${n++}`));
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

async function write(db: BenchDatabase, batch: EntityWrite[]): Promise<number> {
  const started = performance.now();
  await applyWrites(db.graph, batch, [], { actor: 'bench-loader', source: 'batch' });
  return performance.now() - started;
}

async function phaseLoad(size: { name: string; nodes: number }, dir: string) {
  const store = `columns-${size.name}`;
  fs.rmSync(path.join(PROJECT_ROOT, '.data', 'bench', store), { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  console.log(`[columns load] fresh store .data/bench/${store}; load average ${load()}`);
  const db = await startBenchDatabase(store, undefined, boltPortArg());
  try {
    const prefix = `c${size.name}`;
    const started = Date.now();
    let done = 0;
    let lastReport = 0;
    for await (const batch of batches(withColumns(mlGraph(size.nodes, prefix)), Number(arg('batch', '5000')), 'load')) {
      await write(db, batch);
      done += batch.length;
      if (Date.now() - lastReport > 5_000) {
        lastReport = Date.now();
        const rate = done / ((Date.now() - started) / 1000);
        console.log(`[columns load] ${done}/${size.nodes} entities, ${rate.toFixed(0)}/s, eta ${((size.nodes - done) / rate).toFixed(0)} s; load average ${load()}`);
      }
    }
    const loadSeconds = (Date.now() - started) / 1000;
    const text = fs.readFileSync(path.join(PROJECT_ROOT, 'bench', 'cypher', 'column-counts.cypher'), 'utf8');
    const [counts] = await db.graph.read<Record<string, never>, { columns: number; derived: number; reads: number; entities: number }>(
      { name: 'bench/column-counts', text, params: [] },
      {},
    );
    const manifest = { size: size.name, prefix, loadSeconds, counts, date: new Date().toISOString() };
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
    console.log(`[columns load] done in ${loadSeconds.toFixed(0)} s: ${JSON.stringify(counts)}; load average ${load()}`);
  } finally {
    await db.stop();
  }
}

const SELECTION = `total isPartial countsByType { type count }
  items { degree precision entity { urn type name } path { relationship precision from { urn } to { urn } } }`;

async function phaseRun(size: { name: string; nodes: number }, dir: string) {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { prefix: string; counts: unknown };
  const iterations = Number(arg('iterations', '20'));
  const target = Number(arg('reach', '1000'));
  const db = await startBenchDatabase(`columns-${size.name}`, undefined, boltPortArg());
  const server = await createServer({ config: { bodyLimit: '10mb', introspection: false, landingPage: false }, graph: db.graph, log: benchLog });
  const url = await server.listen(Number(arg('port', '0')), '127.0.0.1');
  const gql = async (query: string, variables: Record<string, unknown>) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { data?: { r: { total: number; isPartial: boolean } }; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data!.r;
  };
  const COLUMN = `query($urn: ID!, $c: [String!]) { r: impact(urn: $urn, columns: $c, first: 100) { ${SELECTION} } }`;
  const DATASET = `query($urn: ID!) { r: impact(urn: $urn, first: 100) { ${SELECTION} } }`;
  const COUNT = `query($urn: ID!, $c: [String!]) { r: impact(urn: $urn, columns: $c, first: 0) { total isPartial } }`;
  try {
    console.log(`[columns run] ${size.name}: ${JSON.stringify(manifest.counts)}; walk cache ${process.env.LINEAGE_CACHE_WALKS === '0' ? 'off' : 'on'}; load average ${load()}`);
    // Candidate roots: columns of the raw datasets (the popular ones come first), and their reach;
    // --root and --column skip the search (a second run, e.g. with LINEAGE_CACHE_WALKS=0).
    const shape = shapeOf(size.nodes);
    const candidates: { urn: string; column: string; total: number }[] = [];
    const given = arg('root');
    if (given) candidates.push({ urn: given, column: arg('column', 'c_0')!, total: -1 });
    for (let i = 0; !given && i < Math.min(shape.rawDatasets, 40); i++) {
      const urn = buildUrn(EntityType.DATASET, { platform: i % 3 === 0 ? 'kafka' : 's3', name: `${manifest.prefix}.raw.events_${i}`, env: 'PROD' as never });
      for (const column of ['c_0', 'c_5', 'c_10']) {
        const r = await gql(COUNT, { urn, c: [column] });
        if (!r.isPartial) candidates.push({ urn, column, total: r.total });
      }
      if (i % 10 === 9) console.log(`[columns run] measured the reach of ${candidates.length} root columns`);
    }
    candidates.sort((a, b) => Math.abs(Math.log(a.total / target)) - Math.abs(Math.log(b.total / target)));
    const root = candidates[0];
    const datasetTotal = (await gql(DATASET, { urn: root.urn })).total;
    if (root.total < 0) root.total = (await gql(COUNT, { urn: root.urn, c: [root.column] })).total;
    console.log(`[columns run] root ${root.urn} column ${root.column}: column-level reach ${root.total}, dataset-level reach ${datasetTotal}`);
    // A fresh store's first walks read from disk (and may be cut by the time budget), and Neo4j's
    // JIT compiles the walk's operators over the first 15-20 walks: warm up first (--warmup N).
    // Its compilers keep working for longer than that (minutes on two cores), beside the walks:
    // the JIT's CPU during the timed walks is reported, and a large --warmup measures a warm JVM.
    const warmupWalks = Number(arg('warmup', '3'));
    for (let i = 0; i < warmupWalks; i++) {
      await gql(COLUMN, { urn: root.urn, c: [root.column] });
      await gql(DATASET, { urn: root.urn });
      if (i % 50 === 49) console.log(`[columns run] warm-up: ${i + 1} of ${warmupWalks} pairs of walks`);
    }
    const jvmBefore = jvmCpuMs(db.neo4j.pid);
    const col: number[] = [];
    const whole: number[] = [];
    const answers = new Set<string>();
    for (let i = 0; i < iterations; i++) {
      let t = performance.now();
      const a = await gql(COLUMN, { urn: root.urn, c: [root.column] });
      col.push(performance.now() - t);
      t = performance.now();
      const b = await gql(DATASET, { urn: root.urn });
      whole.push(performance.now() - t);
      answers.add(`column ${a.total}${a.isPartial ? ' (partial)' : ''}, dataset ${b.total}${b.isPartial ? ' (partial)' : ''}`);
    }
    const jvm = jvmCpuMs(db.neo4j.pid);
    const jvmTimed = { work: jvm.work - jvmBefore.work, jit: jvm.jit - jvmBefore.jit };
    console.log(`[columns run] timed answers: ${[...answers].join('; ')}`);
    console.log(`[columns run] Neo4j CPU during the timed walks: ${jvmTimed.work} ms working, ${jvmTimed.jit} ms in its JIT compilers`);
    const c = stats(col);
    const d = stats(whole);
    console.log(`[columns run] column impact   (reach ${root.total}): p50 ${ms(c.p50)} p95 ${ms(c.p95)} min ${ms(c.min)} max ${ms(c.max)}`);
    console.log(`[columns run] dataset impact  (reach ${datasetTotal}): p50 ${ms(d.p50)} p95 ${ms(d.p95)} min ${ms(d.min)} max ${ms(d.max)}`);
    console.log(`[columns run] load average ${load()}`);
    const out = path.join(PROJECT_ROOT, 'bench', 'results', `columns-run-${size.name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, JSON.stringify({ size: size.name, manifest, root, datasetTotal, column: c, dataset: d, neo4jCpuMs: jvmTimed, candidates, load: os.loadavg() }, null, 2));
  } finally {
    await server.stop();
    await db.stop();
  }
}

/** Wall and CPU time of one batch written through applyWrites, in ms. */
interface BatchCost {
  wall: number;
  node: number;
  neo4j: number;
}

async function measuredWrite(db: BenchDatabase, batch: EntityWrite[]): Promise<BatchCost> {
  const neo4jBefore = jvmCpuMs(db.neo4j.pid).work;
  const nodeBefore = process.cpuUsage();
  const wall = await write(db, batch);
  const node = process.cpuUsage(nodeBefore);
  return { wall, node: (node.user + node.system) / 1000, neo4j: jvmCpuMs(db.neo4j.pid).work - neo4jBefore };
}

async function phaseIngest() {
  const entities = Number(arg('ingest-entities', '20000'));
  const batchSize = Number(arg('batch', '1000'));
  fs.rmSync(path.join(PROJECT_ROOT, '.data', 'bench', 'columns-ingest'), { recursive: true, force: true });
  console.log(`[columns ingest] fresh store .data/bench/columns-ingest; ${entities} entities each way in batches of ${batchSize}; load average ${load()}`);
  const db = await startBenchDatabase('columns-ingest', undefined, boltPortArg());
  // BENCH_TRACE: each statement's total time, by side (the side being written is `side`), each
  // statement over 200 ms, and each batch's wall time beside its statements' and its CPU time.
  let side: 'with' | 'without' = 'with';
  const traced = { with: new Map<string, number>(), without: new Map<string, number>() };
  let batchNo = 0;
  let statementMs = 0;
  if (process.env.BENCH_TRACE) {
    db.graph.onStatement((e) => {
      statementMs += e.ms;
      traced[side].set(e.query, (traced[side].get(e.query) ?? 0) + e.ms);
      if (e.ms > 200) console.log(`[trace] batch ${batchNo} ${side}: ${e.query} ${e.ms.toFixed(0)} ms, ${e.rows} rows`);
    });
  }
  try {
    // The same graph twice (same seed, other names), written batch by batch in turn, so that load
    // from other processes falls on both alike.
    const tag = Date.now().toString(36);
    // --warmup-entities N: a graph of N entities each way (other names) written first and not
    // measured, so that every statement of both sides has run a few times before the measured pairs.
    const warmup = Number(arg('warmup-entities', '0'));
    if (warmup) {
      const ww = batches(withColumns(mlGraph(warmup, `ww${tag}`)), batchSize, 'warm-with');
      const wo = batches(withoutColumns(withColumns(mlGraph(warmup, `wo${tag}`))), batchSize, 'warm-without');
      for (let a = await ww.next(), b = await wo.next(); !a.done && !b.done; a = await ww.next(), b = await wo.next()) {
        await write(db, a.value);
        await write(db, b.value);
      }
      console.log(`[columns ingest] warm-up: ${warmup} entities each way written; load average ${load()}`);
    }
    const withC = batches(withColumns(mlGraph(entities, `iw${tag}`)), batchSize, 'with');
    const without = batches(withoutColumns(withColumns(mlGraph(entities, `io${tag}`))), batchSize, 'without');
    const costs = { with: [] as BatchCost[], without: [] as BatchCost[] };
    let counts = { with: 0, without: 0 };
    const loads: number[] = [];
    for (let i = 0; ; i++) {
      const a = await withC.next();
      const b = await without.next();
      if (a.done || b.done) break;
      if (i === 1) for (const m of Object.values(traced)) m.clear();
      batchNo = i;
      side = 'with';
      statementMs = 0;
      const ca = await measuredWrite(db, a.value);
      const statementsA = statementMs;
      side = 'without';
      statementMs = 0;
      const cb = await measuredWrite(db, b.value);
      if (process.env.BENCH_TRACE) {
        // what the statements do not hold: Node between them, and the commit
        const line = (c: BatchCost, st: number) => `wall ${c.wall.toFixed(0)} ms (statements ${st.toFixed(0)}), CPU node ${c.node.toFixed(0)} neo4j ${c.neo4j.toFixed(0)} ms`;
        console.log(`[trace] batch ${i}: with ${line(ca, statementsA)}; without ${line(cb, statementMs)}`);
      }
      loads.push(os.loadavg()[0]);
      if (i > 0) {
        // the first pair warms the JIT and the page cache
        const per = (c: BatchCost, n: number) => ({ wall: c.wall / n, node: c.node / n, neo4j: c.neo4j / n });
        costs.with.push(per(ca, a.value.length));
        costs.without.push(per(cb, b.value.length));
        counts = { with: counts.with + a.value.length, without: counts.without + b.value.length };
      }
      if (i % 5 === 0) console.log(`[columns ingest] batch ${i}: with columns ${(ca.wall / a.value.length).toFixed(2)} ms/entity, without ${(cb.wall / b.value.length).toFixed(2)} ms/entity; load average ${load()}`);
    }
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const of = (k: keyof BatchCost) => ({ with: costs.with.map((c) => c[k]), without: costs.without.map((c) => c[k]) });
    const summary: Record<string, unknown> = {};
    for (const k of ['wall', 'node', 'neo4j'] as const) {
      const x = of(k);
      const w = stats(x.with);
      const o = stats(x.without);
      const slower = { median: (w.p50 / o.p50 - 1) * 100, mean: (mean(x.with) / mean(x.without) - 1) * 100 };
      summary[k] = { with: { ...w, mean: mean(x.with) }, without: { ...o, mean: mean(x.without) }, slower };
      console.log(
        `[columns ingest] ${k.padEnd(5)} per entity: with columns median ${w.p50.toFixed(3)} mean ${mean(x.with).toFixed(3)} ms; without median ${o.p50.toFixed(3)} mean ${mean(x.without).toFixed(3)} ms; slower by ${slower.median.toFixed(0)}% (median), ${slower.mean.toFixed(0)}% (mean)`,
      );
    }
    const cpu = (c: BatchCost[]) => mean(c.map((x) => x.node + x.neo4j));
    console.log(`[columns ingest] CPU (node + neo4j) per entity, mean: with ${cpu(costs.with).toFixed(3)} ms, without ${cpu(costs.without).toFixed(3)} ms, slower by ${((cpu(costs.with) / cpu(costs.without) - 1) * 100).toFixed(0)}% (${counts.with} entities each way)`);
    console.log(`[columns ingest] load average (1 min) over the batches ${Math.min(...loads).toFixed(2)}-${Math.max(...loads).toFixed(2)}; now ${load()}`);
    if (process.env.BENCH_TRACE) {
      for (const s of ['with', 'without'] as const) {
        const top = [...traced[s]].sort((a, b) => b[1] - a[1]).map(([q, t]) => `${q} ${t.toFixed(0)}`);
        console.log(`[trace] ${s} columns, statement ms after the first pair: ${top.join(', ')}`);
      }
    }
    const out = path.join(PROJECT_ROOT, 'bench', 'results', `columns-ingest-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, JSON.stringify({ entities, batchSize, summary, samples: costs, loads }, null, 2));
  } finally {
    await db.stop();
  }
}

async function main() {
  const size = parseSize(arg('size', '100k'));
  const dir = path.join(PROJECT_ROOT, 'bench', 'graphs', `columns-${size.name}`);
  const phase = arg('phase', 'run');
  if (phase === 'load') await phaseLoad(size, dir);
  else if (phase === 'run') await phaseRun(size, dir);
  else if (phase === 'ingest') await phaseIngest();
  else throw new Error(`--phase must be load, run or ingest; got ${phase}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
