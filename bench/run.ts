// Runs the lineage benchmark on a store loaded by bench:load: p50/p95 of impact and upstream
// lineage through GraphQL over HTTP and of the same traversal through the raw driver, for roots of
// small, medium and large reach, then the naive path-enumerating query against the breadth-first
// walk on the diamond lattices. Usage: npm run bench:run -- --size 100k [--iterations 20] [--bolt-port N] [--port N]
// [--no-lattices] (the roots only). The server keeps walks as `npm start` does (LINEAGE_CACHE_WALKS=0: none).
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { PROJECT_ROOT } from '../src/config';
import { createServer } from '../src/server';
import { arg, benchLog, boltPortArg, parseSize, startBenchDatabase } from './bench-neo4j';
import { benchDir, type Manifest } from './manifest';
import { rawWalk } from './raw-walk';

const SELECTION = `total isPartial countsByType { type count }
  items { degree entity { urn type name } path { relationship from { urn } to { urn } } }`;
const IMPACT = `query Impact($urn: ID!) { result: impact(urn: $urn, first: 100) { ${SELECTION} } }`;
const UPSTREAM = `query Upstream($urn: ID!) { result: lineage(urn: $urn, direction: UPSTREAM, maxDepth: 50, first: 100) { ${SELECTION} } }`;
const NAIVE = fs.readFileSync(path.join(PROJECT_ROOT, 'bench', 'cypher', 'naive-downstream.cypher'), 'utf8');
const PLANNER_BFS = fs.readFileSync(path.join(PROJECT_ROOT, 'bench', 'cypher', 'planner-bfs-downstream.cypher'), 'utf8');

interface Stats {
  p50: number;
  p95: number;
  min: number;
  max: number;
  n: number;
}

function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  return { p50: at(0.5), p95: at(0.95), min: s[0], max: s[s.length - 1], n: s.length };
}

