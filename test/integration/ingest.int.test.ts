import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { createServer, type MlgraphServer } from '../../src/server';
import { entitiesInBatch, realisticBatch, urnsFor, type IngestBatch } from '../support/ingest-batch';
import { testLog, uniqueId, type GqlResult } from '../support/harness';
import { useTestServer } from '../support/live-server';

// The ingest mutation: one transaction for a whole batch, checked against what Neo4j stores.
// Every test uses its own token as platform / namespace / id prefix and counts what carries it.

const M_INGEST = `mutation ($batch: IngestBatchInput!, $dryRun: Boolean) {
  ingest(batch: $batch, dryRun: $dryRun) {
    created updated unchanged createdUrns updatedUrns unchangedUrns dryRun warnings { code urn field message }
  }
}`;
const M_STATUS = `mutation ($urn: ID!, $status: Status!) { setStatus(urn: $urn, status: $status) { status } }`;

describe('ingest on the real Neo4j', () => {
  const t = useTestServer();
  const { raw } = t;

  /** Every node (entities, bare lock nodes, history) whose URN carries `token`. */
  const nodesWith = async (token: string) =>
    (await raw<{ n: number }>('MATCH (n) WHERE n.urn CONTAINS $token RETURN count(n) AS n', { token }))[0].n;
  const entitiesOnPlatform = async (platform: string) =>
    (await raw<{ n: number }>('MATCH (n:Entity {platform: $platform}) RETURN count(n) AS n', { platform }))[0].n;
  const openEdges = async (token: string) =>
    (
      await raw<{ n: number }>(
        'MATCH (a:Entity)-[r]->(:Entity) WHERE a.urn CONTAINS $token AND r.validTo IS NULL RETURN count(r) AS n',
        { token },
      )
    )[0].n;

  const ingest = (batch: Partial<IngestBatch>, dryRun = false) => t.gql(M_INGEST, { batch, dryRun });
  async function ingestOk(batch: Partial<IngestBatch>, dryRun = false) {
    const res = await ingest(batch, dryRun);
    expect(res.errors).toBeUndefined();
    return res.data!.ingest;
  }

  it('writes a whole workflow with references in any order, then reports it unchanged', async () => {
    const token = uniqueId('wf');
    const u = urnsFor(token);
    const batch: Partial<IngestBatch> = {
      // The model comes first and names everything else; the run names its parent run listed after it.
      models: [
        {
          platform: token,
          name: 'churn-v7',
          groups: [u.group('churn')],
          trainingRuns: [u.run('trial-1')],
          trainingDatasets: [u.dataset('features')],
          deployments: [u.deployment('prod-endpoint')],
        },
      ],
      trainingRuns: [
        { id: `${token}-trial-1`, name: 'trial 1', parentRun: u.run('sweep'), experiment: u.experiment('exp'), inputs: [u.dataset('features')] },
        { id: `${token}-sweep`, name: 'sweep' },
      ],
      datasets: [
        { platform: token, name: 'features', upstreams: [u.dataset('raw')] },
        { platform: token, name: 'raw' },
      ],
      experiments: [{ id: `${token}-exp`, name: 'churn experiment' }],
      modelGroups: [{ platform: token, name: 'churn' }],
      deployments: [{ platform: token, name: 'prod-endpoint' }],
      // Links may name entities of the same batch; this one repeats the model's groups field.
      links: [
        { from: u.dataset('features'), relationship: 'OUTPUT_OF', to: u.run('sweep') },
        { from: u.model('churn-v7'), relationship: 'MEMBER_OF', to: u.group('churn') },
      ],
    };
    const first = await ingestOk(batch);
    expect(first).toMatchObject({ created: 8, updated: 0, unchanged: 0, dryRun: false });
    expect(first.createdUrns).toEqual(expect.arrayContaining([u.model('churn-v7'), u.run('sweep'), u.dataset('raw')]));

    const lineage = await t.gql(
      `query ($m: ID!) { model(urn: $m) { groups { urn } deployments { urn }
         trainingRuns(first: 10) { urn parentRun { urn } experiment { urn } inputs(first: 10) { urn upstreams(first: 10) { urn } outputOf(first: 10) { urn } } } } }`,
      { m: u.model('churn-v7') },
    );
    expect(lineage.errors).toBeUndefined();
    expect(lineage.data!.model).toEqual({
      groups: [{ urn: u.group('churn') }],
      deployments: [{ urn: u.deployment('prod-endpoint') }],
      trainingRuns: [
        {
          urn: u.run('trial-1'),
          parentRun: { urn: u.run('sweep') },
          experiment: { urn: u.experiment('exp') },
          inputs: [{ urn: u.dataset('features'), upstreams: [{ urn: u.dataset('raw') }], outputOf: [{ urn: u.run('sweep') }] }],
        },
      ],
    });
    // model: 4 relationship fields; run: parent, experiment, input; dataset: upstream; link: output. One MEMBER_OF, not two.
    expect(await openEdges(token)).toBe(9);

    const second = await ingestOk(batch);
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: 8 });
    expect(await openEdges(token)).toBe(9);
    expect(await raw('MATCH (c:Change) WHERE c.urn CONTAINS $token AND c.revision > 1 RETURN c', { token })).toEqual([]);
  });

  it('refuses a 1,000-entity batch with one invalid row, naming its field path and writing nothing', async () => {
    const token = uniqueId('bad');
    const batch = realisticBatch(token, 166);
    expect(entitiesInBatch(166)).toBe(1000);
    batch.models[3].name = 'churn,v3'; // a comma would break the URN
    const before = await entitiesOnPlatform(token);

    const res = await ingest(batch);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'batch.models.3.name' });
    expect(res.errors![0].message).toMatch(/batch\.models\.3\.name/);
    expect(await entitiesOnPlatform(token)).toBe(before);
    expect(await nodesWith(token)).toBe(0);

    // Nested inputs are validated too.
    batch.models[3].name = 'churn-v3';
    (batch.datasets[7].schemaFields as { name: string }[])[1].name = '';
    const nested = await ingest(batch);
    expect(nested.errors?.[0]?.extensions?.field).toBe('batch.datasets.7.schemaFields.1.name');
    expect(await nodesWith(token)).toBe(0);
  });

  it('rolls back a 1,000-entity batch whose last row is refused by the database checks', async () => {
    const token = uniqueId('rb');
    const u = urnsFor(token);
    // Stored before: one dataset the batch updates, and one ARCHIVED dataset its last run reads.
    const existing = { platform: token, name: 'churn_features_0', description: 'before' };
    const archived = { platform: token, name: 'retired' };
    await ingestOk({ datasets: [existing, archived] });
    const arch = await t.gql(M_STATUS, { urn: u.dataset('retired'), status: 'ARCHIVED' });
    expect(arch.errors).toBeUndefined();
    const [platformBefore, nodesBefore] = [await entitiesOnPlatform(token), await nodesWith(token)];

    const batch = realisticBatch(token, 166);
    const last = batch.trainingRuns.length - 1;
    (batch.trainingRuns[last].inputs as string[]).push(u.dataset('retired'));

    const res = await ingest(batch);
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: `batch.trainingRuns.${last}.inputs`,
      urn: u.dataset('retired'),
    });
    expect(await entitiesOnPlatform(token)).toBe(platformBefore);
    expect(await nodesWith(token)).toBe(nodesBefore);
    const [stored] = await raw<{ d: string; rev: number }>('MATCH (n:Entity {urn: $urn}) RETURN n.description AS d, n.revision AS rev', {
      urn: u.dataset('churn_features_0'),
    });
    expect(stored).toEqual({ d: 'before', rev: 1 });
  });

  it('fails with NOT_FOUND listing every unknown URN the batch does not create', async () => {
    const token = uniqueId('nf');
    const u = urnsFor(token);
    const res = await ingest({
      datasets: [{ platform: token, name: 'features', upstreams: [u.dataset('missing-raw')] }],
      models: [{ platform: token, name: 'm', groups: [u.group('missing-group')], trainingDatasets: [u.dataset('features')] }],
      links: [{ from: u.model('m'), relationship: 'DEPLOYED_TO', to: u.deployment('missing-dep') }],
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect([...res.errors![0].extensions!.urns].sort()).toEqual(
      [u.dataset('missing-raw'), u.group('missing-group'), u.deployment('missing-dep')].sort(),
    );
    expect(await nodesWith(token)).toBe(0);
  });

  it('names the field of an illegal link and of a reference of the wrong type', async () => {
    const token = uniqueId('il');
    const u = urnsFor(token);
    const datasets = [{ platform: token, name: 'a' }, { platform: token, name: 'b' }];
    const illegal = await ingest({ datasets, links: [{ from: u.dataset('a'), relationship: 'MEMBER_OF', to: u.dataset('b') }] });
    expect(illegal.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'batch.links.0.relationship' });
    const wrongType = await ingest({ datasets, models: [{ platform: token, name: 'm', groups: [u.dataset('a')] }] });
    expect(wrongType.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'batch.models.0.groups' });
    expect(await nodesWith(token)).toBe(0);
  });

  it('refuses a batch whose relationship field removes an edge that its links add, and writes nothing', async () => {
    const token = uniqueId('both');
    const u = urnsFor(token);
    const groups = [{ platform: token, name: 'g1' }, { platform: token, name: 'g2' }];
    await ingestOk({ modelGroups: groups, models: [{ platform: token, name: 'm', groups: [u.group('g1')] }] });
    const edgesBefore = await openEdges(token);
    const closedEdges = async () =>
      (await raw<{ n: number }>('MATCH (a:Entity)-[r]->() WHERE a.urn CONTAINS $token AND r.validTo IS NOT NULL RETURN count(r) AS n', { token }))[0].n;

    // groups: [g2] removes m -> g1; the link adds it back.
    const fieldThenLink = await ingest({
      models: [{ platform: token, name: 'm', groups: [u.group('g2')] }],
      links: [{ from: u.model('m'), relationship: 'MEMBER_OF', to: u.group('g1') }],
    });
    expect(fieldThenLink.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'batch.links.0' });
    expect(fieldThenLink.errors?.[0]?.message).toMatch(/both removed \(at batch\.models\.0\.groups\) and added/);

    expect(await openEdges(token)).toBe(edgesBefore);
    expect(await closedEdges()).toBe(0);
  });

  it('refuses more than 10,000 entities in one batch, writing nothing', async () => {
    const token = uniqueId('max');
    const datasets = Array.from({ length: 10_001 }, (_, i) => ({ platform: token, name: `d${i}` }));
    const res = await ingest({ datasets: datasets.slice(0, 5_001), modelGroups: datasets.slice(5_001) });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'batch' });
    expect(res.errors![0].message).toMatch(/at most 10000 entities, got 10001/);
    expect(await nodesWith(token)).toBe(0);
  });

  it('dryRun reports what a real run reports and writes nothing', async () => {
    const token = uniqueId('dry');
    const batch = realisticBatch(token, 50);
    const dry = await ingestOk(batch, true);
    expect(dry).toMatchObject({ created: entitiesInBatch(50), updated: 0, unchanged: 0, dryRun: true });
    expect(await nodesWith(token)).toBe(0);

    const real = await ingestOk(batch);
    expect({ ...real, dryRun: true }).toEqual(dry);
    const nodes = await nodesWith(token);

    batch.models[0].description = 'retrained';
    batch.datasets[0].tags = ['features', 'gold'];
    const dryUpdate = await ingestOk(batch, true);
    expect(dryUpdate).toMatchObject({ created: 0, updated: 2, unchanged: entitiesInBatch(50) - 2, dryRun: true });
    expect(await nodesWith(token)).toBe(nodes);
    expect(await ingestOk(batch)).toMatchObject({ created: 0, updated: 2, unchanged: entitiesInBatch(50) - 2, dryRun: false });
  });

  it('warns about DEPRECATED references in the result and in extensions.warnings', async () => {
    const token = uniqueId('dep');
    const u = urnsFor(token);
    await ingestOk({ datasets: [{ platform: token, name: 'old' }] });
    await t.gql(M_STATUS, { urn: u.dataset('old'), status: 'DEPRECATED' });
    const res = await ingest({ trainingRuns: [{ id: `${token}-r`, name: 'r', inputs: [u.dataset('old')] }] });
    expect(res.errors).toBeUndefined();
    const warning = { code: 'DEPRECATED_REFERENCE', urn: u.run('r'), field: 'batch.trainingRuns.0.inputs' };
    expect(res.data!.ingest.warnings).toEqual([expect.objectContaining(warning)]);
    expect(res.extensions?.warnings).toEqual([expect.objectContaining(warning)]);
  });

  describe('schema/examples run as written', () => {
    // Names are made unique per run (the test database is shared), consistently in keys and URNs.
    const u = uniqueId('ex');
    const example = (file: string) =>
      fs
        .readFileSync(path.join(__dirname, '..', '..', 'schema', 'examples', file), 'utf8')
        .replaceAll('fraud', `fraud${u}`)
        .replaceAll('card_transactions', `card_transactions${u}`);

    async function run(file: string, operationName: string, variables?: Record<string, unknown>) {
      const response = await t.server.apollo.executeOperation(
        { query: example(file), operationName, variables },
        { contextValue: t.server.contextFor() },
      );
      const result = (response.body as { kind: 'single'; singleResult: GqlResult }).singleResult;
      expect(result.errors).toBeUndefined();
      return result.data as Record<string, any>;
    }

    it('ci-register-run, promote-champion and deprecate', async () => {
      const dry = (await run('ci-register-run.graphql', 'RegisterTrainingRun', { dryRun: true })).ingest;
      expect(dry).toMatchObject({ dryRun: true, created: 11, updated: 0, unchanged: 0, warnings: [] });
      expect(await nodesWith(`fraud${u}`)).toBe(0);
      expect((await run('ci-register-run.graphql', 'RegisterTrainingRun')).ingest).toMatchObject({ dryRun: false, created: 11 });
      expect((await run('ci-register-run.graphql', 'RegisterTrainingRun')).ingest).toMatchObject({ created: 0, updated: 0, unchanged: 11 });
      expect((await run('ci-register-run.graphql', 'LinkScoresToFeatures')).link.changed).toBe(true);

      const promoted = (await run('promote-champion.graphql', 'PromoteChampion')).setModelAlias;
      expect(promoted).toEqual({
        changed: true,
        model: { name: `fraud${u}-detector-v12`, version: '12', aliases: ['champion'] },
        previousHolders: [],
      });
      const group = `urn:li:mlModelGroup:(urn:li:dataPlatform:mlflow,fraud${u}-detector,PROD)`;
      const v11 = await t.gql(`mutation ($g: String!, $n: String!) { upsertModel(input: { platform: "mlflow", name: $n, version: "11", groups: [$g] }) { urn } }`, {
        g: group,
        n: `fraud${u}-detector-v11`,
      });
      expect(v11.errors).toBeUndefined();
      const rollBack = (await run('promote-champion.graphql', 'PromoteChampion', { model: v11.data!.upsertModel.urn })).setModelAlias;
      expect(rollBack.previousHolders).toEqual([{ name: `fraud${u}-detector-v12`, version: '12', aliases: [] }]);
      const aliases = (await run('promote-champion.graphql', 'FraudDetectorAliases')).modelGroup.aliases;
      expect(aliases.map((a: any) => [a.alias, a.model.version])).toEqual([['champion', '11']]);
      expect((await run('promote-champion.graphql', 'ChampionToServe')).modelByAlias).toMatchObject({ version: '11' });
      expect((await run('promote-champion.graphql', 'RetireChallenger')).removeModelAlias).toEqual({ changed: false, previousHolders: [] });

      expect((await run('deprecate.graphql', 'DeprecateRawTransactions')).setStatus).toMatchObject({ status: 'DEPRECATED', revision: 2 });
      expect((await run('deprecate.graphql', 'ArchiveRawTransactions')).setStatus.status).toBe('ARCHIVED');
      const lifecycle = await run('deprecate.graphql', 'RawTransactionsLifecycle');
      expect(lifecycle.dataset).toMatchObject({ status: 'ARCHIVED', statusReason: 'Retention period over.' });
      expect(lifecycle.history.edges.map((e: any) => e.node.action)).toEqual(['STATUS_CHANGED', 'STATUS_CHANGED', 'CREATED']);
      expect((await run('deprecate.graphql', 'ReactivateRawTransactions')).setStatus.status).toBe('ACTIVE');
    });
  });

  describe('a 10,000-entity batch over HTTP, with the default body limit', () => {
    let server: MlgraphServer;
    let url: string;

    beforeAll(async () => {
      const { bodyLimit } = loadConfig({});
      server = await createServer({ config: { bodyLimit, introspection: false, landingPage: false }, graph: t.graph, log: testLog });
      url = await server.listen(0, '127.0.0.1');
    });
    afterAll(() => server.stop());

    async function post(body: string): Promise<GqlResult> {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(res.status).toBe(200);
      return (await res.json()) as GqlResult;
    }

    it('is written in one request and a second identical send reports everything unchanged', async () => {
      const token = uniqueId('big');
      const jobs = 1666;
      const batch = realisticBatch(token, jobs);
      expect(entitiesInBatch(jobs)).toBe(10_000);
      const body = JSON.stringify({ query: M_INGEST, variables: { batch } });

      const first = await post(body);
      expect(first.errors).toBeUndefined();
      expect(first.data!.ingest).toMatchObject({ created: 10_000, updated: 0, unchanged: 0 });
      expect(await entitiesOnPlatform(token)).toBe(jobs * 4 + 2); // datasets, models, deployments, groups (features, runs and experiments have none)
      expect(await raw('MATCH (n:Entity) WHERE n.urn CONTAINS $token AND n.type IS NULL RETURN n', { token })).toEqual([]);
      // per job: model 5 + run 2 + feature dataset 1 + feature 1 + link 1
      expect(await openEdges(token)).toBe(jobs * 10);

      const second = await post(body);
      expect(second.errors).toBeUndefined();
      expect(second.data!.ingest).toMatchObject({ created: 0, updated: 0, unchanged: 10_000 });
      expect(second.data!.ingest.unchangedUrns).toHaveLength(10_000);
      expect(await openEdges(token)).toBe(jobs * 10);
    }, 300_000);
  });
});
