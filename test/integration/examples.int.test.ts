import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { startTestServer, uniqueId, type TestServer } from '../support/harness';

// Every operation of schema/examples/ runs as written, in the order a new user would run them, on
// the data the examples themselves register, and every query answers something there: an example
// that finds nothing teaches nothing. Names are made unique per run (the test database is shared).

const DIR = path.join(__dirname, '..', '..', 'schema', 'examples');
const UNIQUE = ['shop', 'churn', 'fraud', 'acme', 'card_transactions', 'raw.', 'analytics.', 'predictions.'];

/** [file, operation, variables]: mutations register what later queries read. */
const ORDER: [string, string, Record<string, unknown>?][] = [
  ['server-info.graphql', 'ServerInfo'],
  ['lineage.graphql', 'RegisterWorkflow'],
  ['lineage.graphql', 'WhatBreaks'],
  ['lineage.graphql', 'WhatProducedThisModel'],
  ['lineage.graphql', 'DeployedDependents'],
  ['lineage.graphql', 'WhatBrokeThen', { asOf: 'now' }],
  ['lineage.graphql', 'ModelNeighbourhood'],
  ['lineage.graphql', 'ImpactPage'],
  ['ci-register-run.graphql', 'RegisterTrainingRun'],
  ['ci-register-run.graphql', 'LinkScoresToFeatures'],
  ['promote-champion.graphql', 'PromoteChampion'],
  ['promote-champion.graphql', 'ChampionToServe'],
  ['promote-champion.graphql', 'FraudDetectorAliases'],
  ['promote-champion.graphql', 'RetireChallenger'],
  ['model-card.graphql', 'SetFraudDetectorCard'],
  ['model-card.graphql', 'FraudDetectorCard'],
  ['model-card.graphql', 'RegisterFraudDetectorV13'],
  ['model-card.graphql', 'FraudDetectorLatestVersion'],
  ['ml-workflows.graphql', 'RegisterWorkflows'],
  ['ml-workflows.graphql', 'WhatBreaksIfTheBaseModelChanges'],
  ['ml-workflows.graphql', 'TrainedOnSnapshot'],
  ['ml-workflows.graphql', 'HowWasTheModelMade'],
  ['ml-workflows.graphql', 'Evaluations'],
  ['ml-workflows.graphql', 'ScoringPipeline'],
  ['ml-workflows.graphql', 'WhatProducedTheChurnModel'],
  ['columns.graphql', 'RegisterShopColumns'],
  ['columns.graphql', 'WhatBreaksIfBirthDateIsDropped'],
  ['columns.graphql', 'ColumnGate'],
  ['columns.graphql', 'WhereDoesChurnComeFrom'],
  ['columns.graphql', 'CustomerColumns'],
  ['browse-models.graphql', 'BrowseModels'],
  ['browse-models.graphql', 'OwnedGold'],
  ['browse-models.graphql', 'OneEntity'],
  ['history.graphql', 'ModelHistory'],
  ['search.graphql', 'Search'],
  ['deprecate.graphql', 'DeprecateRawTransactions'],
  ['deprecate.graphql', 'ArchiveRawTransactions'],
  ['search.graphql', 'SearchArchived'],
  ['deprecate.graphql', 'RawTransactionsLifecycle'],
  ['deprecate.graphql', 'ReactivateRawTransactions'],
];

/** Whether an answer holds something: a non-empty list, a non-zero count, a non-empty text, true. */
export function answersSomething(value: unknown): boolean {
  if (value == null) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.values(value).some(answersSomething);
  return value !== 0 && value !== '' && value !== false;
}

function operations(file: string): OperationDefinitionNode[] {
  const doc = parse(fs.readFileSync(path.join(DIR, file), 'utf8'));
  return doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
}

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe('schema/examples', () => {
  it('the order below runs every operation of every example file once', () => {
    const all = fs.readdirSync(DIR).filter((f) => f.endsWith('.graphql')).flatMap((f) => operations(f).map((o) => `${f} ${o.name?.value}`));
    expect(ORDER.map(([f, op]) => `${f} ${op}`).sort()).toEqual(all.sort());
  });

  it('every operation runs without errors and every query answers something on the examples\' data', async () => {
    const u = uniqueId('x').replace(/[^A-Za-z0-9]/g, '');
    const empty: string[] = [];
    for (const [file, operationName, variables] of ORDER) {
      let text = fs.readFileSync(path.join(DIR, file), 'utf8');
      for (const word of UNIQUE) text = text.replaceAll(word, word.endsWith('.') ? `${word.slice(0, -1)}${u}.` : `${word}${u}`);
      const vars = variables && Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, v === 'now' ? new Date().toISOString() : v]));
      const response = await t.server.apollo.executeOperation({ query: text, operationName, variables: vars }, { contextValue: t.server.contextFor() });
      const result = (response.body as { kind: 'single'; singleResult: { data?: unknown; errors?: unknown } }).singleResult;
      expect({ operationName, errors: result.errors }).toEqual({ operationName, errors: undefined });
      const isQuery = operations(file).find((o) => o.name?.value === operationName)!.operation === 'query';
      if (isQuery && !answersSomething(result.data)) empty.push(`${file} ${operationName}`);
    }
    expect(empty).toEqual([]);
  }, 120_000);
});
