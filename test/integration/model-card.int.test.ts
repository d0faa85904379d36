import fs from 'node:fs';
import path from 'node:path';
import { buildUrn } from '../../src/model/urn';
import { uniqueId } from '../support/harness';
import { useTestServer } from '../support/live-server';

// The model card (DataHub's ML model aspects), numeric metrics, and the version order of model
// groups, through GraphQL on the real Neo4j.

const CARD = `version versionSortId revision
  metrics { name value step timestamp dataset slice description }
  intendedUse { primaryUses primaryUsers outOfScopeUses }
  factorPrompts { relevantFactors { groups instrumentation environment } evaluationFactors { groups instrumentation environment } }
  metricsDescription { performanceMeasures decisionThreshold variationApproaches }
  trainingData { dataset motivation preProcessing }
  evaluationData { dataset motivation preProcessing }
  quantitativeAnalyses { unitaryResults intersectionalResults }
  ethics { data humanLife mitigations risksAndHarms useCases }
  caveatsAndRecommendations { caveats { caveatDescription needsFurtherTesting groupsNotRepresented } recommendations idealDatasetCharacteristics }
  trainingMetrics { name value } onlineMetrics { name value } ethicalConsiderations caveats`;
const M_UPSERT = `mutation ($input: UpsertModelInput!) { upsertModel(input: $input) { urn ${CARD} } }`;
const Q_MODEL = `query ($urn: ID!) { model(urn: $urn) { ${CARD} } }`;
const Q_METRICS = `query ($urn: ID!, $name: String, $dataset: String, $slice: String) {
  model(urn: $urn) { metrics(name: $name, dataset: $dataset, slice: $slice) { name value step slice } }
}`;
const M_GROUP = `mutation ($input: UpsertModelGroupInput!) { upsertModelGroup(input: $input) { urn } }`;
const Q_VERSIONS = `query ($urn: ID!, $first: Int, $after: String, $statuses: [Status!], $asOf: DateTime) {
  modelGroup(urn: $urn) {
    latestVersion(asOf: $asOf) { name version }
    versions(first: $first, after: $after, asOf: $asOf, statuses: $statuses) { name version }
  }
}`;

