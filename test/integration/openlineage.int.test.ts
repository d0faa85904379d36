import { execFile } from 'node:child_process';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseProvisionedTokens } from '../../src/auth/tokens';
import type { Graph } from '../../src/graph';
import { createServer, type MlgraphServer } from '../../src/server';
import { PROJECT_ROOT } from '../support/cli';
import { rawDriver, testGraph, testLog, uniqueId } from '../support/harness';
import { venvPython } from '../support/mlflow-server';

// The real openlineage-python client (from the project's venv), through its HTTP transport with
// api_key auth, emits an ML pipeline into a real mlgraph on the real Neo4j: feature job ->
// training -> evaluation -> batch scoring, out of order, half gzip, then replayed.

jest.setTimeout(180_000);

const TOKENS = { reader: 'ol-reader-token-0123456789', writer: 'ol-writer-token-0123456789' };
const p = uniqueId('ol');
const T0 = Date.parse('2024-06-01T02:00:00Z');
const minute = (m: number) => new Date(T0 + m * 60_000).toISOString();

const pg = (table: string) => `urn:li:dataset:(urn:li:dataPlatform:postgres,db.acme.internal:5432/shop.public.${table}_${p},PROD)`;
const s3 = (key: string) => `urn:li:dataset:(urn:li:dataPlatform:s3,ml-${p}/${key},PROD)`;
const RAW = pg('customers');
const FEATURES = `urn:li:dataset:(urn:li:dataPlatform:hive,metastore/features.customers_${p},PROD)`; // by its TABLE symlink
const MODEL = s3('models/churn/v7');
const HOLDOUT = s3('holdout/customers');
const METRICS = s3('eval/churn_v7_metrics');
const ACTIVE = pg('active_customers');
const SCORES = pg('churn_scores');
const PIPELINE = `urn:li:dataFlow:(openlineage,churn_pipeline,ml-${p})`;
const run = (id: string) => `urn:li:dataProcessInstance:${id}`;

