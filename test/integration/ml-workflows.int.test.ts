import { exampleDoc, runOperation } from '../support/example-doc';
import { startTestServer, type TestServer } from '../support/harness';

// schema/examples/ml-workflows.graphql as written: a fine-tune chain with a deployment, an
// evaluation run, a batch-scoring pipeline whose predictions feed another model, and pinned
// versions. Names are made unique per run (the test database is shared).

let t: TestServer;
let doc: string;
let u: string;

beforeAll(async () => {
  t = await startTestServer();
  ({ doc, u } = exampleDoc('ml-workflows.graphql', 'acme'));
});
afterAll(() => t.close());

const run = (operationName: string) => runOperation(t, doc, operationName);

const plain = (name: string) => name.replace(`acme${u}`, 'acme');

describe('schema/examples/ml-workflows.graphql', () => {
  beforeAll(async () => {
    expect((await run('RegisterWorkflows')).ingest).toEqual({ created: 16, updated: 0, unchanged: 0 });
  });

  it('is idempotent: the same batch again changes nothing (edge properties included)', async () => {
    expect((await run('RegisterWorkflows')).ingest).toEqual({ created: 0, updated: 0, unchanged: 16 });
  });

  it('fine-tune chain: impact of the base model reaches derived models, their deployment, the tables a model writes and the model trained on them', async () => {
    const impact = (await run('WhatBreaksIfTheBaseModelChanges')).impact;
    const reached = impact.items.map((i: any) => [i.degree, plain(i.entity.name)]);
    expect(reached).toEqual([
      [1, 'acme-support-v1'],
      [2, 'acme-support-v1-int8'], // URN order: urn:li:mlModel:( before urn:li:mlModelDeployment
      [2, 'acme-support-endpoint'],
      [3, 'acme.scored_customers'],
      [4, 'acme-churn-v2'],
    ]);
    const v1 = impact.items[0].path[0];
    expect(v1).toMatchObject({ relationship: 'DERIVED_FROM', properties: { derivationKind: 'FINE_TUNED', version: null } });
    const scored = impact.items[3].path.map((h: any) => [h.relationship, h.properties.version]);
    expect(scored).toEqual([['DERIVED_FROM', null], ['INPUT_OF', null], ['OUTPUT_OF', '2024-07-01']]);
  });

  it('pinned version: impact of one snapshot follows only the edges that recorded it', async () => {
    const pinned = (await run('TrainedOnSnapshot')).impact;
    const names = pinned.items.map((i: any) => plain(i.entity.name));
    expect(names).toEqual(['acme-support-v1', 'acme-support-v1-int8', 'acme-churn-v2']);
    expect(pinned.items[0].path[0]).toMatchObject({ relationship: 'TRAINED_ON', properties: { version: '2024-06' } });
    const other = await t.gql(
      `query ($urn: ID!) { impact(urn: $urn, version: "2024-05", types: [MODEL]) { items { entity { name } } } }`,
      { urn: `urn:li:dataset:(urn:li:dataPlatform:s3,acme${u}.support_tickets,PROD)` },
    );
    expect(other.data!.impact.items.map((i: any) => plain(i.entity.name))).toEqual(['acme-support-v0']);
  });

  it('relationship lists show the recorded version and derivation kind, on both ends', async () => {
    const model = (await run('HowWasTheModelMade')).model;
    expect(model.trainingDatasetEdges.map((e: any) => [plain(e.node.name), e.properties.version])).toEqual([['acme.support_tickets', '2024-06']]);
    expect(model.derivedFromEdges.map((e: any) => [plain(e.node.name), e.properties.derivationKind])).toEqual([['acme-base-7b', 'FINE_TUNED']]);
    expect(model.derivedModelEdges.map((e: any) => [plain(e.node.name), e.properties.derivationKind])).toEqual([['acme-support-v1-int8', 'QUANTIZED']]);
    expect(model.inputOf.map((r: any) => r.runType).sort()).toEqual(['BATCH_INFERENCE', 'EVALUATION']);
    expect(model.deployments.map((d: any) => plain(d.name))).toEqual(['acme-support-endpoint']);
  });

  it('evaluation run: reads a model and a pinned evaluation dataset', async () => {
    const [run0] = (await run('Evaluations')).entities.edges.map((e: any) => e.node);
    expect(run0).toMatchObject({ runType: 'EVALUATION', metrics: [{ name: 'accuracy', value: '0.91' }] });
    expect(run0.inputModels.map((m: any) => plain(m.name))).toEqual(['acme-support-v1']);
    expect(run0.inputEdges.map((e: any) => [plain(e.node.name), e.properties.version])).toEqual([['acme.eval_set', 'v3']]);
  });

  it('batch-scoring pipeline: jobs in order, runs as executions of a job, lineage back to the base model', async () => {
    const pipeline = (await run('ScoringPipeline')).pipeline;
    expect(pipeline.jobs.map((j: any) => [j.jobId, j.upstreamJobs.map((x: any) => x.jobId), j.downstreamJobs.map((x: any) => x.jobId)])).toEqual([
      ['extract', [], ['score']],
      ['score', ['extract'], []],
    ]);
    expect(pipeline.jobs[1].runs).toEqual([
      { name: `acme${u} scoring 2024-07-01`, runType: 'BATCH_INFERENCE', outputEdges: [{ node: { name: `acme${u}.scored_customers` }, properties: { version: '2024-07-01' } }] },
    ]);
    const produced = (await run('WhatProducedTheChurnModel')).lineage;
    expect(produced.items.map((i: any) => [i.degree, i.entity.__typename, plain(i.entity.name)])).toEqual([
      [1, 'Dataset', 'acme.scored_customers'],
      [2, 'Run', 'acme scoring 2024-07-01'],
      [3, 'Dataset', 'acme.customers'],
      [3, 'Model', 'acme-support-v1'],
      [4, 'Run', 'acme fine-tune 1'],
      [4, 'Dataset', 'acme.support_tickets'],
      [4, 'Model', 'acme-base-7b'],
    ]);
  });

  it('job -> job is lineage: a dependent job is downstream of the job it depends on', async () => {
    const res = await t.gql(`query ($urn: ID!) { impact(urn: $urn) { items { entity { urn } path { relationship } } } }`, {
      urn: `urn:li:dataJob:(urn:li:dataFlow:(airflow,acme${u}_scoring,prod),extract)`,
    });
    expect(res.data!.impact.items).toEqual([
      { entity: { urn: `urn:li:dataJob:(urn:li:dataFlow:(airflow,acme${u}_scoring,prod),score)` }, path: [{ relationship: 'DEPENDS_ON' }] },
    ]);
  });
});
