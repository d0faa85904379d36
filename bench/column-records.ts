// What a column costs Neo4j to create, against the simplest node it could be (BENCHMARKS.md,
// "Column-level impact", the ingest target): in a fresh store, rounds of 1,000 datasets' 20 columns
// each, one transaction per round and shape, the shapes in turn; Neo4j CPU (its threads from /proc,
// without the JIT compilers) per column. Each shape has a label of its own with its own indexes:
//   stored:       a column as columns/create.cypher writes it (unique URN, dataset index; URN, dataset,
//                 field path, type, validFrom)
//   stored+edge:  the same, and one COLUMN_DERIVED_FROM edge to a column of the previous dataset
//                 (transformations text and validFrom), as columns/create.cypher writes it
//   urn only:     a node with its URN alone, under a unique constraint
//   bare:         a node with its URN alone, no index
// and, per dataset rather than per column (the cost is still reported per column, over its 20):
//   dataset:      a node with the dataset's URN alone, under a unique constraint
//   dataset+lists: the same holding its columns as lists (field paths, and each column's input
//                 column URN), the shape columns would have as properties of their dataset
// Usage: npm run bench:column-records -- [--rounds 6] [--datasets 1000] [--bolt-port N]
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { PROJECT_ROOT } from '../src/config';
import { TransformationSubtype, TransformationType, transformationsText } from '../src/model/columns';
import { arg, boltPortArg, startBenchDatabase } from './bench-neo4j';
import { jvmCpuMs } from './server-process';

const FIELDS = 20;
const CREATE = `UNWIND $rows AS row UNWIND row.fields AS f CREATE (c:__LABEL__ {urn: f.urn})`;
const SET = `SET c.dataset = row.dataset, c.fieldPath = f.fieldPath, c.type = f.type, c.validFrom = $now`;
const SHAPES: { name: string; label: string; schema: string[]; statement: string }[] = [
  { name: 'stored', label: 'ProbeStored', schema: ['CONSTRAINT FOR (c:ProbeStored) REQUIRE c.urn IS UNIQUE', 'INDEX FOR (c:ProbeStored) ON (c.dataset)'], statement: `${CREATE} ${SET} RETURN count(*) AS n` },
  {
    name: 'stored+edge',
    label: 'ProbeEdged',
    schema: ['CONSTRAINT FOR (c:ProbeEdged) REQUIRE c.urn IS UNIQUE', 'INDEX FOR (c:ProbeEdged) ON (c.dataset)'],
    statement: `${CREATE} ${SET} WITH * WHERE f.input IS NOT NULL MATCH (s:ProbeEdged {urn: f.input}) CREATE (c)-[r:PROBE_DERIVED_FROM]->(s) SET r.transformations = $transformations, r.validFrom = $now RETURN count(*) AS n`,
  },
  { name: 'urn only', label: 'ProbeUrn', schema: ['CONSTRAINT FOR (c:ProbeUrn) REQUIRE c.urn IS UNIQUE'], statement: `${CREATE} RETURN count(*) AS n` },
  { name: 'bare', label: 'ProbeBare', schema: [], statement: `${CREATE} RETURN count(*) AS n` },
  { name: 'dataset', label: 'ProbeDataset', schema: ['CONSTRAINT FOR (d:ProbeDataset) REQUIRE d.urn IS UNIQUE'], statement: `UNWIND $rows AS row CREATE (d:__LABEL__ {urn: row.dataset}) RETURN count(*) AS n` },
  {
    name: 'dataset+lists',
    label: 'ProbeListed',
    schema: ['CONSTRAINT FOR (d:ProbeListed) REQUIRE d.urn IS UNIQUE'],
    statement: `UNWIND $rows AS row CREATE (d:__LABEL__ {urn: row.dataset}) SET d.columnPaths = [f IN row.fields | f.fieldPath], d.columnInputs = [f IN row.fields | coalesce(f.input, '')] RETURN count(*) AS n`,
  },
];

async function main() {
  const rounds = Number(arg('rounds', '6'));
  const datasets = Number(arg('datasets', '1000'));
  fs.rmSync(path.join(PROJECT_ROOT, '.data', 'bench', 'column-records'), { recursive: true, force: true });
  const db = await startBenchDatabase('column-records', undefined, boltPortArg());
  const driver = neo4j.driver(db.neo4j.uri, neo4j.auth.basic('neo4j', ''));
  const session = driver.session();
  try {
    for (const s of SHAPES) for (const ddl of s.schema) await session.run(`CREATE ${ddl}`);
    await session.run('CALL db.awaitIndexes()');
    const transformations = transformationsText([{ type: TransformationType.DIRECT, subtype: TransformationSubtype.IDENTITY, description: null, masking: false }]);
    const cpu = new Map<string, number[]>();
    for (let round = 0; round < rounds; round++) {
      for (const s of SHAPES) {
        const ds = (d: number) => `urn:li:dataset:(urn:li:dataPlatform:kafka,probe.r${round}.${s.label}.events_${d},PROD)`;
        const rows = Array.from({ length: datasets }, (_, d) => ({
          dataset: ds(d),
          fields: Array.from({ length: FIELDS }, (_, k) => ({
            urn: `urn:li:schemaField:(${ds(d)},c_${k})`,
            fieldPath: `c_${k}`,
            type: 'STRING',
            input: d > 0 ? `urn:li:schemaField:(${ds(d - 1)},c_${k})` : null,
          })),
        }));
        const before = jvmCpuMs(db.neo4j.pid).work;
        const started = performance.now();
        await session.executeWrite((tx) => tx.run(s.statement.replaceAll('__LABEL__', s.label), { rows, now: neo4j.types.DateTime.fromStandardDate(new Date()), transformations }));
        const wall = performance.now() - started;
        const used = jvmCpuMs(db.neo4j.pid).work - before;
        (cpu.get(s.name) ?? cpu.set(s.name, []).get(s.name)!).push(used);
        console.log(`[column records] round ${round + 1}/${rounds} ${s.name.padEnd(12)} wall ${wall.toFixed(0)} ms, Neo4j CPU ${used.toFixed(0)} ms: ${((used * 1000) / (datasets * FIELDS)).toFixed(1)} us per column`);
      }
    }
    // the first two rounds warm the JIT up
    console.log(`[column records] Neo4j CPU per column, median of rounds 3-${rounds}:`);
    for (const [name, xs] of cpu) {
      const later = xs.slice(2).sort((a, b) => a - b);
      const median = later[Math.floor(later.length / 2)];
      console.log(`[column records]   ${name.padEnd(12)} ${((median * 1000) / (datasets * FIELDS)).toFixed(1)} us (rounds: ${xs.map((x) => ((x * 1000) / (datasets * FIELDS)).toFixed(0)).join(', ')})`);
    }
  } finally {
    await session.close();
    await driver.close();
    await db.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
