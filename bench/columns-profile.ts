// Where a first (uncached) column walk spends its time, statement by statement, on the store of
// `npm run bench:columns -- --phase load` (BENCHMARKS.md, "Column-level impact"): times the
// column walk and the entity walk of the same root in turn, prints each statement's time and rows,
// and then runs every statement of one column walk again under PROFILE and prints its db hits
// (total and by operator).
// Usage: npm run bench:columns-profile -- [--size 100k] [--root URN] [--column c_10] [--iterations 5] [--warmup 1] [--bolt-port N]
import 'reflect-metadata';
import os from 'node:os';
import neo4j from 'neo4j-driver';
import type { GraphTransaction } from '../src/graph';
import type { Query } from '../src/graph/query';
import { EntityType, Status } from '../src/model/entity-type';
import { walkColumns } from '../src/modules/columns/column-walk';
import { lineageLimits } from '../src/modules/lineage/lineage.config';
import { LineageDirection } from '../src/modules/lineage/lineage-steps';
import { walkIn } from '../src/modules/lineage/lineage-walk';
import { arg, boltPortArg, parseSize, startBenchDatabase } from './bench-neo4j';
import { jvmCpuMs } from './server-process';

const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');

interface Statement {
  query: Query<object, object>;
  params: object;
  ms: number;
  rows: number;
}

/** A transaction that records what runs through it. */
function recording(tx: GraphTransaction, into: Statement[]): GraphTransaction {
  return {
    async run<P extends object, R extends object>(query: Query<P, R>, params: P): Promise<R[]> {
      const started = performance.now();
      const rows = await tx.run(query, params);
      into.push({ query: query as Query<object, object>, params, ms: performance.now() - started, rows: rows.length });
      return rows;
    },
  };
}

interface PlanNode {
  operatorType: string;
  dbHits: number;
  rows: number;
  arguments: Record<string, unknown>;
  children: PlanNode[];
}

function printPlan(plan: PlanNode, depth = 0): void {
  console.log(`   ${'  '.repeat(depth)}${plan.operatorType} hits ${plan.dbHits} rows ${plan.rows} ${String(plan.arguments.Details ?? '').slice(0, 140)}`);
  for (const c of plan.children) printPlan(c, depth + 1);
}

function operators(plan: PlanNode, into = new Map<string, number>()): Map<string, number> {
  into.set(plan.operatorType, (into.get(plan.operatorType) ?? 0) + plan.dbHits);
  for (const c of plan.children) operators(c, into);
  return into;
}

async function main() {
  const size = parseSize(arg('size', '100k'));
  const root = arg('root', 'urn:li:dataset:(urn:li:dataPlatform:kafka,c100k.raw.events_36,PROD)')!;
  const column = arg('column', 'c_10')!;
  const iterations = Number(arg('iterations', '5'));
  const warmup = Number(arg('warmup', '1'));
  const db = await startBenchDatabase(`columns-${size.name}`, undefined, boltPortArg());
  const options = { ...lineageLimits(), direction: LineageDirection.DOWNSTREAM, maxDepth: 1000, statuses: [Status.ACTIVE, Status.DEPRECATED], asOf: null };
  try {
    console.log(`[columns profile] root ${root} column ${column}; load average ${load()}`);
    let last: Statement[] = [];
    const samples = { column: [] as { ms: number; dbCpu: number; jit: number }[], entity: [] as { ms: number; dbCpu: number; jit: number }[] };
    for (let i = 0; i < iterations; i++) {
      for (const kind of ['column', 'entity'] as const) {
        const statements: Statement[] = [];
        const started = performance.now();
        const cpu0 = { db: jvmCpuMs(db.neo4j.pid), node: process.cpuUsage() };
        const reached = await db.graph.readTransaction('profile', async (tx) => {
          const rec = recording(tx, statements);
          if (kind === 'column') return (await walkColumns(rec, root, EntityType.DATASET, [column], options)).nodes.size;
          return (await walkIn(rec, root, options)).reached.size;
        });
        const ms = performance.now() - started;
        const cpu1 = jvmCpuMs(db.neo4j.pid);
        const dbCpu = cpu1.work - cpu0.db.work;
        const jit = cpu1.jit - cpu0.db.jit;
        const nodeCpu = process.cpuUsage(cpu0.node);
        const inDb = statements.reduce((s, x) => s + x.ms, 0);
        console.log(
          `[columns profile] ${kind} walk: ${ms.toFixed(1)} ms, ${statements.length} statements (${inDb.toFixed(1)} ms), reach ${reached}; ` +
            `cpu neo4j ${dbCpu} ms (JIT compilers ${jit} ms besides), node ${((nodeCpu.user + nodeCpu.system) / 1000).toFixed(0)} ms; load average ${load()}`,
        );
        samples[kind].push({ ms, dbCpu, jit });
        if (i === iterations - 1) {
          for (const s of statements) console.log(`   ${s.query.name} ${s.ms.toFixed(1)} ms ${s.rows} rows`);
        }
        if (kind === 'column') last = statements;
      }
    }
    for (const kind of ['column', 'entity'] as const) {
      // the first walks of each kind read from disk and wait for plans: left out (--warmup, default 1)
      const xs = samples[kind].slice(warmup);
      const ms = xs.map((x) => x.ms).sort((a, b) => a - b);
      const median = (v: number[]) => v[Math.floor((v.length - 1) / 2)];
      const p95 = (v: number[]) => v[Math.min(v.length - 1, Math.ceil(0.95 * v.length) - 1)];
      const cpu = xs.map((x) => x.dbCpu).sort((a, b) => a - b);
      console.log(`[columns profile] ${kind} walks (${xs.length}): p50 ${median(ms).toFixed(1)} ms, p95 ${p95(ms).toFixed(1)} ms; neo4j cpu median ${median(cpu)} ms, mean ${(cpu.reduce((a, b) => a + b, 0) / cpu.length).toFixed(0)} ms (JIT compilers besides: ${xs.reduce((a, x) => a + x.jit, 0)} ms in all); load average ${load()}`);
    }
    const driver = neo4j.driver(db.neo4j.uri, neo4j.auth.basic('neo4j', ''));
    const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ });
    try {
      let total = 0;
      for (const s of last) {
        const result = await session.run(`PROFILE ${s.query.text}`, s.params as Record<string, unknown>);
        const plan = result.summary.profile as unknown as PlanNode;
        const ops = operators(plan);
        const hits = [...ops.values()].reduce((a, b) => a + b, 0);
        total += hits;
        const top = [...ops].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([op, h]) => `${op} ${h}`).join(', ');
        console.log(`   PROFILE ${s.query.name}: ${hits} db hits, ${s.rows} rows (${top})`);
        if (arg('plan') === String(last.indexOf(s))) printPlan(plan);
      }
      console.log(`[columns profile] column walk: ${total} db hits in all`);
    } finally {
      await session.close();
      await driver.close();
    }
  } finally {
    await db.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
