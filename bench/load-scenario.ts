// The load and restart scenario of BENCHMARKS.md / RELIABILITY.md: a fresh local Neo4j, an mlgraph
// server on it, a seeded ML workflow graph, a mixed load, optionally a Neo4j restart mid-run, then
// a consistency check of every acknowledged write; optionally tokens configured and one attacking
// client sending bench/hostile's cases in a loop beside the load. Used by bench/load-test.ts (full runs) and by
// test/integration/load.int.test.ts (a short run in CI).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { PROJECT_ROOT } from '../src/config';
import { startLocalNeo4j, type LocalNeo4j } from '../src/local/local-neo4j';
import { runMixedLoad, type MixedLoadReport, type Op, type Sample } from './mixed-load';
import { startAttacker, type AttackerReport } from './hostile/attacker';
import type { HostileTarget } from './hostile/cases';
import { startHostileServer } from './hostile/setup';
import { freePort } from './bench-neo4j';
import { cpuMs, jvmCpuMs, peakMemoryMb, type Neo4jTarget } from './server-process';

export interface ScenarioOptions {
  connections: number;
  durationSec: number;
  /** Restart Neo4j (clean stop, start on the same store) a quarter into the run. */
  restart: boolean;
  /** 'child': the built server (dist/) as its own process, as in production; 'inprocess': for tests. */
  server: 'child' | 'inprocess';
  /**
   * The server bench:hostile's cases need (child only): reader, writer and admin tokens,
   * NODE_ENV=production, short header and request timeouts (bench/hostile/setup.ts); the normal
   * clients send the writer token.
   */
  tokens?: boolean;
  /** One more client sending the hostile cases in a loop for the whole run (implies `tokens`). */
  attacker?: boolean;
  /** A running Neo4j to use instead of a throwaway local one (not with `restart`; its data stays). */
  neo4j?: Neo4jTarget;
  chains?: number;
  batchSize?: number;
  /**
   * Seconds of the same load sent first and not measured (a warm server and a warm Neo4j JVM, as in
   * production); its writes are checked with the rest. Default 0: the measured load starts cold.
   */
  warmupSec?: number;
  /** Another build of mlgraph to run as the child server (its root directory; default this one): before/after runs. */
  serverRoot?: string;
  /** Only these operations of the mix (to see what one of them costs); default all. */
  ops?: Op[];
  log?: (line: string) => void;
}

export interface Consistency {
  acknowledgedWrites: number;
  acknowledgedMissing: number;
  storedLoadDatasets: number;
  distinctUrns: number;
  duplicates: number;
  unacknowledgedBatches: number;
  /** Unacknowledged batches stored in part (must be 0: a batch is all or nothing). */
  partialBatches: number;
}

/** Answers to requests sent in one phase of a restart run. */
export interface PhaseStats {
  requests: number;
  latencyMs: { p50: number; p99: number; max: number };
  codes: Record<string, number>;
}

export interface ScenarioReport extends Omit<MixedLoadReport, 'acknowledged' | 'unacknowledgedBatches' | 'samples'> {
  connections: number;
  restart: boolean;
  tokens: boolean;
  /** os.loadavg() (1, 5, 15 minutes) when the load started and when it ended, and the machine's cores. */
  loadAverage: { atStart: number[]; atEnd: number[]; cpus: number };
  /** With an attacker: what it sent and how each case was answered. */
  attacker?: AttackerReport;
  neo4jDownMs?: number;
  /** Seconds into the run when Neo4j answered again. */
  neo4jBackAtSec?: number;
  /** Seconds from the end of the load until a read answered cleanly (undefined: not within 60 s). */
  cleanReadAfterLoadSec?: number;
  /** With a restart: answers by when their request was sent (before the stop, while Neo4j was away, after it was back). */
  phases?: { beforeStop: PhaseStats; whileAway: PhaseStats; afterBack: PhaseStats };
  /** Seconds of unmeasured load sent before the measured one. */
  warmupSec: number;
  /**
   * CPU seconds (user + system) the server and Neo4j used during the load (local, child processes
   * only); neo4jJit is the part of neo4j in its JIT compilers' threads (a fresh JVM compiles for minutes).
   */
  cpuSeconds?: { server?: number; neo4j?: number; neo4jJit?: number; generator?: number; machineBusy?: number; machineTotal?: number };
  /** The server process's peak resident memory since it started (seeding, warm-up and load), MiB (child process only). */
  serverPeakMemoryMb?: number;
  /** Cypher statements run during the load, by query name, from the server's /metrics: count and total seconds. */
  statements?: Record<string, { count: number; totalSec: number }>;
  /** Answers by operation (ingest, entity, list, lineage, impact): where the latency is. */
  operations: Record<string, PhaseStats>;
  /** With a restart: seconds into the run when the first request sent after the stop was answered cleanly. */
  resumedAtSec?: number;
  consistency: Consistency;
}

