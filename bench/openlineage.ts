// Measures OpenLineage ingest: events/s through POST /api/v1/lineage over HTTP, as the HTTP
// transport sends them (one RunEvent per request, `--concurrency` clients at once), then as JSON
// arrays of `--batch` events per request, then the same events again (a replay: nothing changes),
// into a fresh store. Each pipeline is feature job -> training -> evaluation -> batch scoring: 4
// runs with START and COMPLETE (8 events) naming 7 datasets, with schema and version facets.
// Usage: npm run bench:openlineage -- [--pipelines 250] [--concurrency 4] [--batch 100]
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import { createServer } from '../src/server';
import { arg, benchLog, startBenchDatabase } from './bench-neo4j';

const T0 = Date.parse('2024-06-01T00:00:00Z');
const schema = (...cols: string[]) => ({ _producer: 'bench', _schemaURL: 'https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json', fields: cols.map((name) => ({ name, type: 'VARCHAR' })) });

/** The 8 events of pipeline `i` (see the top of this file), in time order. */
function pipelineEvents(tag: string, i: number): object[] {
  const ns = `bench-${tag}`;
  const db = 'postgres://db.bench:5432';
  const ds = (namespace: string, name: string, facets: object = {}) => ({ namespace, name, facets });
  const raw = ds(db, `shop.public.customers_${i}`, { schema: schema('id', 'signup_date', 'plan') });
  const features = ds(`s3://${ns}`, `features/customers_${i}`, { schema: schema('customer_id', 'tenure_days'), version: { _producer: 'bench', _schemaURL: 'x', datasetVersion: '2024-06-01' } });
  const model = ds(`s3://${ns}`, `models/churn_${i}`, { version: { _producer: 'bench', _schemaURL: 'x', datasetVersion: '7' } });
  const steps: [string, string, object[], object[]][] = [
    ['build_features', 'FEATURE_ENGINEERING', [raw], [features]],
    ['train_churn', 'TRAINING', [features], [model]],
    ['evaluate_churn', 'EVALUATION', [model, ds(`s3://${ns}`, `holdout/customers_${i}`)], [ds(`s3://${ns}`, `eval/metrics_${i}`)]],
    ['score_customers', 'BATCH_INFERENCE', [model, ds(db, `shop.public.active_${i}`)], [ds(db, `shop.public.scores_${i}`, { schema: schema('customer_id', 'p') })]],
  ];
  const parent = { _producer: 'bench', _schemaURL: 'x', run: { runId: randomUUID() }, job: { namespace: ns, name: `churn_pipeline_${i}` } };
  return steps.flatMap(([job, jobType, inputs, outputs], s) => {
    const runId = randomUUID();
    const event = (eventType: string, minute: number, outs: object[]) => ({
      eventType,
      eventTime: new Date(T0 + (i * 100 + s * 20 + minute) * 60_000).toISOString(),
      producer: 'https://github.com/acme/bench',
      schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
      run: { runId, facets: { parent } },
      job: { namespace: ns, name: job, facets: { jobType: { _producer: 'bench', _schemaURL: 'x', processingType: 'BATCH', integration: 'PYTHON', jobType } } },
      inputs,
      outputs: outs,
    });
    return [event('START', 0, []), event('COMPLETE', 10, outputs)];
  });
}

async function main() {
  const pipelines = Number(arg('pipelines', '250'));
  const concurrency = Number(arg('concurrency', '4'));
  const batchSize = Number(arg('batch', '100'));
  const name = 'openlineage';
  fs.rmSync(path.join(PROJECT_ROOT, '.data', 'bench', name), { recursive: true, force: true });
  console.log(`[openlineage] machine: ${os.cpus().length} x ${os.cpus()[0]?.model}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`[openlineage] starting a fresh benchmark Neo4j (.data/bench/${name})`);
  const db = await startBenchDatabase(name, 60_000);
  const server = await createServer({ config: { bodyLimit: '32mb', introspection: false, landingPage: false }, graph: db.graph, log: benchLog });
  const url = (await server.listen(0, '127.0.0.1')).replace(/\/graphql$/, '/api/v1/lineage');
  const results: Record<string, unknown>[] = [];
  // Time in Neo4j per statement (the Cypher file's name), to tell the database's share from the rest.
  let statements = new Map<string, { n: number; ms: number }>();
  db.graph.onStatement((e) => {
    const s = statements.get(e.query) ?? statements.set(e.query, { n: 0, ms: 0 }).get(e.query)!;
    s.n++;
    s.ms += e.ms;
  });

  /** Sends `bodies` with `concurrency` requests in flight, printing progress every second. */
  const phase = async (label: string, bodies: string[], events: number) => {
    let next = 0;
    let done = 0;
    let failed = 0;
    statements = new Map();
    const started = performance.now();
    const timer = setInterval(() => {
      const s = (performance.now() - started) / 1000;
      console.log(`[openlineage] ${label}: ${done}/${bodies.length} requests, ${((done / bodies.length) * events / s).toFixed(0)} events/s`);
    }, 1000);
    const worker = async () => {
      while (next < bodies.length) {
        const body = bodies[next++];
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        if (!res.ok) {
          failed++;
          if (failed <= 3) console.log(`[openlineage] ${label}: HTTP ${res.status} ${(await res.text()).slice(0, 300)}`);
        } else await res.arrayBuffer();
        done++;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    clearInterval(timer);
    const s = (performance.now() - started) / 1000;
    const perStatement = Object.fromEntries([...statements].sort((a, b) => b[1].ms - a[1].ms).map(([q, v]) => [q, { count: v.n, meanMs: Number((v.ms / v.n).toFixed(1)) }]));
    const row = { label, requests: bodies.length, events, seconds: Number(s.toFixed(2)), eventsPerSecond: Math.round(events / s), failed, loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))), perStatement };
    console.log(`[openlineage] ${JSON.stringify(row)}`);
    results.push(row);
  };

  const single = Array.from({ length: pipelines }, (_, i) => pipelineEvents('single', i)).flat();
  await phase(`one event per request, ${concurrency} clients`, single.map((e) => JSON.stringify(e)), single.length);
  await phase(`replay, one event per request, ${concurrency} clients`, single.map((e) => JSON.stringify(e)), single.length);
  const batched = Array.from({ length: pipelines }, (_, i) => pipelineEvents('batch', i)).flat();
  const bodies: string[] = [];
  for (let i = 0; i < batched.length; i += batchSize) bodies.push(JSON.stringify(batched.slice(i, i + batchSize)));
  await phase(`arrays of ${batchSize} events, ${concurrency} clients`, bodies, batched.length);

  fs.mkdirSync(path.join(PROJECT_ROOT, 'bench', 'results'), { recursive: true });
  const out = path.join(PROJECT_ROOT, 'bench', 'results', `openlineage-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, pipelines, concurrency, batchSize, results }, null, 2));
  console.log(`[openlineage] wrote ${path.relative(PROJECT_ROOT, out)}`);
  await server.stop();
  await db.stop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
