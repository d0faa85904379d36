import fs from 'node:fs';
import path from 'node:path';
import { startTestServer, uniqueId, type TestServer } from '../support/harness';

// schema/examples/lineage.graphql must run as written and give the answers README shows. Its names
// are made unique per run (the test database is shared), consistently in definitions and URNs.

let t: TestServer;
let doc: string;

beforeAll(async () => {
  t = await startTestServer();
  const u = uniqueId('ex');
  doc = fs
    .readFileSync(path.join(__dirname, '..', '..', 'schema', 'examples', 'lineage.graphql'), 'utf8')
    .replaceAll('raw.', `raw-${u}.`)
    .replaceAll('analytics.', `analytics-${u}.`)
    .replaceAll('predictions.', `predictions-${u}.`)
    .replaceAll('churn', `churn${u}`);
});
afterAll(() => t.close());

async function run(operationName: string, variables?: Record<string, unknown>) {
  const response = await t.server.apollo.executeOperation({ query: doc, operationName, variables }, { contextValue: t.server.contextFor() });
  if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
  const result = response.body.singleResult;
  expect(result.errors).toBeUndefined();
  return result.data as Record<string, any>;
}

describe('schema/examples/lineage.graphql', () => {
  it('answers the README questions on the example workflow', async () => {
    const before = new Date().toISOString();
    expect((await run('RegisterWorkflow')).ingest.created).toBe(12);
    const registered = new Date().toISOString();

    const breaks = (await run('WhatBreaks')).impact;
    expect(breaks.total).toBe(2);
    expect(breaks.isPartial).toBe(false);
    expect(breaks.items.map((i: any) => [i.degree, i.entity.name.replace(/churn\w+/, 'churn')])).toEqual([
      [2, 'churn-classifier-v3'],
      [3, 'churn-endpoint'],
    ]);
    expect(breaks.items[1].path.map((h: any) => h.relationship)).toEqual(['DERIVED_FROM', 'TRAINED_ON', 'DEPLOYED_TO']);

    const produced = (await run('WhatProducedThisModel')).lineage;
    expect(produced.total).toBe(8);
    expect(produced.countsByType).toEqual([
      { type: 'DATASET', count: 4 },
      { type: 'FEATURE', count: 2 },
      { type: 'FEATURE_TABLE', count: 1 },
      { type: 'RUN', count: 1 },
    ]);

    expect((await run('DeployedDependents')).impact).toEqual({ total: 1, isPartial: false });
    expect((await run('WhatBrokeThen', { asOf: before })).impact.total).toBe(0); // the workflow did not exist yet
    expect((await run('WhatBrokeThen', { asOf: registered })).impact.total).toBe(8); // the whole blast radius then
    const neighbourhood = (await run('ModelNeighbourhood')).lineageGraph;
    expect(neighbourhood.nodes).toHaveLength(7);
    expect(neighbourhood.edges).toHaveLength(10);
    expect((await run('ImpactPage')).impact.total).toBe(7);
  });
});