async function time(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function measure(iterations: number, warmup: number, work: () => Promise<unknown>): Promise<Stats> {
  return (await measureInterleaved(iterations, warmup, [work]))[0];
}

/**
 * Runs the variants in turn, iteration by iteration, so that load from other processes on the
 * machine falls on all of them alike rather than on whichever ran during a busy spell.
 */
async function measureInterleaved(iterations: number, warmup: number, variants: (() => Promise<unknown>)[]): Promise<Stats[]> {
  for (let i = 0; i < warmup; i++) for (const v of variants) await v();
  const samples = variants.map(() => [] as number[]);
  for (let i = 0; i < iterations; i++) for (const [k, v] of variants.entries()) samples[k].push(await time(v));
  return samples.map(stats);
}

async function main() {
  const size = parseSize(arg('size'));
  const iterations = Number(arg('iterations', '20'));
  const warmup = Number(arg('warmup', '3'));
  const naiveTimeoutMs = Number(arg('naive-timeout', '60000'));
  const manifestPath = path.join(benchDir(size.name), 'manifest.json');
  if (!fs.existsSync(manifestPath)) throw new Error(`${size.name} is not loaded: run npm run bench:load -- --size ${size.name}`);
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Manifest;

  const db = await startBenchDatabase(size.name, undefined, boltPortArg());
  const server = await createServer({ config: { bodyLimit: '10mb', introspection: false, landingPage: false }, graph: db.graph, log: benchLog });
  const url = await server.listen(Number(arg('port', '0')), '127.0.0.1');
  const driver = neo4j.driver(db.neo4j.uri, neo4j.auth.basic('neo4j', ''), { disableLosslessIntegers: true });
  const gql = async (query: string, urn: string) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables: { urn } }) });
    const body = (await res.json()) as { data?: { result: { total: number; isPartial: boolean; items: unknown[] } }; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data!.result;
  };

  const rows: Record<string, unknown>[] = [];
  try {
    console.log(
      `# ${size.name}: ${manifest.counts.nodes} nodes, ${manifest.counts.edges} edges; ${iterations} runs after ${warmup} warm-up runs; load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`,
    );
    const seen = new Set<string>();
    for (const root of manifest.roots) {
      if (seen.has(root.direction + root.urn)) continue; // small graphs: the largest reach may also be the medium one
      seen.add(root.direction + root.urn);
      const query = root.direction === 'DOWNSTREAM' ? IMPACT : UPSTREAM;
      // A walk right after Neo4j started can spend the time budget while Neo4j plans and compiles
      // (the answer says isPartial): asked again, it is the walk the runs below measure.
      let first = await gql(query, root.urn);
      for (let i = 0; first.isPartial && i < 3; i++) first = await gql(query, root.urn);
      const raw = await rawWalk(driver, root.urn, root.direction, root.direction === 'DOWNSTREAM' ? 1000 : 50, 100);
      if (raw.total !== first.total) throw new Error(`raw walk found ${raw.total}, GraphQL ${first.total} for ${root.urn}`);
      const [api, direct] = await measureInterleaved(iterations, warmup, [
        () => gql(query, root.urn),
        () => rawWalk(driver, root.urn, root.direction, root.direction === 'DOWNSTREAM' ? 1000 : 50, 100),
      ]);
      const row = { kind: root.direction === 'DOWNSTREAM' ? 'impact' : 'lineage UPSTREAM', reach: root.reach, total: first.total, levels: raw.levels, urn: root.urn, graphql: api, raw: direct, ratio: api.p50 / direct.p50 };
      rows.push(row);
      console.log(line(row as never));
    }

    if (process.argv.includes('--no-lattices')) manifest.lattices = [];
    else console.log(`\n# diamond lattices: impact through GraphQL vs one variable-length query returning degrees and paths (naive, timeout ${naiveTimeoutMs} ms)`);
    const naiveRows: Record<string, unknown>[] = [];
    for (const lattice of manifest.lattices) {
      const api = await measure(Math.min(iterations, 10), 2, () => gql(IMPACT, lattice.root));
      const plannerBfs = await measure(5, 1, () => driver.executeQuery(PLANNER_BFS, { urn: lattice.root }, { database: 'neo4j' }));
      let naive: number | null = null;
      let naiveError: string | null = null;
      const started = performance.now();
      try {
        await driver.executeQuery(NAIVE, { urn: lattice.root }, { database: 'neo4j', transactionConfig: { timeout: naiveTimeoutMs } });
        naive = performance.now() - started;
      } catch (err) {
        const reason = /memory/i.test(String(err)) ? 'out of transaction memory' : /timeout|terminated/i.test(String(err)) ? 'timed out' : String(err).slice(0, 80);
        naiveError = `${reason} after ${((performance.now() - started) / 1000).toFixed(1)} s`;
      }
      const paths = `${lattice.width}^${lattice.depth}`;
      const row = { paths, nodes: lattice.nodes, bfsP50: api.p50, bfsP95: api.p95, plannerBfsDegreesOnlyP50: plannerBfs.p50, naiveMs: naive, naiveError, ratio: naive === null ? null : naive / api.p50 };
      naiveRows.push(row);
      console.log(
        `lattice ${paths.padEnd(6)} paths, ${String(lattice.nodes).padStart(3)} nodes | BFS impact p50 ${ms(api.p50)} p95 ${ms(api.p95)} | degrees-only pruning BFS p50 ${ms(plannerBfs.p50)} | naive ${naive === null ? `did not finish (${naiveError})` : `${ms(naive)} (${(naive / api.p50).toFixed(0)}x)`}`,
      );
    }
    const out = path.join(PROJECT_ROOT, 'bench', 'results', `${size.name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, JSON.stringify({ size: size.name, manifest, machine: machine(), iterations, warmup, rows, lattices: naiveRows }, null, 2));
    console.log(`\nload average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}; results: ${path.relative(PROJECT_ROOT, out)}`);
  } finally {
    await driver.close();
    await server.stop();
    await db.stop();
  }
}

function line(r: { kind: string; reach: string; total: number; levels: number; graphql: Stats; raw: Stats; ratio: number }): string {
  return `${r.kind.padEnd(16)} ${r.reach.padEnd(6)} reach ${String(r.total).padStart(6)} (${r.levels} levels) | GraphQL p50 ${ms(r.graphql.p50)} p95 ${ms(r.graphql.p95)} | raw driver p50 ${ms(r.raw.p50)} p95 ${ms(r.raw.p95)} | ${r.ratio.toFixed(2)}x`;
}

const ms = (x: number) => `${x.toFixed(1)} ms`.padStart(10);

function machine() {
  return { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, load: os.loadavg() };
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