describe('model card and metrics on the real Neo4j', () => {
  const t = useTestServer();
  const { ok, gql, raw } = t;

  const platform = uniqueId('card');
  const evalSet = buildUrn('DATASET', { platform: 's3', name: `${platform}.evalSet`, env: 'PROD' });
  const train = buildUrn('DATASET', { platform: 's3', name: `${platform}.train`, env: 'PROD' });
  const card = {
    intendedUse: { primaryUses: ['rank customers by churn risk'], primaryUsers: ['retention team'], outOfScopeUses: ['credit decisions'] },
    factorPrompts: {
      relevantFactors: [{ groups: ['age band', 'region'], instrumentation: ['app version'], environment: ['mobile'] }],
      evaluationFactors: [{ groups: ['region'] }],
    },
    metricsDescription: { performanceMeasures: ['AUC'], decisionThreshold: ['score >= 0.7'], variationApproaches: ['5-fold cross-validation'] },
    trainingData: [{ dataset: train, motivation: 'two years of sessions', preProcessing: ['dedupe', 'drop bots'] }],
    evaluationData: [{ dataset: evalSet }],
    quantitativeAnalyses: { unitaryResults: 'https://dash.example.com/churn/unitary', intersectionalResults: 'AUC 0.83 for 65+ in EU' },
    ethics: { data: ['age'], humanLife: [], mitigations: ['age used in bands only'], risksAndHarms: ['over-contacting older customers'], useCases: [] },
    caveatsAndRecommendations: {
      caveats: { caveatDescription: 'no customers under 18', needsFurtherTesting: true, groupsNotRepresented: ['under 18'] },
      recommendations: 'retrain quarterly',
      idealDatasetCharacteristics: ['all regions'],
    },
  };
  const metrics = [
    { name: 'loss', value: 0.9, step: 0 },
    { name: 'loss', value: 0.41, step: 10, timestamp: '2024-06-01T10:00:00.000Z' },
    { name: 'auc', value: 0.91, dataset: evalSet },
    { name: 'auc', value: 0.83, dataset: evalSet, slice: 'region=EU,age>=65', description: 'intersection of two factors' },
  ];

  it('stores every aspect of the card and the metrics as numbers, and reads them back as written', async () => {
    const name = uniqueId('churn');
    const written = (await ok(M_UPSERT, { input: { platform, name, version: '3', ...card, metrics } })).upsertModel;
    expect(written).toMatchObject({
      ...card,
      factorPrompts: {
        relevantFactors: card.factorPrompts.relevantFactors,
        evaluationFactors: [{ groups: ['region'], instrumentation: [], environment: [] }],
      },
      evaluationData: [{ dataset: evalSet, motivation: null, preProcessing: [] }],
      metrics: [
        { name: 'loss', value: 0.9, step: 0, timestamp: null, dataset: null, slice: null, description: null },
        { name: 'loss', value: 0.41, step: 10, timestamp: '2024-06-01T10:00:00.000Z', dataset: null, slice: null },
        { name: 'auc', value: 0.91, step: null, dataset: evalSet, slice: null },
        { name: 'auc', value: 0.83, dataset: evalSet, slice: 'region=EU,age>=65', description: 'intersection of two factors' },
      ],
    });
    expect((await ok(Q_MODEL, { urn: written.urn })).model).toEqual(omitUrn(written));

    // Neo4j holds the aspects as JSON properties of the node, numbers as numbers.
    const [stored] = await raw('MATCH (m:Model {urn: $urn}) RETURN m.metrics AS metrics, m.ethics AS ethics', { urn: written.urn });
    expect(JSON.parse(stored.metrics)[2]).toEqual({ dataset: evalSet, name: 'auc', value: 0.91 });
    expect(JSON.parse(stored.ethics).mitigations).toEqual(['age used in bands only']);

    const pick = async (vars: Record<string, string>) => (await ok(Q_METRICS, { urn: written.urn, ...vars })).model.metrics;
    expect(await pick({ name: 'loss' })).toEqual([
      { name: 'loss', value: 0.9, step: 0, slice: null },
      { name: 'loss', value: 0.41, step: 10, slice: null },
    ]);
    expect(await pick({ name: 'auc', dataset: evalSet, slice: 'region=EU,age>=65' })).toEqual([{ name: 'auc', value: 0.83, step: null, slice: 'region=EU,age>=65' }]);
    expect(await pick({ dataset: train })).toEqual([]);
  });

  it('leaves absent aspects alone, clears one with null, changes nothing on a resend, and records each change in history', async () => {
    const name = uniqueId('partial');
    const first = (await ok(M_UPSERT, { input: { platform, name, ...card, metrics } })).upsertModel;
    const again = (await ok(M_UPSERT, { input: { platform, name, ...card, metrics } })).upsertModel;
    expect(again.revision).toBe(first.revision);

    const ethics = { data: [], humanLife: ['none'], mitigations: [], risksAndHarms: [], useCases: ['loan pricing'] };
    const next = (await ok(M_UPSERT, { input: { platform, name, ethics, quantitativeAnalyses: null, metrics: [{ name: 'auc', value: 0.92 }] } })).upsertModel;
    expect(next.revision).toBe(first.revision + 1);
    expect(next.ethics).toEqual(ethics);
    expect(next.quantitativeAnalyses).toBeNull();
    expect(next.metrics).toEqual([{ name: 'auc', value: 0.92, step: null, timestamp: null, dataset: null, slice: null, description: null }]);
    expect(next.caveatsAndRecommendations).toEqual(first.caveatsAndRecommendations);
    expect(next.factorPrompts).toEqual(first.factorPrompts);

    const history = await ok(`query ($urn: ID!) { history(urn: $urn, first: 1) { edges { node { revision changes { field old new } } } } }`, { urn: next.urn });
    const changes = history.history.edges[0].node.changes.map((c: { field: string }) => c.field).sort();
    expect(changes).toEqual(['ethics', 'metrics', 'quantitativeAnalyses']);
    const metricChange = history.history.edges[0].node.changes.find((c: { field: string }) => c.field === 'metrics');
    expect(metricChange.new).toEqual([{ name: 'auc', value: 0.92 }]);
    expect(metricChange.old).toHaveLength(4);
  });

  it('keeps the deprecated free-text and text-metric fields working beside the structured ones', async () => {
    const name = uniqueId('legacy');
    const input = {
      platform,
      name,
      trainingMetrics: [{ name: 'auc', value: '0.91' }],
      onlineMetrics: [{ name: 'ctr', value: '3.2%' }],
      ethicalConsiderations: 'uses age',
      caveats: 'not for minors',
    };
    const { platform: _p, name: _n, ...fields } = input;
    const m = (await ok(M_UPSERT, { input })).upsertModel;
    expect(m).toMatchObject({ ...fields, metrics: [], ethics: null, caveatsAndRecommendations: null });
  });

  it.each([
    ['a negative step', { metrics: [{ name: 'loss', value: 1, step: -1 }] }, 'input.metrics.0.step'],
    ['a metric dataset that is not a dataset URN', { metrics: [{ name: 'auc', value: 1 }, { name: 'auc', value: 1, dataset: 'urn:li:mlModel:x' }] }, 'input.metrics.1.dataset'],
    ['an empty metric name', { metrics: [{ name: '', value: 1 }] }, 'input.metrics.0.name'],
    ['a card dataset that is not a dataset URN', { trainingData: [{ dataset: 'raw.customers' }] }, 'input.trainingData.0.dataset'],
    ['a card item over 4,096 characters', { ethics: { risksAndHarms: ['x'.repeat(4097)] } }, 'input.ethics.risksAndHarms'],
    ['an empty card item', { factorPrompts: { relevantFactors: [{ groups: [''] }] } }, 'input.factorPrompts.relevantFactors.0.groups'],
    ['a sort id of 256 characters', { versionSortId: 'x'.repeat(256) }, 'input.versionSortId'],
  ])('refuses %s with BAD_USER_INPUT naming the field, and writes nothing', async (_label, patch, field) => {
    const name = uniqueId('bad');
    const res = await gql(M_UPSERT, { input: { platform, name, ...patch } });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    if (field.endsWith('dataset')) expect(res.errors?.[0].message).toContain('urn:li:dataset:(urn:li:dataPlatform:<platform>,<name>,<env>)');
    expect(await raw('MATCH (m:Model {name: $name}) RETURN m.urn AS urn', { name })).toEqual([]);
  });

  it('takes the card and metrics in ingest too, naming the place of a bad value in the batch', async () => {
    const M_INGEST = `mutation ($batch: IngestBatchInput!) { ingest(batch: $batch) { created } }`;
    const name = uniqueId('batch');
    const bad = await gql(M_INGEST, { batch: { models: [{ platform, name, metrics: [{ name: 'auc', value: 0.9 }, { name: 'auc', value: 0.8, step: -2 }] }] } });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'batch.models.0.metrics.1.step' });
    expect((await ok(M_INGEST, { batch: { models: [{ platform, name, ...card, metrics }] } })).ingest.created).toBe(1);
    const m = (await ok(Q_MODEL, { urn: buildUrn('MODEL', { platform, name, env: 'PROD' }) })).model;
    expect([m.metrics.length, m.ethics, m.caveatsAndRecommendations.recommendations]).toEqual([4, card.ethics, 'retrain quarterly']);
  });

  it('refuses a metric value that is not a number (GraphQL Float) with BAD_USER_INPUT', async () => {
    const res = await gql(M_UPSERT, { input: { platform, name: uniqueId('nan'), metrics: [{ name: 'auc', value: '0.9' }] } });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('reads a model stored by the previous release (no card aspects, text metrics) as it was, with empty new fields', async () => {
    const name = uniqueId('old');
    const urn = buildUrn('MODEL', { platform, name, env: 'PROD' });
    const group = buildUrn('MODEL_GROUP', { platform, name: `${name}-group`, env: 'PROD' });
    // What an older release wrote: the old fields only, metrics as text, no versionSortId.
    await raw(
      `CREATE (m:Entity:Model {urn: $urn, type: 'MODEL', name: $name, platform: $platform, env: 'PROD', status: 'ACTIVE', revision: 1,
         version: '7', trainingMetrics: '[{"name":"auc","value":"0.91"}]', onlineMetrics: null,
         intendedUse: '{"outOfScopeUses":[],"primaryUsers":["analysts"],"primaryUses":["churn"]}',
         ethicalConsiderations: 'uses age', caveats: 'not for minors', createdAt: datetime(), updatedAt: datetime()})
       CREATE (g:Entity:ModelGroup {urn: $group, type: 'MODEL_GROUP', name: $name + '-group', platform: $platform, env: 'PROD', status: 'ACTIVE', revision: 1})
       CREATE (m)-[:MEMBER_OF {validFrom: datetime()}]->(g)`,
      { urn, name, platform, group },
    );
    expect((await ok(Q_MODEL, { urn })).model).toEqual({
      version: '7',
      versionSortId: null,
      revision: 1,
      metrics: [],
      intendedUse: { primaryUses: ['churn'], primaryUsers: ['analysts'], outOfScopeUses: [] },
      factorPrompts: null,
      metricsDescription: null,
      trainingData: [],
      evaluationData: [],
      quantitativeAnalyses: null,
      ethics: null,
      caveatsAndRecommendations: null,
      trainingMetrics: [{ name: 'auc', value: '0.91' }],
      onlineMetrics: [],
      ethicalConsiderations: 'uses age',
      caveats: 'not for minors',
    });
    expect((await ok(Q_VERSIONS, { urn: group })).modelGroup.latestVersion).toEqual({ name, version: '7' });
  });

  describe('version order of a model group', () => {
    const groupName = uniqueId('grp');
    const group = buildUrn('MODEL_GROUP', { platform, name: groupName, env: 'PROD' });
    const member = (name: string, version: string, extra: Record<string, unknown> = {}) =>
      ok(M_UPSERT, { input: { platform, name: `${groupName}-${name}`, version, groups: [group], ...extra } });
    const versions = async (vars: Record<string, unknown> = {}) => {
      const g = (await ok(Q_VERSIONS, { urn: group, ...vars })).modelGroup;
      return { latest: g.latestVersion?.version ?? null, versions: g.versions.map((v: { version: string }) => v.version) };
    };
    let beforeTen: string;

    beforeAll(async () => {
      await ok(M_GROUP, { input: { platform, name: groupName } });
      for (const [n, v] of [['a', '2'], ['b', '1'], ['c', '1.1.0-rc.1'], ['d', '1.1.0']] as const) await member(n, v);
      beforeTen = new Date().toISOString();
      await new Promise((r) => setTimeout(r, 20));
      await member('e', '10');
    });

    it('lists versions newest first by semantic version, not as text, with the newest as latestVersion', async () => {
      expect(await versions()).toEqual({ latest: '10', versions: ['10', '2', '1.1.0', '1.1.0-rc.1', '1'] });
    });

    it('pages with first and after in that order, and refuses an after that is not listed', async () => {
      expect((await versions({ first: 2 })).versions).toEqual(['10', '2']);
      const second = await versions({ first: 2, after: buildUrn('MODEL', { platform, name: `${groupName}-a`, env: 'PROD' }) });
      expect(second.versions).toEqual(['1.1.0', '1.1.0-rc.1']);
      const res = await gql(Q_VERSIONS, { urn: group, after: buildUrn('MODEL', { platform, name: 'elsewhere', env: 'PROD' }) });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    });

    it('answers as of an instant from the memberships open then', async () => {
      expect(await versions({ asOf: beforeTen })).toEqual({ latest: '2', versions: ['2', '1.1.0', '1.1.0-rc.1', '1'] });
    });

    it('leaves ARCHIVED versions out unless asked, and puts a version with an explicit sort id last', async () => {
      const archived = (await member('e', '10')).upsertModel.urn;
      await ok(`mutation ($urn: ID!) { setStatus(urn: $urn, status: ARCHIVED, reason: "withdrawn") { urn } }`, { urn: archived });
      expect((await versions()).latest).toBe('2');
      expect((await versions({ statuses: ['ACTIVE', 'ARCHIVED'] })).versions[0]).toBe('10');

      await member('b', '1', { versionSortId: '2024-06-02' });
      expect(await versions()).toEqual({ latest: '1', versions: ['1', '2', '1.1.0', '1.1.0-rc.1'] });
    });

    it('reads the versions of many groups in one statement', async () => {
      const names: string[] = [];
      const stop = t.graph.onStatement((e) => names.push(e.query));
      let latest: (string | undefined)[];
      try {
        const page = await ok(`{ entities(filter: { types: [MODEL_GROUP], platform: "${platform}" }, first: 50) { edges { node { ... on ModelGroup { latestVersion { version } } } } } }`);
        latest = page.entities.edges.map((e: any) => e.node.latestVersion?.version).sort();
      } finally {
        stop();
      }
      expect(latest).toEqual(['1', '7']); // this file's two groups
      expect(names.filter((n) => n === 'models/group-versions')).toHaveLength(1);
    });
  });

  describe('schema/examples/model-card.graphql on the example data', () => {
    // Names are made unique per run (the test database is shared), consistently in keys and URNs.
    const u = uniqueId('mc');
    const example = (file: string) =>
      fs
        .readFileSync(path.join(__dirname, '..', '..', 'schema', 'examples', file), 'utf8')
        .replaceAll('fraud', `fraud${u}`)
        .replaceAll('card_transactions', `card_transactions${u}`);
    const run = async (file: string, operationName: string) => {
      const response = await t.server.apollo.executeOperation({ query: example(file), operationName }, { contextValue: t.server.contextFor() });
      const result = response.body.kind === 'single' ? response.body.singleResult : null;
      expect(result?.errors).toBeUndefined();
      return result!.data as Record<string, any>;
    };

    it('sets the card and metrics of fraud-detector-v12, reads them, and finds v13 as the latest version', async () => {
      await run('ci-register-run.graphql', 'RegisterTrainingRun');
      expect((await run('model-card.graphql', 'SetFraudDetectorCard')).upsertModel.revision).toBe(2);
      const card = (await run('model-card.graphql', 'FraudDetectorCard')).model;
      expect(card.auc).toEqual([
        { value: 0.947, slice: null },
        { value: 0.912, slice: 'channel=e-commerce' },
      ]);
      expect(card.trainingCurve).toEqual([
        { step: 100, value: 0.212, timestamp: null },
        { step: 400, value: 0.131, timestamp: '2024-07-01T03:10:00.000Z' },
      ]);
      expect(card.ethics.humanLife).toEqual([]);
      expect(card.caveatsAndRecommendations.caveats.needsFurtherTesting).toBe(true);

      const before = (await run('model-card.graphql', 'FraudDetectorLatestVersion')).modelGroup;
      expect(before.latestVersion.version).toBe('12');
      await run('model-card.graphql', 'RegisterFraudDetectorV13');
      const after = (await run('model-card.graphql', 'FraudDetectorLatestVersion')).modelGroup;
      expect(after.latestVersion).toEqual({ name: `fraud${u}-detector-v13`, version: '13' });
      expect(after.versions.map((v: any) => [v.version, v.metrics.map((m: any) => m.value)])).toEqual([
        ['13', [0.951]],
        ['12', [0.947, 0.912]],
      ]);
    });
  });
});

function omitUrn<T extends { urn?: string }>(x: T): Omit<T, 'urn'> {
  const { urn: _urn, ...rest } = x;
  return rest;
}