describe('POST /api/v1/lineage with the real OpenLineage client', () => {
  let graph: Graph;
  let server: MlgraphServer;
  let base: string;
  let python: string;
  let runs: Record<string, string>;
  const driver = rawDriver();

  const emit = (phase: string, key = TOKENS.writer): Promise<any> =>
    new Promise((resolve, reject) => {
      execFile(python, [path.join(PROJECT_ROOT, 'test', 'openlineage', 'emit_pipeline.py'), base, key, p, phase], { encoding: 'utf8', timeout: 120_000 }, (err, stdout, stderr) => {
        if (err) reject(new Error(`emit_pipeline.py ${phase} failed: ${err.message}\n${stderr.slice(-3000)}`));
        else resolve(JSON.parse(stdout.trim().split('\n').pop()!));
      });
    });
  const gql = async (query: string) => {
    const res = await server.apollo.executeOperation({ query }, { contextValue: server.contextFor() });
    if (res.body.kind !== 'single') throw new Error('unexpected incremental response');
    expect(res.body.singleResult.errors).toBeUndefined();
    return res.body.singleResult.data as any;
  };
  const post = (body: string | Buffer, headers: Record<string, string> = {}, token = TOKENS.writer) =>
    fetch(`${base}/api/v1/lineage`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers }, body });
  /** Change records, edges and column edges stored for this test's entities: what a replay must not add to. */
  const footprint = async () => {
    const { records } = await driver.executeQuery(
      `MATCH (c:Change) WHERE c.urn CONTAINS $p OR c.urn IN $runs WITH count(c) AS changes
       MATCH (a:Entity)-[r]->(b:Entity) WHERE a.urn CONTAINS $p OR b.urn CONTAINS $p OR a.urn IN $runs WITH changes, count(r) AS edges
       OPTIONAL MATCH (c:Column)-[l:COLUMN_DERIVED_FROM]->() WHERE c.dataset CONTAINS $p RETURN changes, edges, count(l) AS columnEdges`,
      { p, runs: Object.values(runs).map(run) },
    );
    return records[0].toObject();
  };
  const urnsOf = (items: { entity: { urn: string } }[]) => items.map((i) => i.entity.urn).sort();
  const impactOf = async (urn: string, asOf?: string) =>
    (await gql(`{ impact(urn: "${urn}"${asOf ? `, asOf: "${asOf}"` : ''}, first: 100) { total items { degree entity { urn } } } }`)).impact;

  beforeAll(async () => {
    python = venvPython();
    graph = testGraph();
    server = await createServer({
      config: {
        bodyLimit: '1mb',
        introspection: true,
        landingPage: false,
        auth: { tokens: parseProvisionedTokens(`ol-ui:reader:${TOKENS.reader}\nol-ci:writer:${TOKENS.writer}`, 'test'), anonymousRole: null },
      },
      graph,
      log: testLog,
    });
    await server.readiness.migrateWhenReachable();
    base = (await server.listen(0, '127.0.0.1')).replace(/\/graphql$/, '');
    ({ runs } = await emit('send'));
  });
  afterAll(async () => {
    await server?.stop();
    await graph?.close();
    await driver.close();
  });

  it('answers impact of the raw table with exactly the runs and datasets downstream of it', async () => {
    const impact = await impactOf(RAW);
    expect(impact.items.map((i: any) => [i.degree, i.entity.urn])).toEqual(
      [
        [1, run(runs.features)],
        [2, FEATURES],
        [3, run(runs.train)],
        [4, MODEL],
        ...[run(runs.evaluate), run(runs.score)].sort().map((u) => [5, u]),
        ...[METRICS, SCORES].sort().map((u) => [6, u]),
      ],
    );
  });

  it('answers the upstream lineage of the scores with exactly what produced them', async () => {
    const { lineage } = await gql(`{ lineage(urn: "${SCORES}", direction: UPSTREAM, maxDepth: 20) { total items { degree entity { urn } } } }`);
    expect(lineage.items.map((i: any) => [i.degree, i.entity.urn])).toEqual([
      [1, run(runs.score)],
      ...[ACTIVE, MODEL].sort().map((u) => [2, u]),
      [3, run(runs.train)],
      [4, FEATURES],
      [5, run(runs.features)],
      [6, RAW],
    ]);
  });

  it('dates edges by the events, so asOf sees the pipeline as it was (the late START included)', async () => {
    expect((await impactOf(RAW, minute(-1))).total).toBe(0);
    expect(urnsOf((await impactOf(RAW, minute(15))).items)).toEqual([FEATURES, run(runs.features)].sort());
    // The training run's COMPLETE (minute 50) came before its START (minute 20): its input edge starts at 20.
    expect(urnsOf((await impactOf(RAW, minute(30))).items)).toEqual([FEATURES, run(runs.features), run(runs.train)].sort());
    expect((await impactOf(RAW, minute(55))).total).toBe(4);
  });

  it('writes columnLineage facets as column lineage: column impact follows only what depends on the columns', async () => {
    const columnImpact = async (columns: string[], asOf?: string) =>
      (
        await gql(`{ impact(urn: "${RAW}", columns: ${JSON.stringify(columns)}${asOf ? `, asOf: "${asOf}"` : ''}, maxDepth: 10, first: 20) {
          total countsByPrecision { type precision count }
          items { degree precision columns entity { urn } path { relationship precision columns(first: 5) { from { field } to { field } transformations { type subtype } } } }
        } }`)
      ).impact;
    const rows = (impact: any) => impact.items.map((i: any) => [i.degree, i.precision, i.entity.urn, i.columns]);

    const tenure = await columnImpact(['signup_date']);
    // The feature run and the features are proven by the facet; the training run reads the features
    // but writes a model file without column lineage, so from there on the walk falls back to DATASET.
    expect(rows(tenure)).toEqual([
      [1, 'COLUMN', run(runs.features), null],
      [2, 'COLUMN', FEATURES, ['tenure_days']],
      [3, 'DATASET', run(runs.train), null],
      [4, 'DATASET', MODEL, null],
      ...[run(runs.evaluate), run(runs.score)].sort().map((u) => [5, 'DATASET', u, null]),
      ...[METRICS, SCORES].sort().map((u) => [6, 'DATASET', u, null]),
    ]);
    expect(tenure.countsByPrecision).toEqual([
      { type: 'DATASET', precision: 'COLUMN', count: 1 },
      { type: 'DATASET', precision: 'DATASET', count: 3 },
      { type: 'RUN', precision: 'COLUMN', count: 1 },
      { type: 'RUN', precision: 'DATASET', count: 3 },
    ]);
    expect(tenure.items[1].path).toEqual([
      { relationship: 'INPUT_OF', precision: 'COLUMN', columns: [{ from: { field: 'signup_date' }, to: null, transformations: [] }] },
      { relationship: 'OUTPUT_OF', precision: 'COLUMN', columns: [{ from: { field: 'signup_date' }, to: { field: 'tenure_days' }, transformations: [{ type: 'DIRECT', subtype: 'TRANSFORMATION' }] }] },
    ]);
    expect(tenure.items[2].path.map((h: any) => h.precision)).toEqual(['COLUMN', 'COLUMN', 'DATASET']);

    // Two columns: the union of what each reaches, each feature column named once.
    expect(rows(await columnImpact(['id', 'plan'])).slice(0, 2)).toEqual([
      [1, 'COLUMN', run(runs.features), null],
      [2, 'COLUMN', FEATURES, ['customer_id', 'plan']],
    ]);
    // email is in the schema but the facet maps nothing from it: the feature run writes only mapped
    // columns, none made from email, so nothing downstream depends on it (the dataset walk says 8).
    expect(await columnImpact(['email'])).toMatchObject({ total: 0, items: [], countsByPrecision: [] });
    expect((await impactOf(RAW)).total).toBe(8);

    // The column edges start at the facet's event (the feature run's COMPLETE, minute 10).
    expect(rows(await columnImpact(['signup_date'], minute(5)))).toEqual([[1, 'DATASET', run(runs.features), null]]);
    expect(rows(await columnImpact(['signup_date'], minute(15)))).toEqual([
      [1, 'COLUMN', run(runs.features), null],
      [2, 'COLUMN', FEATURES, ['tenure_days']],
    ]);
  });

  it('keeps run state, type, job, pipeline and parent whatever order the events came in', async () => {
    const { train } = await gql(`{
      train: run(urn: "${run(runs.train)}") {
        name runType runStatus startedAt endedAt
        job { urn name ... on Job { jobType pipeline { urn name } } }
        parentRun { urn childRuns { urn } }
        inputEdges { node { urn } properties { version } }
        customProperties { key value }
      }
    }`);
    expect(train).toMatchObject({
      name: 'train_churn',
      runType: 'TRAINING',
      runStatus: 'SUCCEEDED', // the RUNNING event of minute 30 arrived after COMPLETE and changed nothing
      startedAt: minute(20),
      endedAt: minute(50),
      job: { urn: `urn:li:dataJob:(${PIPELINE},train_churn)`, name: 'train_churn', jobType: 'TRAINING', pipeline: { urn: PIPELINE, name: 'churn_pipeline' } },
      inputEdges: [{ node: { urn: FEATURES }, properties: { version: '2024-06-01' } }],
    });
    expect(train.parentRun.childRuns.map((r: any) => r.urn).sort()).toEqual(Object.values(runs).map(run).sort());
    expect(JSON.parse(train.customProperties.find((c: any) => c.key === 'openlineage.job.jobType')?.value ?? 'null')).toBeNull(); // job facets live on the job
  });

  it('maps schema, symlinks and version facets and keeps the others readable', async () => {
    const { raw, features, job, monitor, report } = await gql(`{
      raw: dataset(urn: "${RAW}") { schemaFields { name type } }
      features: dataset(urn: "${FEATURES}") { uri schemaFields { name } customProperties { key value } outputOfEdges { node { urn } properties { version } } }
      job: job(urn: "urn:li:dataJob:(${PIPELINE},build_features)") { customProperties { key value } }
      monitor: job(urn: "urn:li:dataJob:(urn:li:dataFlow:(openlineage,ml-${p},ml-${p}),monitor_drift)") { name }
      report: dataset(urn: "${s3('reports/churn_weekly')}") { name }
    }`);
    expect(raw.schemaFields).toEqual([{ name: 'id', type: 'INTEGER' }, { name: 'signup_date', type: 'DATE' }, { name: 'plan', type: 'VARCHAR' }, { name: 'email', type: 'VARCHAR' }]);
    expect(features.uri).toBe(`s3://ml-${p}/features/customers`);
    expect(features.schemaFields.map((f: any) => f.name)).toEqual(['customer_id', 'tenure_days', 'plan']);
    expect(features.outputOfEdges).toEqual([{ node: { urn: run(runs.features) }, properties: { version: '2024-06-01' } }]);
    const prop = (list: any[], key: string) => JSON.parse(list.find((c) => c.key === key).value);
    expect(prop(features.customProperties, 'openlineage.dataset.columnLineage').fields.tenure_days.inputFields).toEqual([
      expect.objectContaining({ namespace: 'postgres://db.acme.internal:5432', name: `shop.public.customers_${p}`, field: 'signup_date' }),
    ]);
    expect(prop(features.customProperties, 'openlineage.symlinks')).toEqual([{ namespace: 'hive://metastore', name: `features.customers_${p}`, type: 'TABLE' }]);
    expect(prop(job.customProperties, 'openlineage.job.jobType')).toMatchObject({ processingType: 'BATCH', integration: 'PYTHON', jobType: 'FEATURE_ENGINEERING' });
    expect(monitor).toEqual({ name: 'monitor_drift' }); // a JobEvent
    expect(report).toEqual({ name: `ml-${p}/reports/churn_weekly` }); // a DatasetEvent
  });

  it('changes nothing when every event is sent again, newest first', async () => {
    const before = await footprint();
    expect(Number(before.columnEdges)).toBe(3); // customer_id, tenure_days and plan of the features
    await emit('replay');
    expect(await footprint()).toEqual(before);
    expect((await impactOf(RAW)).total).toBe(8);
  });

  it('refuses a bad event with 400 naming the field, and writes nothing of its batch', async () => {
    const good = { eventTime: minute(100), producer: 'https://x.test', schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json', dataset: { namespace: `s3://ml-${p}`, name: 'never/written' } };
    const missingRunId = { ...good, dataset: undefined, eventType: 'START', run: {}, job: { namespace: 'n', name: 'j' } };
    const res = await post(JSON.stringify(missingRunId));
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'run.runId' });

    const future = { ...good, eventTime: new Date(Date.now() + 3_600_000).toISOString() };
    const batch = await post(JSON.stringify([good, future]));
    expect(batch.status).toBe(400);
    expect(((await batch.json()) as any).errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: '1.eventTime' });
    expect((await gql(`{ dataset(urn: "${s3('never/written')}") { urn } }`)).dataset).toBeNull();

    const badColumn = {
      ...good,
      dataset: undefined,
      eventType: 'COMPLETE',
      run: { runId: '0f0e0d0c-0b0a-4909-8807-060504030201' },
      job: { namespace: 'n', name: 'j' },
      outputs: [{ namespace: `s3://ml-${p}`, name: 'never/written', facets: { columnLineage: { fields: { 'a\u0001b': { inputFields: [] } } } } }],
    };
    const column = await post(JSON.stringify([good, badColumn]));
    expect(column.status).toBe(400);
    expect(((await column.json()) as any).errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: '1.outputs.0.facets.columnLineage.fields.a\u0001b' });
    expect((await gql(`{ dataset(urn: "${s3('never/written')}") { urn } }`)).dataset).toBeNull();
  });

  it('takes a gzip body, and refuses a reader token with 403 (through the client too)', async () => {
    const event = { eventTime: minute(100), producer: 'https://x.test', schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json', dataset: { namespace: `s3://ml-${p}`, name: 'gzipped' } };
    const res = await post(gzipSync(JSON.stringify(event)), { 'content-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ events: 1, created: 1, updated: 0, unchanged: 0, warnings: [] });
    expect((await gql(`{ dataset(urn: "${s3('gzipped')}") { name } }`)).dataset).toEqual({ name: `ml-${p}/gzipped` });

    // BODY_LIMIT (1mb here) counts the body after decompression: 2 MB of JSON gzip to a few KB.
    const bomb = await post(gzipSync(JSON.stringify([event]).replace('[', '[' + ' '.repeat(2_000_000))), { 'content-encoding': 'gzip' });
    expect(bomb.status).toBe(413);

    const asReader = await post(JSON.stringify(event), {}, TOKENS.reader);
    expect([asReader.status, ((await asReader.json()) as { errors: { message: string }[] }).errors[0].message]).toEqual([
      403,
      'Sending OpenLineage events needs the WRITER role; ol-ui has READER.',
    ]);
    expect(await emit('reader-check', TOKENS.reader)).toEqual({ status: 403, error: 'HTTPError' });
  });
});
