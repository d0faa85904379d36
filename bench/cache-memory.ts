// What a kept lineage walk costs the server's heap per reached entity (LINEAGE_CACHE_ENTITIES).
// Starts Neo4j on a loaded benchmark store, then runs the server in a process of its own four
// times in turn, with walks kept (LINEAGE_CACHE_WALKS=1000) and without (0), twice each, every
// time asking every root of the store's manifest the same questions; each child forces garbage
// collection and reports its used heap. The difference, over the entities the walks reached, is
// what a kept walk holds per entity: its reached map, its signature when it has one, and the page's
// held records. (The read cache, which keeps whole answers, is off in both.)
//   npm run bench:cache-memory -- --size 1m [--first 100]
//   npm run bench:cache-memory -- --size 100k --column c_10 [--roots 20]   (column walks, bench:columns' store)
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import neo4j from 'neo4j-driver';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import { connectGraph } from '../src/graph';
import { createServer } from '../src/server';
import { arg, benchLog, boltPortArg, parseSize, startBenchDatabase } from './bench-neo4j';
import { benchDir, type Manifest } from './manifest';

interface ChildReport {
  heapUsed: number;
  reached: number;
  questions: number;
  /** Distinct entities on the pages (items and path hops, roots apart): the records a kept walk holds. */
  held: number;
}

interface Answer {
  total: number;
  isPartial: boolean;
  items: { entity: { urn: string }; path: { from: { urn: string }; to: { urn: string } }[] }[];
}

const gc = (globalThis as { gc?: () => void }).gc;

/** One question: its root and the GraphQL field that asks it (`$urn` the root). */
interface Question {
  urn: string;
  field: string;
}

async function child(uri: string, questions: Question[]): Promise<ChildReport> {
  const graph = connectGraph({ uri, user: 'neo4j', password: '', database: 'neo4j', queryTimeoutMs: 120_000, maxRetryMs: 5_000 }, benchLog);
  const server = await createServer({ config: { bodyLimit: '10mb', introspection: false, landingPage: false }, graph, log: benchLog });
  const url = await server.listen(0, '127.0.0.1');
  const selection = `total isPartial items { degree entity { urn type name } path { relationship from { urn } to { urn } } }`;
  const ask = async ({ urn, field }: Question) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `query Q($urn: ID!) { result: ${field} { ${selection} } }`, variables: { urn } }),
    });
    const body = (await res.json()) as { data?: { result: Answer }; errors?: unknown[] };
    if (body.errors || !body.data) throw new Error(JSON.stringify(body.errors));
    return body.data.result;
  };
  let reached = 0;
  const held = new Set<string>();
  for (const root of questions) {
    let answer = await ask(root);
    for (let i = 0; answer.isPartial && i < 3; i++) answer = await ask(root); // a cold Neo4j can spend the time budget planning
    if (answer.isPartial) throw new Error(`the walk from ${root.urn} stayed partial`);
    await ask(root); // asked again: from the kept walk when walks are kept
    reached += answer.total;
    for (const item of answer.items) for (const u of [item.entity.urn, ...item.path.flatMap((h) => [h.from.urn, h.to.urn])]) if (u !== root.urn) held.add(`${root.urn} ${u}`);
  }
  for (let i = 0; i < 4; i++) gc!();
  const heapUsed = process.memoryUsage().heapUsed;
  await server.stop();
  await graph.close();
  return { heapUsed, reached, questions: questions.length, held: held.size };
}

async function main() {
  const first = Number(arg('first', '100'));
  const size = parseSize(arg('size', '1m'));
  if (process.argv.includes('--child')) {
    if (!gc) throw new Error('run with node --expose-gc');
    process.stdout.write(JSON.stringify(await child(arg('uri')!, JSON.parse(arg('questions')!) as Question[])) + '\n');
    return;
  }
  // Column walks (--column c): the column store of bench:columns, the impact of that column of its
  // first --roots raw datasets; else the manifest's roots of bench:load's store.
  const column = arg('column');
  const store = column ? `columns-${size.name}` : size.name;
  const db = await startBenchDatabase(store, undefined, boltPortArg());
  let questions: Question[];
  if (column) {
    const driver = neo4j.driver(db.neo4j.uri, neo4j.auth.basic('neo4j', ''));
    const text = fs.readFileSync(path.join(PROJECT_ROOT, 'bench', 'cypher', 'raw-datasets.cypher'), 'utf8');
    const { records } = await driver.executeQuery(text, { limit: neo4j.int(Number(arg('roots', '20'))) }, { database: 'neo4j' });
    await driver.close();
    questions = records.map((r) => ({ urn: r.get('urn') as string, field: `impact(urn: $urn, columns: ${JSON.stringify([column])}, first: ${first})` }));
  } else {
    const manifest = JSON.parse(fs.readFileSync(path.join(benchDir(size.name), 'manifest.json'), 'utf8')) as Manifest;
    const roots = manifest.roots.filter((r, i) => manifest.roots.findIndex((o) => o.urn === r.urn && o.direction === r.direction) === i);
    questions = roots.map((r) => ({
      urn: r.urn,
      field: r.direction === 'DOWNSTREAM' ? `impact(urn: $urn, first: ${first})` : `lineage(urn: $urn, direction: UPSTREAM, maxDepth: 50, first: ${first})`,
    }));
  }
  try {
    const reports: Record<string, ChildReport> = {};
    for (const [mode, walks] of [['none', '0'], ['kept', '1000'], ['none again', '0'], ['kept again', '1000']] as const) {
      console.log(`# ${mode}: LINEAGE_CACHE_WALKS=${walks}, ${questions.length} questions, first: ${first}`);
      const out = execFileSync(process.execPath, ['--expose-gc', __filename, '--child', '--uri', db.neo4j.uri, '--questions', JSON.stringify(questions)], {
        env: { ...process.env, LINEAGE_CACHE_WALKS: walks, READ_CACHE_ENTRIES: '0' }, // answers kept apart from walks: none, in both
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      reports[mode] = JSON.parse(out.trim().split('\n').pop()!) as ChildReport;
      console.log(
        `  heap used after GC: ${(reports[mode].heapUsed / 2 ** 20).toFixed(2)} MiB; ${reports[mode].reached} entities reached by ${reports[mode].questions} questions, ${reports[mode].held} on their pages`,
      );
    }
    for (const pair of [['kept', 'none'], ['kept again', 'none again']]) {
      const diff = reports[pair[0]].heapUsed - reports[pair[1]].heapUsed;
      console.log(`${pair[0]} - ${pair[1]}: ${(diff / 2 ** 20).toFixed(2)} MiB, ${Math.round(diff / reports[pair[0]].reached)} bytes per reached entity`);
    }
    const file = path.join(PROJECT_ROOT, 'bench', 'results', `cache-memory-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ store, column: column ?? null, first, reports }, null, 2));
  } finally {
    await db.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
