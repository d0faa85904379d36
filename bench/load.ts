// Bulk-loads a synthetic ML lineage graph into the benchmark store through the ingest path
import 'reflect-metadata';
// (applyWrites, one transaction per batch), then picks benchmark roots of small, medium and large
// reach. Usage: npm run bench:load -- --size 100k [--batch 10000] [--force]
import fs from 'node:fs';
import path from 'node:path';
import { Status } from '../src/model/entity-type';
import { applyWrites } from '../src/modules/entities/write/entity-writer';
import { toEntityWrite } from '../src/modules/entities/write/to-entity-write';
import type { EntityWrite } from '../src/modules/entities/write/write-plan';
import { LineageDirection } from '../src/modules/lineage/lineage-steps';
import { walkLineage } from '../src/modules/lineage/lineage-walk';
import { arg, boltPortArg, parseSize, startBenchDatabase, type BenchDatabase } from './bench-neo4j';
import { diamondLattice, latticeRoot, mlGraph, rng, type GeneratedEntity } from './generate';
import { benchDir, type Manifest, type RootChoice } from './manifest';

/** Lattices loaded beside every graph: [width, depth]; width^depth paths from root to model. */
export const LATTICES: [number, number][] = [
  [2, 10],
  [2, 14],
  [2, 18],
  [2, 22],
  [2, 40],
  [4, 20],
];

async function main() {
  const size = parseSize(arg('size'));
  const batchSize = Math.min(10_000, Number(arg('batch', '10000')));
  const dir = benchDir(size.name);
  const manifestPath = path.join(dir, 'manifest.json');
  if (process.argv.includes('--force')) {
    fs.rmSync(path.join(process.cwd(), '.data', 'bench', size.name), { recursive: true, force: true });
    fs.rmSync(dir, { recursive: true, force: true });
  }
  if (fs.existsSync(manifestPath)) {
    if (!process.argv.includes('--roots')) {
      console.log(`${size.name} is already loaded (${manifestPath}); --force reloads it, --roots only re-picks roots.`);
      return;
    }
    const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Manifest;
    const db = await startBenchDatabase(size.name, undefined, boltPortArg());
    try {
      manifest.roots = await chooseRoots(db, manifest.prefix);
      fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
      console.log(JSON.stringify(manifest.roots, null, 2));
    } finally {
      await db.stop();
    }
    return;
  }
  fs.mkdirSync(dir, { recursive: true });
  console.log(`[load ${size.name}] starting the benchmark Neo4j (.data/bench/${size.name})`);
  const db = await startBenchDatabase(size.name, undefined, boltPortArg());
  if (process.env.BENCH_TRACE) db.graph.onStatement((e) => e.ms > 200 && console.log(`[trace] ${e.query} ${e.ms} ms, ${e.rows} rows`));
  try {
    const prefix = `b${size.name}`;
    const started = Date.now();
    const loaded = await load(db, mlGraph(size.nodes, prefix), size.nodes, batchSize, `graph ${size.name}`);
    const lattices = [];
    for (const [width, depth] of LATTICES) {
      const p = `${prefix}-lattice-${width}x${depth}`;
      await load(db, diamondLattice(width, depth, p), width * depth + 2, batchSize, `lattice ${width}x${depth}`);
      lattices.push({ width, depth, root: latticeRoot(p), nodes: width * depth + 1 });
    }
    const loadSeconds = (Date.now() - started) / 1000;
    const manifest: Manifest = { size: size.name, nodes: loaded, prefix, loadSeconds, batchSize, roots: [], lattices, counts: await counts(db) };
    fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
    console.log(`[load ${size.name}] ${loaded} entities in ${loadSeconds.toFixed(0)} s (${JSON.stringify(manifest.counts)}); choosing roots`);
    manifest.roots = await chooseRoots(db, prefix);
    fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
    console.log(`[load ${size.name}] done\n${JSON.stringify(manifest.roots, null, 2)}`);
  } finally {
    await db.stop();
  }
}

