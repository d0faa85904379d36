// Before and after for first (uncached) column walks, in one Neo4j (BENCHMARKS.md, "Column-level
// impact"): the walk code of another build of mlgraph (--before: its dist/bench-out, built with
// `tsc -p tsconfig.bench.json` in a copy of the earlier commit whose .data/bench links to this
// one's) and this build's, in turn (A B B A ...) on the store of `npm run bench:columns -- --phase
// load`, straight through walkColumns in a read transaction. Each side reads its own cypher/ files.
// Prints per walk the wall time, the Neo4j CPU time without the JIT compiler threads (see
// columns-profile.ts), Node's CPU time and the reach; then whether both sides gave the same answer
// (reached entities, paths with their column edges, precision, what is affected), and the db hits of
// each side's statements under PROFILE.
// Usage: npm run bench:columns-ab -- --before DIR [--iterations 16] [--warmup 4] [--direction DOWNSTREAM|UPSTREAM]
//        [--root URN] [--root-type DATASET|FEATURE|MODEL] [--column c_10] [--size 100k] [--bolt-port N]
import 'reflect-metadata';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import type { GraphTransaction } from '../src/graph';
import type { Query } from '../src/graph/query';
import { Status, type EntityType } from '../src/model/entity-type';
import type { ColumnWalk, ColumnWalkOptions } from '../src/modules/columns/column-walk';
import * as here from '../src/modules/columns/column-walk';
import { lineageLimits } from '../src/modules/lineage/lineage.config';
import { LineageDirection } from '../src/modules/lineage/lineage-steps';
import { arg, boltPortArg, parseSize, startBenchDatabase } from './bench-neo4j';
import { jvmCpuMs } from './server-process';

type WalkColumns = (tx: GraphTransaction, root: string, type: EntityType, columns: readonly string[], options: ColumnWalkOptions) => Promise<ColumnWalk>;

const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');

/** What a walk answered, comparable between builds (a hop's column edges in sorted order: earlier builds kept Neo4j's). */
function answerOf(w: ColumnWalk): string {
  const nodes = [...w.nodes.values()].sort((a, b) => (a.urn < b.urn ? -1 : a.urn > b.urn ? 1 : 0));
  return JSON.stringify(
    nodes.map((n) => [
      n.urn,
      n.proven ? [n.proven.from, n.proven.relationship, n.proven.links.map((l) => JSON.stringify(l)).sort()] : null,
      n.fallback ? [n.fallback.from, n.fallback.relationship, n.fallback.precision] : null,
      n.carried instanceof Map ? [...n.carried].map(([k, v]) => [k, v === 'ALL' ? v : [...v].sort()]) : (n.carried ?? null),
      n.tentative ?? null,
    ]),
  );
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor((v.length - 1) / 2)];
const p95 = (v: number[]) => [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.ceil(0.95 * v.length) - 1)];

async function main() {
  const before = arg('before');
  if (!before) throw new Error('--before DIR: the dist/bench-out of the build to compare with');
  const walkBefore = (require(path.resolve(before, 'src/modules/columns/column-walk')) as { walkColumns: WalkColumns }).walkColumns;
  const sides: Record<'A' | 'B', WalkColumns> = { A: walkBefore, B: here.walkColumns };
  const size = parseSize(arg('size', '100k'));
  const direction = arg('direction', 'DOWNSTREAM') as LineageDirection;
  const root = arg('root', 'urn:li:dataset:(urn:li:dataPlatform:kafka,c100k.raw.events_36,PROD)')!;
  const rootType = arg('root-type', 'DATASET') as EntityType;
  const columns = rootType === 'DATASET' ? [arg('column', 'c_10')!] : [];
  const iterations = Number(arg('iterations', '16'));
  const warmup = Number(arg('warmup', '4'));
  const options: ColumnWalkOptions = { ...lineageLimits(), direction, maxDepth: 1000, statuses: [Status.ACTIVE, Status.DEPRECATED], asOf: null };
  const db = await startBenchDatabase(`columns-${size.name}`, undefined, boltPortArg());
  const samples = { A: [] as { ms: number; db: number; node: number }[], B: [] as { ms: number; db: number; node: number }[] };
  const statements: Record<string, { query: Query<object, object>; params: object }[]> = {};
  const answers: Record<string, string> = {};
  try {
    console.log(`[columns ab] A = ${before}, B = this build; ${direction} from ${root} ${columns.join(',')}; load average ${load()}`);
    for (let i = 0; i < iterations; i++) {
      for (const k of i % 2 ? (['B', 'A'] as const) : (['A', 'B'] as const)) {
        const sent: { query: Query<object, object>; params: object }[] = [];
        const cpu0 = jvmCpuMs(db.neo4j.pid).work;
        const node0 = process.cpuUsage();
        const started = performance.now();
        const walk = await db.graph.readTransaction('columns-ab', (tx) => {
          const rec: GraphTransaction = {
            async run<P extends object, R extends object>(query: Query<P, R>, params: P): Promise<R[]> {
              sent.push({ query: query as Query<object, object>, params });
              return tx.run(query, params);
            },
          };
          return sides[k](rec, root, rootType, columns, options);
        });
        const ms = performance.now() - started;
        const dbCpu = jvmCpuMs(db.neo4j.pid).work - cpu0;
        const nodeCpu = process.cpuUsage(node0);
        const node = (nodeCpu.user + nodeCpu.system) / 1000;
        if (i >= warmup) samples[k].push({ ms, db: dbCpu, node });
        statements[k] = sent;
        answers[k] = answerOf(walk);
        console.log(`[columns ab] ${k} ${i}: ${ms.toFixed(0)} ms, neo4j cpu ${dbCpu} ms, node cpu ${node.toFixed(0)} ms, reach ${walk.nodes.size}, ${walk.statements} statements; load average ${load()}`);
      }
    }
    console.log(`[columns ab] same answer: ${answers.A === answers.B}`);
    for (const k of ['A', 'B'] as const) {
      const x = samples[k];
      console.log(
        `[columns ab] ${k} (${x.length} walks after ${warmup}): wall p50 ${median(x.map((s) => s.ms)).toFixed(0)} p95 ${p95(x.map((s) => s.ms)).toFixed(0)} ms; ` +
          `neo4j cpu median ${median(x.map((s) => s.db))} mean ${(x.reduce((a, s) => a + s.db, 0) / x.length).toFixed(0)} ms; node cpu median ${median(x.map((s) => s.node)).toFixed(0)} ms`,
      );
    }
    const driver = neo4j.driver(db.neo4j.uri, neo4j.auth.basic('neo4j', ''));
    const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ });
    type Plan = { dbHits: number; children: Plan[] };
    const hits = (p: Plan): number => p.dbHits + p.children.reduce((a, c) => a + hits(c), 0);
    try {
      for (const k of ['A', 'B'] as const) {
        const per: number[] = [];
        for (const s of statements[k]) per.push(hits((await session.run(`PROFILE ${s.query.text}`, s.params as Record<string, unknown>)).summary.profile as unknown as Plan));
        console.log(`[columns ab] ${k} db hits ${per.reduce((a, b) => a + b, 0)}: ${per.join(', ')}`);
      }
    } finally {
      await session.close();
      await driver.close();
    }
    console.log(`[columns ab] load average ${load()}`);
  } finally {
    await db.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
