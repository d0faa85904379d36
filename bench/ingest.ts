// Measures `ingest` through GraphQL over HTTP, as a CI pipeline sends it: realistic batches of 1k,
// 5k and 10k entities (datasets with columns, features, runs with inputs, model versions with
// relationship fields, links; test/support/ingest-batch.ts) into an empty store, and optionally
// into a store that already holds about 100k entities. For each batch it prints the wall time, the
// rate, the time spent in Node before the first statement (JSON parsing, GraphQL validation,
// class-validator) and every statement of the write transaction with its time and rows.
// Usage: npm run bench:ingest -- [--sizes 1000,5000,10000] [--preload 100000] [--timeout 30000]
//        [--uri bolt://...] (an existing Neo4j to write into instead of a fresh benchmark store)
//        [--bolt-port N] (the fresh store's Bolt port) [--port N] (the in-process server's port)
//        [--neo4j-pid N] (with --uri: the Neo4j process whose CPU time to report)
//        [--sustained 20] [--parallel 2] (after the sizes: that many batches of the last size, sent
//        `parallel` at a time, timed as one bulk load)
// Besides wall time it reports CPU time per batch: this process (server and client) and the Neo4j
// process, from /proc, which a shared machine disturbs far less than wall time.
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import { connectGraph, migrate, type Graph, type StatementEvent } from '../src/graph';
import { createServer } from '../src/server';
import { realisticBatch } from '../test/support/ingest-batch';
import { arg, benchLog, boltPortArg, startBenchDatabase } from './bench-neo4j';

const M_INGEST = `mutation ($batch: IngestBatchInput!) { ingest(batch: $batch) { created updated unchanged } }`;

interface Run {
  label: string;
  entities: number;
  links: number;
  bodyBytes: number;
  ms: number;
  entitiesPerSecond: number;
  beforeFirstStatementMs: number;
  /** From the end of the last statement to the response: commit, then the answer. */
  afterLastStatementMs: number;
  /** Each statement with the Node time since the previous one ended (building its parameters). */
  statements: { query: string; ms: number; rows: number; gapMs: number }[];
  /** CPU time of this process (server and client) while the request ran, in ms. */
  nodeCpuMs: number;
  /** CPU time of the Neo4j process while the request ran, in ms (null: unknown process). */
  neo4jCpuMs: number | null;
  result: unknown;
}

/** CPU time (user + system) of process `pid` so far, in ms, from /proc/<pid>/stat (10 ms ticks). */
function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const nodeCpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');

/** Jobs of realisticBatch for about `entities` entities (6 per job plus 4 shared). */
const jobsFor = (entities: number) => Math.max(1, Math.floor((entities - 4) / 6));