async function load(db: BenchDatabase, entities: Iterable<GeneratedEntity>, expected: number, batchSize: number, label: string) {
  const started = Date.now();
  let done = 0;
  let batch: EntityWrite[] = [];
  let lastReport = 0;
  const flush = async () => {
    if (!batch.length) return;
    await applyWrites(db.graph, batch, [], { actor: 'bench-loader', source: 'batch' });
    done += batch.length;
    batch = [];
    const now = Date.now();
    if (now - lastReport > 2_000 || done >= expected) {
      lastReport = now;
      const rate = done / ((now - started) / 1000);
      const eta = Math.max(0, (expected - done) / rate);
      console.log(`[load] ${label}: ${done}/${expected} entities, ${rate.toFixed(0)}/s, eta ${eta.toFixed(0)} s`);
    }
  };
  for (const e of entities) {
    batch.push(toEntityWrite(e.type, e.input, `${label}.${done + batch.length}`));
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return done;
}

const REACH_TARGETS = { small: 100, medium: 1_000, large: 10_000 };
/** Indexes of generated entities always tried as roots: popularity falls off with the index. */
const SPREAD = new Set([0, 1, 2, 3, 5, 8, 13, 20, 30, 50, 80, 130, 200, 300, 500, 800, 1300, 2000, 3000, 5000, 8000, 13000, 20000]);

/**
 * Samples candidate roots and measures their reach with the real walk (capped), then keeps, per
 * direction, the candidates whose reach is closest (in ratio) to 100, 1,000 and 10,000.
 */
async function chooseRoots(db: BenchDatabase, prefix: string): Promise<RootChoice[]> {
  const r = rng(7);
  // Random entities of a label, plus the first ones generated (the popular, high-fan-in ones).
  const sample = async (label: string, n: number) => {
    const urns = (await db.graph.read(sampleQuery, { label, prefix })).map((x) => x.urn).filter((u) => !u.includes('lattice'));
    const popular = urns.filter((u) => SPREAD.has(Number(/(\d+)\D*$/.exec(u)?.[1] ?? -1)));
    return [...popular, ...Array.from({ length: Math.min(n, urns.length) }, () => urns[Math.floor(r() * urns.length)])];
  };
  const out: RootChoice[] = [];
  const plans: [LineageDirection, string[]][] = [
    [LineageDirection.DOWNSTREAM, [...(await sample('Dataset', 60)), ...(await sample('Feature', 30)), ...(await sample('Run', 20))]],
    [
      LineageDirection.UPSTREAM,
      [...(await sample('Model', 30)), ...(await sample('Deployment', 30)), ...(await sample('ModelGroup', 30)), ...(await sample('Dataset', 30))],
    ],
  ];
  for (const [direction, candidates] of plans) {
    const reach: { urn: string; total: number }[] = [];
    for (const urn of new Set(candidates)) {
      const walk = await walkLineage(db.graph, urn, {
        direction,
        maxDepth: 1000,
        statuses: [Status.ACTIVE, Status.DEPRECATED],
        asOf: null,
        maxNodes: 30_000,
        budgetMs: 60_000,
      });
      if (!walk.isPartial) reach.push({ urn, total: walk.reached.size });
      if (process.env.BENCH_TRACE) console.log(`[roots] ${direction} ${urn}: ${walk.isPartial ? '> 30000' : walk.reached.size}`);
    }
    for (const [name, target] of Object.entries(REACH_TARGETS)) {
      const best = reach
        .filter((c) => c.total > 0)
        .sort((a, b) => Math.abs(Math.log(a.total / target)) - Math.abs(Math.log(b.total / target)))[0];
      if (best) out.push({ direction, reach: name, urn: best.urn, total: best.total });
    }
  }
  return out;
}

// Sampling roots is benchmark bookkeeping, not product code: a plain read through the executor.
const sampleQuery = {
  name: 'bench/sample',
  params: ['label', 'prefix'],
  text: 'MATCH (n:Entity) WHERE $label IN labels(n) AND n.urn CONTAINS $prefix RETURN n.urn AS urn ORDER BY urn',
} as const as import('../src/graph').Query<{ label: string; prefix: string }, { urn: string }>;

async function counts(db: BenchDatabase) {
  const [row] = await db.graph.read(countQuery, {});
  return row;
}

const countQuery = {
  name: 'bench/count',
  params: [],
  text: 'MATCH (n:Entity) WITH count(n) AS nodes CALL () { MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS edges } RETURN nodes, edges',
} as const as import('../src/graph').Query<Record<string, never>, { nodes: number; edges: number }>;

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