interface RunningServer {
  url: string;
  /** The server's process (child servers only). */
  pid?: number;
  stop(): Promise<void>;
  /** With tokens: the hostile cases' target, and the token the normal clients send. */
  hostile?: HostileTarget;
  token?: string;
}

async function startServer(kind: 'child' | 'inprocess', target: Neo4jTarget, tokens: boolean, root = PROJECT_ROOT): Promise<RunningServer> {
  const neo4jUri = target.uri;
  if (tokens) {
    if (kind !== 'child') throw new Error('a load with tokens runs the built server as a child process');
    const s = await startHostileServer('tokens', target, 60_000);
    return { url: s.process.url, pid: s.process.pid, stop: () => s.process.stop(), hostile: s.target, token: s.target.tokens.writer };
  }
  if (kind === 'inprocess') {
    const { connectGraph } = await import('../src/graph');
    const { createServer } = await import('../src/server');
    const pino = (await import('pino')).default;
    const log = pino({ level: 'silent' });
    const graph = connectGraph({ ...target, queryTimeoutMs: 30_000, maxRetryMs: 3_000 }, log);
    const server = await createServer({ config: { bodyLimit: '10mb', introspection: false, landingPage: false }, graph, log });
    await server.readiness.migrateWhenReachable();
    const url = await server.listen(0, '127.0.0.1');
    return { url, stop: async () => { await server.stop(); await graph.close(); } };
  }
  const port = await freePort();
  // LOAD_SERVER_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it stops (bench/profile-summary.ts reads it).
  const profile = process.env.LOAD_SERVER_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.LOAD_SERVER_CPU_PROF] : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, path.join(root, 'dist', 'src', 'index.js')], {
    env: { ...process.env, NEO4J_URI: neo4jUri, NEO4J_USER: target.user, NEO4J_PASSWORD: target.password, NEO4J_DATABASE: target.database, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', NEO4J_MAX_RETRY_MS: '3000' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(url.replace(/graphql$/, 'ready'))).status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    pid: child.pid,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function gql(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<any> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body: any = await res.json();
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors).slice(0, 500)}`);
  return body.data;
}

type StatementTimes = Record<string, { count: number; totalSec: number }>;

/**
 * Count and total seconds of every Cypher statement the server ran so far, by query name, from its
 * /metrics (mlgraph_neo4j_statement_duration_seconds); minus `since` when given, sorted by total.
 * Undefined when the server does not serve them.
 */
async function statementTimes(graphqlUrl: string, token?: string, since?: StatementTimes): Promise<StatementTimes | undefined> {
  const res = await fetch(graphqlUrl.replace(/graphql$/, 'metrics'), { headers: token ? { authorization: `Bearer ${token}` } : {} }).catch(() => undefined);
  if (!res?.ok) return undefined;
  const times: StatementTimes = {};
  for (const m of (await res.text()).matchAll(/^mlgraph_neo4j_statement_duration_seconds_(sum|count)\{query="([^"]+)"\} (\S+)$/gm)) {
    const t = (times[m[2]] ??= { count: 0, totalSec: 0 });
    if (m[1] === 'sum') t.totalSec = Number(m[3]) - (since?.[m[2]]?.totalSec ?? 0);
    else t.count = Number(m[3]) - (since?.[m[2]]?.count ?? 0);
  }
  const sorted = Object.entries(times).filter(([, t]) => t.count > 0).sort((a, b) => b[1].totalSec - a[1].totalSec);
  return Object.fromEntries(sorted.map(([q, t]) => [q, { count: t.count, totalSec: Math.round(t.totalSec * 1000) / 1000 }]));
}

function phaseStats(samples: Sample[]): PhaseStats {
  const ms = samples.map((x) => x.latencyMs).sort((a, b) => a - b);
  const at = (q: number) => (ms.length ? ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] : 0);
  const codes: Record<string, number> = {};
  for (const x of samples) codes[x.code] = (codes[x.code] ?? 0) + 1;
  return { requests: samples.length, latencyMs: { p50: at(0.5), p99: at(0.99), max: ms.at(-1) ?? 0 }, codes };
}

/** Seconds until a read of `urn` through the API answers without errors, polled every 250 ms; undefined past `withinMs`. */
async function firstCleanRead(url: string, urn: string, withinMs: number, token?: string): Promise<number | undefined> {
  const t0 = Date.now();
  while (Date.now() - t0 < withinMs) {
    try {
      if ((await gql(url, 'query($u: ID!) { dataset(urn: $u) { urn } }', { u: urn }, token)).dataset?.urn === urn) return (Date.now() - t0) / 1000;
    } catch {
      // Neo4j not back yet, or the server still reconnecting
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return undefined;
}

/** Seeds `chains` small ML workflows: raw -> derived dataset -> run -> model -> deployment. */
async function seed(url: string, platform: string, chains: number, token?: string): Promise<{ datasets: string[]; models: string[] }> {
  const ds = (n: string) => `urn:li:dataset:(urn:li:dataPlatform:${platform},${n},PROD)`;
  const batch = {
    datasets: [
      ...Array.from({ length: chains }, (_, i) => ({ platform, name: `raw_${i}` })),
      ...Array.from({ length: chains }, (_, i) => ({ platform, name: `derived_${i}`, upstreams: [ds(`raw_${i}`), ds(`raw_${(i + 1) % chains}`)] })),
    ],
    trainingRuns: Array.from({ length: chains }, (_, i) => ({ id: `${platform}-run-${i}`, name: `run ${i}`, inputs: [ds(`derived_${i}`)] })),
    deployments: Array.from({ length: chains }, (_, i) => ({ platform, name: `endpoint_${i}` })),
    models: Array.from({ length: chains }, (_, i) => ({
      platform,
      name: `model_${i}`,
      trainingRuns: [`urn:li:dataProcessInstance:${platform}-run-${i}`],
      trainingDatasets: [ds(`derived_${i}`)],
      deployments: [`urn:li:mlModelDeployment:(urn:li:dataPlatform:${platform},endpoint_${i},PROD)`],
    })),
  };
  await gql(url, 'mutation($b: IngestBatchInput!) { ingest(batch: $b) { created } }', { b: batch }, token);
  return {
    datasets: Array.from({ length: chains }, (_, i) => ds(`raw_${i}`)),
    models: Array.from({ length: chains }, (_, i) => `urn:li:mlModel:(urn:li:dataPlatform:${platform},model_${i},PROD)`),
  };
}

/** Runs the whole scenario on a throwaway local Neo4j (removing its store afterwards), or on `o.neo4j`. */
export async function runLoadScenario(o: ScenarioOptions): Promise<ScenarioReport> {
  const log = o.log ?? (() => {});
  if (o.neo4j && o.restart) throw new Error('a restart needs the throwaway local Neo4j');
  const home = o.neo4j ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'mlgraph-load-'));
  const port = await freePort();
  const startNeo4j = () => startLocalNeo4j({ home: home!, port, heapMb: 1024, pagecacheMb: 256 });
  let db: LocalNeo4j | undefined = o.neo4j ? undefined : await startNeo4j();
  const target: Neo4jTarget = o.neo4j ?? { uri: db!.uri, user: 'neo4j', password: '', database: 'neo4j' };
  log(`Neo4j up at ${target.uri}`);
  const tokens = Boolean(o.tokens || o.attacker);
  const server = await startServer(o.server, target, tokens, o.serverRoot);
  log(`mlgraph (${o.server}${tokens ? ', tokens, NODE_ENV=production' : ''}${o.serverRoot ? `, built in ${o.serverRoot}` : ''}) at ${server.url}`);
  const driver = neo4j.driver(target.uri, neo4j.auth.basic(target.user, target.password), { disableLosslessIntegers: true });
  try {
    const platform = 'loadseed';
    const { datasets, models } = await seed(server.url, platform, o.chains ?? 200, server.token);
    log(`seeded ${o.chains ?? 200} workflow chains; loading ${o.connections} connections for ${o.durationSec} s${o.restart ? ' with a Neo4j restart a quarter in' : ''}${o.attacker ? ' and one attacker' : ''}`);
    let neo4jDownMs: number | undefined;
    const loadavg = () => os.loadavg().map((x) => Math.round(x * 100) / 100);
    const mix = { url: server.url, connections: o.connections, seedPlatform: platform, datasets, models, batchSize: o.batchSize ?? 10, ops: o.ops };
    const headers = server.token ? { authorization: `Bearer ${server.token}` } : undefined;
    const warmup = o.warmupSec
      ? await runMixedLoad({ ...mix, headers, durationSec: o.warmupSec, onProgress: (p) => log(`warm-up ${p.atSec} s: ${p.answers} answers`) })
      : undefined;
    if (warmup) log(`warm-up: ${warmup.requests} requests in ${o.warmupSec} s (${warmup.throughputPerSec}/s), not measured`);
    const atStart = loadavg();
    const cpuAtStart = { server: server.pid && cpuMs(server.pid), neo4j: db && cpuMs(db.pid), neo4jJit: db && jvmCpuMs(db.pid).jit, generator: process.cpuUsage(), machine: machineCpu() };
    const statementsAtStart = await statementTimes(server.url, server.token);
    log(`load average ${atStart.join(' ')} (${os.cpus().length} cores)`);
    const attacker = o.attacker ? startAttacker(server.hostile!) : undefined;
    const load = runMixedLoad({
      ...mix,
      durationSec: o.durationSec,
      headers,
      onProgress: (p) => log(`${p.atSec} s: ${p.answers} answers, ${p.withErrors} with errors${attacker ? `; attacker sent ${attacker.sent()}` : ''}; load average ${loadavg()[0]}`),
      midRun: o.restart
        ? {
            atSec: o.durationSec / 4,
            action: async () => {
              const t0 = Date.now();
              log('stopping Neo4j');
              await db!.stop();
              db = await startNeo4j();
              neo4jDownMs = Date.now() - t0;
              log(`Neo4j back after ${neo4jDownMs} ms`);
            },
          }
        : undefined,
    });
    const report = await load.catch(async (err) => {
      await attacker?.stop().catch(() => undefined);
      throw err;
    });
    const atEnd = loadavg();
    const cpuSeconds = {
      server: server.pid && cpuAtStart.server !== undefined ? (cpuMs(server.pid) - cpuAtStart.server) / 1000 : undefined,
      neo4j: db && cpuAtStart.neo4j !== undefined && !o.restart ? (cpuMs(db.pid) - cpuAtStart.neo4j) / 1000 : undefined,
      neo4jJit: db && cpuAtStart.neo4jJit !== undefined && !o.restart ? (jvmCpuMs(db.pid).jit - cpuAtStart.neo4jJit) / 1000 : undefined,
      // This process: autocannon and the mix's bodies and checks, on the same cores.
      generator: (({ user, system }) => (user + system) / 1e6)(process.cpuUsage(cpuAtStart.generator)),
      ...machineSince(cpuAtStart.machine),
    };
    const serverPeakMemoryMb = server.pid ? peakMemoryMb(server.pid) : undefined;
    const statements = statementsAtStart && (await statementTimes(server.url, server.token, statementsAtStart));
    const attackerReport = await attacker?.stop();
    if (attackerReport) log(`attacker: ${attackerReport.sent} cases in ${attackerReport.rounds} full rounds`);
    const { acknowledged, unacknowledgedBatches, samples, ...rest } = report;
    const cleanReadAfterLoadSec = await firstCleanRead(server.url, datasets[0], 60_000, server.token);
    log(cleanReadAfterLoadSec === undefined ? 'no clean read within 60 s after the load' : `clean read ${cleanReadAfterLoadSec} s after the load`);
    const consistency = await check(driver, [...(warmup?.acknowledged ?? []), ...acknowledged], [...(warmup?.unacknowledgedBatches ?? []), ...unacknowledgedBatches]);
    const neo4jBackAtSec = rest.midRunAtSec !== undefined && neo4jDownMs !== undefined ? rest.midRunAtSec + neo4jDownMs / 1000 : undefined;
    const phases =
      rest.midRunAtSec !== undefined && neo4jBackAtSec !== undefined
        ? {
            beforeStop: phaseStats(samples.filter((x) => x.sentAtSec < rest.midRunAtSec!)),
            whileAway: phaseStats(samples.filter((x) => x.sentAtSec >= rest.midRunAtSec! && x.sentAtSec < neo4jBackAtSec)),
            afterBack: phaseStats(samples.filter((x) => x.sentAtSec >= neo4jBackAtSec)),
          }
        : undefined;
    const resumed = samples
      .filter((x) => rest.midRunAtSec !== undefined && x.sentAtSec >= rest.midRunAtSec && x.code === 'none')
      .map((x) => x.sentAtSec)
      .sort((a, b) => a - b)[0];
    const operations: Record<string, PhaseStats> = {};
    for (const op of new Set(samples.map((x) => x.op))) operations[op] = phaseStats(samples.filter((x) => x.op === op));
    return {
      ...rest,
      warmupSec: o.warmupSec ?? 0,
      operations,
      cpuSeconds,
      serverPeakMemoryMb,
      statements,
      connections: o.connections,
      restart: o.restart,
      tokens,
      loadAverage: { atStart, atEnd, cpus: os.cpus().length },
      attacker: attackerReport,
      neo4jDownMs,
      neo4jBackAtSec,
      resumedAtSec: resumed,
      cleanReadAfterLoadSec,
      phases,
      consistency,
    };
  } finally {
    await driver.close();
    await server.stop();
    await db?.stop();
    if (home) fs.rmSync(home, { recursive: true, force: true });
  }
}

async function check(
  driver: import('neo4j-driver').Driver,
  acknowledged: string[],
  unacknowledged: string[][],
): Promise<Consistency> {
  let partialBatches = 0;
  for (const urns of unacknowledged) {
    const res = await driver.executeQuery('UNWIND $urns AS urn MATCH (n:Entity {urn: urn}) RETURN count(n) AS n', { urns });
    const stored = res.records[0].get('n');
    if (stored !== 0 && stored !== urns.length) partialBatches++;
  }
  const present = await driver.executeQuery(
    'UNWIND $urns AS urn OPTIONAL MATCH (n:Entity {urn: urn}) WITH urn, count(n) AS c WHERE c <> 1 RETURN count(urn) AS bad',
    { urns: acknowledged },
  );
  const stored = await driver.executeQuery(
    "MATCH (n:Dataset {platform: 'loadtest'}) RETURN count(n) AS n, count(DISTINCT n.urn) AS d",
  );
  const n = stored.records[0].get('n');
  const d = stored.records[0].get('d');
  return {
    acknowledgedWrites: acknowledged.length,
    acknowledgedMissing: present.records[0].get('bad'),
    storedLoadDatasets: n,
    distinctUrns: d,
    duplicates: n - d,
    unacknowledgedBatches: unacknowledged.length,
    partialBatches,
  };
}

/** The machine's busy and total CPU seconds since `start` (machineCpu), or nothing off Linux. */
function machineSince(start: { busy: number; total: number } | undefined): { machineBusy?: number; machineTotal?: number } {
  const now = machineCpu();
  return start && now ? { machineBusy: (now.busy - start.busy) / 100, machineTotal: (now.total - start.total) / 100 } : {};
}

/** The machine's CPU time so far, all cores, in USER_HZ ticks (1/100 s) from /proc/stat: busy (everything but idle and iowait) and total; undefined off Linux. */
function machineCpu(): { busy: number; total: number } | undefined {
  try {
    const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const total = fields.reduce((a, b) => a + b, 0);
    return { busy: total - fields[3] - (fields[4] ?? 0), total };
  } catch {
    return undefined;
  }
}