async function main() {
  const sizes = (arg('sizes', '1000,5000,10000') ?? '').split(',').map(Number).filter(Boolean);
  const preload = Number(arg('preload', '0'));
  const timeoutMs = Number(arg('timeout', '30000'));
  const uri = arg('uri');

  let graph: Graph;
  let stop: () => Promise<void>;
  let neo4jPid = arg('neo4j-pid') ? Number(arg('neo4j-pid')) : null;
  if (uri) {
    graph = connectGraph({ uri, user: 'neo4j', password: '', database: 'neo4j', queryTimeoutMs: timeoutMs, maxRetryMs: 5_000 }, benchLog);
    await migrate(graph, benchLog);
    stop = () => graph.close();
  } else {
    // A fresh store each run: "into an empty store" must mean empty.
    const name = `ingest-${preload ? 'preloaded' : 'empty'}`;
    fs.rmSync(path.join(PROJECT_ROOT, '.data', 'bench', name), { recursive: true, force: true });
    console.log(`[ingest] starting a fresh benchmark Neo4j (.data/bench/${name})`);
    const db = await startBenchDatabase(name, timeoutMs, boltPortArg());
    graph = db.graph;
    neo4jPid = db.neo4j.pid;
    stop = () => db.stop();
  }
  const server = await createServer({ config: { bodyLimit: '64mb', introspection: false, landingPage: false }, graph, log: benchLog });
  const url = await server.listen(Number(arg('port', '0')), '127.0.0.1');
  let events: (StatementEvent & { endedAt: number })[] = [];
  graph.onStatement((e) => events.push({ ...e, endedAt: performance.now() }));

  const send = async (label: string, entities: number): Promise<Run> => {
    const token = `${label.replace(/\W/g, '')}${Date.now().toString(36)}`;
    const batch = realisticBatch(token, jobsFor(entities));
    const count = Object.entries(batch).reduce((n, [k, v]) => (k === 'links' ? n : n + v.length), 0);
    const body = JSON.stringify({ query: M_INGEST, variables: { batch } });
    events = [];
    const cpu0 = { node: nodeCpuNow(), neo4j: neo4jPid ? cpuMs(neo4jPid) : 0 };
    const started = performance.now();
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const json = (await res.json()) as { data?: { ingest: unknown }; errors?: unknown[] };
    const ms = performance.now() - started;
    const nodeCpuMs = Math.round(nodeCpuNow() - cpu0.node);
    const neo4jCpuMs = neo4jPid ? cpuMs(neo4jPid) - cpu0.neo4j : null;
    if (json.errors) throw new Error(`${label}: ${JSON.stringify(json.errors).slice(0, 500)}`);
    const first = events[0];
    const last = events[events.length - 1];
    const ended = started + ms;
    return {
      label,
      entities: count,
      links: batch.links.length,
      bodyBytes: body.length,
      ms: Math.round(ms),
      entitiesPerSecond: Math.round(count / (ms / 1000)),
      beforeFirstStatementMs: first ? Math.round(first.endedAt - first.ms - started) : 0,
      afterLastStatementMs: last ? Math.round(ended - last.endedAt) : 0,
      statements: events.map(({ query, ms, rows, endedAt }, i) => ({
        query,
        ms,
        rows,
        gapMs: Math.round(endedAt - ms - (i ? events[i - 1].endedAt : started)),
      })),
      nodeCpuMs,
      neo4jCpuMs,
      result: json.data!.ingest,
    };
  };

  const runs: Run[] = [];
  const report = (r: Run) => {
    runs.push(r);
    console.log(
      `[ingest] ${r.label}: ${r.entities} entities + ${r.links} links (${(r.bodyBytes / 1e6).toFixed(1)} MB) in ${r.ms} ms = ${r.entitiesPerSecond}/s; ` +
        `${r.afterLastStatementMs} ms from the last statement to the answer (commit); ` +
        `CPU: node ${r.nodeCpuMs} ms, neo4j ${r.neo4jCpuMs ?? '?'} ms (${((r.nodeCpuMs + (r.neo4jCpuMs ?? 0)) / r.entities).toFixed(3)} ms per entity); ` +
        `load ${load()}; ${JSON.stringify(r.result)}`,
    );
    for (const s of r.statements) {
      console.log(`           ${s.query.padEnd(22)} ${String(s.ms).padStart(6)} ms ${String(s.rows).padStart(7)} rows  (Node before it: ${s.gapMs} ms)`);
    }
  };

  try {
    console.log(`[ingest] load average ${load()}; transaction timeout ${timeoutMs} ms`);
    report(await send('warm-up', 100));
    for (const size of sizes) report(await send(`empty-${size}`, size));
    if (preload) {
      for (let done = 0; done < preload; done += 10_000) {
        const r = await send(`preload-${done / 1000 + 10}k`, 10_000);
        console.log(`[ingest] preloading: ${done + r.entities}/${preload} entities (${r.ms} ms)`);
      }
      for (const size of sizes) report(await send(`loaded-${size}`, size));
    }
    const sustained = Number(arg('sustained', '0'));
    let bulk: unknown = null;
    if (sustained) {
      const size = sizes[sizes.length - 1] ?? 10_000;
      const parallel = Math.max(1, Number(arg('parallel', '1')));
      const cpu0 = { node: nodeCpuNow(), neo4j: neo4jPid ? cpuMs(neo4jPid) : 0 };
      const load0 = load();
      const started = performance.now();
      let next = 0;
      let entities = 0;
      const worker = async () => {
        while (next < sustained) {
          const i = next++;
          const r = await send(`sustained-${i}`, size);
          entities += r.entities;
          console.log(`[ingest] sustained ${i + 1}/${sustained}: ${r.entities} entities in ${r.ms} ms; load ${load()}`);
        }
      };
      await Promise.all(Array.from({ length: parallel }, worker));
      const ms = performance.now() - started;
      const nodeCpuMs = Math.round(nodeCpuNow() - cpu0.node);
      const neo4jCpuMs = neo4jPid ? cpuMs(neo4jPid) - cpu0.neo4j : null;
      bulk = { batches: sustained, parallel, entities, ms: Math.round(ms), entitiesPerSecond: Math.round(entities / (ms / 1000)), nodeCpuMs, neo4jCpuMs, loadBefore: load0, loadAfter: load() };
      console.log(`[ingest] sustained: ${JSON.stringify(bulk)}`);
    }
    console.log(`[ingest] load average ${load()}`);
    const out = path.join(PROJECT_ROOT, 'bench', 'results', `ingest-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), timeoutMs, runs, bulk }, null, 2));
    console.log(`[ingest] wrote ${path.relative(PROJECT_ROOT, out)}`);
  } finally {
    await server.stop();
    await stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
