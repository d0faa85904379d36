import { uniqueId, type GqlResult } from '../support/harness';
import { useTestServer } from '../support/live-server';

// Upserts of all eight entity types through GraphQL, checked against what Neo4j really stores.
// Every test makes its own names (uniqueId), so tests never see each other's data.

const ENTITY = 'urn type name description status tags revision createdAt updatedAt createdBy updatedBy';

const M_UPSERT_DATASET = `mutation ($input: UpsertDatasetInput!) {
  upsertDataset(input: $input) { ${ENTITY} platform env uri version format schemaFields { name type description } upstreams { urn } }
}`;
const M_UPSERT_FEATURE = `mutation ($input: UpsertFeatureInput!) {
  upsertFeature(input: $input) { ${ENTITY} namespace dataType featureAlgorithm version sources { urn } }
}`;
const M_UPSERT_FEATURE_TABLE = `mutation ($input: UpsertFeatureTableInput!) {
  upsertFeatureTable(input: $input) { ${ENTITY} platform primaryKeys features { urn } }
}`;
const M_UPSERT_MODEL_GROUP = `mutation ($input: UpsertModelGroupInput!) {
  upsertModelGroup(input: $input) { ${ENTITY} platform env }
}`;
const M_UPSERT_EXPERIMENT = `mutation ($input: UpsertExperimentInput!) {
  upsertExperiment(input: $input) { ${ENTITY} id }
}`;
const M_UPSERT_RUN = `mutation ($input: UpsertTrainingRunInput!) {
  upsertTrainingRun(input: $input) {
    ${ENTITY} id runType startedAt endedAt runStatus hyperParams { name value description } metrics { name value description }
    codeRepository codeCommit dockerImage inputs { urn } outputs { urn } experiment { urn } parentRun { urn }
  }
}`;
const M_UPSERT_DEPLOYMENT = `mutation ($input: UpsertDeploymentInput!) {
  upsertDeployment(input: $input) { ${ENTITY} platform env deploymentStatus endpointUrl version }
}`;
const MODEL_FIELDS = `${ENTITY} platform env version aliases modelType framework { name version }
  hyperParams { name value description } trainingMetrics { name value } onlineMetrics { name value }
  intendedUse { primaryUses primaryUsers outOfScopeUses } ethicalConsiderations caveats sourceCode { type url }
  artifactUri dockerImage endpointUrl license
  groups { urn } features { urn } trainingRuns { urn } trainingDatasets { urn } evaluationDatasets { urn } deployments { urn }`;
const M_UPSERT_MODEL = `mutation ($input: UpsertModelInput!) { upsertModel(input: $input) { ${MODEL_FIELDS} } }`;

describe('upserts of every entity type on the real Neo4j', () => {
  const t = useTestServer();
  const { ok, raw } = t;

  const changeCount = async (urn: string) =>
    (await raw<{ n: number }>('MATCH (c:Change {urn: $urn}) RETURN count(c) AS n', { urn }))[0].n;
  /** Nodes carrying this URN other than its history records (any label, so duplicates would show). */
  const nodeCount = async (urn: string) =>
    (await raw<{ n: number }>('MATCH (n {urn: $urn}) WHERE NOT n:Change RETURN count(n) AS n', { urn }))[0].n;
  const urnsOf = (xs: { urn: string }[]) => xs.map((x) => x.urn).sort();

  /** A dataset with a fresh name; returns its URN. */
  async function dataset(prefix = 'ds'): Promise<string> {
    const d = await ok(M_UPSERT_DATASET, { input: { platform: 's3', name: uniqueId(prefix) } });
    return d.upsertDataset.urn;
  }

  describe('creating each type', () => {
    it('creates all eight types with their key and type-specific fields, readable through the typed getters', async () => {
      const id = uniqueId('all');

      const ds = (
        await ok(M_UPSERT_DATASET, {
          input: {
            platform: 'snowflake',
            name: `${id}.events`,
            env: 'DEV',
            description: 'raw events',
            tags: ['gold'],
            uri: 'snowflake://db/events',
            version: '3',
            format: 'table',
            schemaFields: [{ name: 'user_id', type: 'string' }],
          },
        })
      ).upsertDataset;
      expect(ds).toMatchObject({
        urn: `urn:li:dataset:(urn:li:dataPlatform:snowflake,${id}.events,DEV)`,
        type: 'DATASET',
        status: 'ACTIVE',
        platform: 'snowflake',
        env: 'DEV',
        uri: 'snowflake://db/events',
        version: '3',
        format: 'table',
        schemaFields: [{ name: 'user_id', type: 'string', description: null }],
        tags: ['gold'],
        revision: 1,
        createdBy: 'anonymous',
      });

      const feature = (
        await ok(M_UPSERT_FEATURE, {
          input: {
            namespace: `${id}-ns`,
            name: 'days_active',
            dataType: 'COUNT',
            featureAlgorithm: 'count distinct days in 30d',
            version: '2',
            sources: [ds.urn],
          },
        })
      ).upsertFeature;
      expect(feature).toMatchObject({
        urn: `urn:li:mlFeature:(${id}-ns,days_active)`,
        type: 'FEATURE',
        namespace: `${id}-ns`,
        dataType: 'COUNT',
        featureAlgorithm: 'count distinct days in 30d',
        version: '2',
        sources: [{ urn: ds.urn }],
        revision: 1,
      });

      const table = (
        await ok(M_UPSERT_FEATURE_TABLE, {
          input: { platform: 'feast', name: `${id}_users`, primaryKeys: ['user_id'], features: [feature.urn] },
        })
      ).upsertFeatureTable;
      expect(table).toMatchObject({
        urn: `urn:li:mlFeatureTable:(urn:li:dataPlatform:feast,${id}_users)`,
        type: 'FEATURE_TABLE',
        platform: 'feast',
        primaryKeys: ['user_id'],
        features: [{ urn: feature.urn }],
      });

      const group = (await ok(M_UPSERT_MODEL_GROUP, { input: { platform: 'mlflow', name: `${id}-churn` } })).upsertModelGroup;
      expect(group).toMatchObject({
        urn: `urn:li:mlModelGroup:(urn:li:dataPlatform:mlflow,${id}-churn,PROD)`,
        type: 'MODEL_GROUP',
        platform: 'mlflow',
        env: 'PROD',
      });

      const exp = (await ok(M_UPSERT_EXPERIMENT, { input: { id: `${id}-exp`, name: 'Churn experiments' } })).upsertExperiment;
      expect(exp).toMatchObject({ urn: `urn:li:container:${id}-exp`, type: 'EXPERIMENT', id: `${id}-exp`, name: 'Churn experiments' });

      const run = (
        await ok(M_UPSERT_RUN, {
          input: {
            id: `${id}-run`,
            name: 'run 1',
            startedAt: '2024-05-01T10:00:00.000Z',
            endedAt: '2024-05-01T11:30:00.000Z',
            runStatus: 'SUCCEEDED',
            hyperParams: [{ name: 'max_depth', value: '6' }],
            metrics: [{ name: 'auc', value: '0.91', description: 'validation AUC' }],
            codeRepository: 'https://github.com/acme/churn',
            codeCommit: 'abc123',
            dockerImage: 'acme/train:1.2',
            inputs: [ds.urn],
            experiment: exp.urn,
          },
        })
      ).upsertTrainingRun;
      expect(run).toMatchObject({
        urn: `urn:li:dataProcessInstance:${id}-run`,
        type: 'RUN', // upsertTrainingRun (deprecated) writes a Run
        runType: 'TRAINING',
        id: `${id}-run`,
        startedAt: '2024-05-01T10:00:00.000Z',
        endedAt: '2024-05-01T11:30:00.000Z',
        runStatus: 'SUCCEEDED',
        hyperParams: [{ name: 'max_depth', value: '6', description: null }],
        metrics: [{ name: 'auc', value: '0.91', description: 'validation AUC' }],
        codeRepository: 'https://github.com/acme/churn',
        codeCommit: 'abc123',
        dockerImage: 'acme/train:1.2',
        inputs: [{ urn: ds.urn }],
        outputs: [],
        experiment: { urn: exp.urn },
        parentRun: null,
      });

      const dep = (
        await ok(M_UPSERT_DEPLOYMENT, {
          input: {
            platform: 'sagemaker',
            name: `${id}-endpoint`,
            env: 'STG',
            deploymentStatus: 'IN_SERVICE',
            endpointUrl: 'https://ml.example.com/churn',
            version: 'v5',
          },
        })
      ).upsertDeployment;
      expect(dep).toMatchObject({
        urn: `urn:li:mlModelDeployment:(urn:li:dataPlatform:sagemaker,${id}-endpoint,STG)`,
        type: 'DEPLOYMENT',
        env: 'STG',
        deploymentStatus: 'IN_SERVICE',
        endpointUrl: 'https://ml.example.com/churn',
        version: 'v5',
      });

      const model = (
        await ok(M_UPSERT_MODEL, {
          input: {
            platform: 'mlflow',
            name: `${id}-churn-v7`,
            version: '7',
            modelType: 'gradient boosted trees',
            framework: { name: 'xgboost', version: '2.0.3' },
            hyperParams: [{ name: 'eta', value: '0.1' }],
            trainingMetrics: [{ name: 'auc', value: '0.91' }],
            onlineMetrics: [{ name: 'ctr', value: '0.04' }],
            intendedUse: { primaryUses: ['retention offers'], outOfScopeUses: ['credit decisions'] },
            ethicalConsiderations: 'no protected attributes',
            caveats: 'trained on EU users only',
            sourceCode: [{ type: 'GITHUB', url: 'https://github.com/acme/churn' }],
            artifactUri: 'runs:/abc/model',
            dockerImage: 'acme/serve:7',
            endpointUrl: 'https://ml.example.com/churn',
            license: 'Apache-2.0',
            groups: [group.urn],
            features: [feature.urn],
            trainingRuns: [run.urn],
            trainingDatasets: [ds.urn],
            evaluationDatasets: [ds.urn],
            deployments: [dep.urn],
          },
        })
      ).upsertModel;
      expect(model).toMatchObject({
        urn: `urn:li:mlModel:(urn:li:dataPlatform:mlflow,${id}-churn-v7,PROD)`,
        type: 'MODEL',
        version: '7',
        aliases: [],
        modelType: 'gradient boosted trees',
        framework: { name: 'xgboost', version: '2.0.3' },
        hyperParams: [{ name: 'eta', value: '0.1', description: null }],
        trainingMetrics: [{ name: 'auc', value: '0.91' }],
        onlineMetrics: [{ name: 'ctr', value: '0.04' }],
        intendedUse: { primaryUses: ['retention offers'], primaryUsers: [], outOfScopeUses: ['credit decisions'] },
        ethicalConsiderations: 'no protected attributes',
        caveats: 'trained on EU users only',
        sourceCode: [{ type: 'GITHUB', url: 'https://github.com/acme/churn' }],
        artifactUri: 'runs:/abc/model',
        dockerImage: 'acme/serve:7',
        endpointUrl: 'https://ml.example.com/churn',
        license: 'Apache-2.0',
        groups: [{ urn: group.urn }],
        features: [{ urn: feature.urn }],
        trainingRuns: [{ urn: run.urn }],
        trainingDatasets: [{ urn: ds.urn }],
        evaluationDatasets: [{ urn: ds.urn }],
        deployments: [{ urn: dep.urn }],
        revision: 1,
      });

      // The typed getters read the same entities back in a fresh request, with the reverse fields.
      const read = await ok(
        `query ($ds: ID!, $f: ID!, $ft: ID!, $g: ID!, $e: ID!, $r: ID!, $d: ID!, $m: ID!) {
          dataset(urn: $ds) { urn trainedModels { urn } evaluatedModels { urn } consumers { urn } inputOf { urn } derivedFeatures { urn } }
          feature(urn: $f) { urn dataType featureTables { urn } models { urn } }
          featureTable(urn: $ft) { urn primaryKeys }
          modelGroup(urn: $g) { urn models { urn } }
          experiment(urn: $e) { urn id runs { urn } }
          trainingRun(urn: $r) { urn startedAt models { urn } }
          deployment(urn: $d) { urn deploymentStatus models { urn } }
          model(urn: $m) { urn framework { name version } intendedUse { primaryUses } }
        }`,
        { ds: ds.urn, f: feature.urn, ft: table.urn, g: group.urn, e: exp.urn, r: run.urn, d: dep.urn, m: model.urn },
      );
      expect(read).toEqual({
        dataset: {
          urn: ds.urn,
          trainedModels: [{ urn: model.urn }],
          evaluatedModels: [{ urn: model.urn }],
          consumers: [{ urn: model.urn }], // trained and evaluated on it: listed once
          inputOf: [{ urn: run.urn }],
          derivedFeatures: [{ urn: feature.urn }],
        },
        feature: { urn: feature.urn, dataType: 'COUNT', featureTables: [{ urn: table.urn }], models: [{ urn: model.urn }] },
        featureTable: { urn: table.urn, primaryKeys: ['user_id'] },
        modelGroup: { urn: group.urn, models: [{ urn: model.urn }] },
        experiment: { urn: exp.urn, id: `${id}-exp`, runs: [{ urn: run.urn }] },
        trainingRun: { urn: run.urn, startedAt: '2024-05-01T10:00:00.000Z', models: [{ urn: model.urn }] },
        deployment: { urn: dep.urn, deploymentStatus: 'IN_SERVICE', models: [{ urn: model.urn }] },
        model: { urn: model.urn, framework: { name: 'xgboost', version: '2.0.3' }, intendedUse: { primaryUses: ['retention offers'] } },
      });

      // Stored with the type's own label next to :Entity, times as Neo4j DateTime.
      const [stored] = await raw(
        'MATCH (n:Entity:Run {urn: $urn}) RETURN labels(n) AS labels, n.startedAt AS startedAt, n.revision AS revision',
        { urn: run.urn },
      );
      expect(stored.labels.sort()).toEqual(['Entity', 'Run']);
      expect(stored.startedAt.constructor.name).toBe('DateTime');
      expect(stored.revision).toBe(1);
    });

    it('typed getters return null for an absent URN and for a URN of another type', async () => {
      const ds = await dataset();
      const res = await ok(
        `query ($ds: ID!, $missing: ID!) { model(urn: $ds) { urn } dataset(urn: $missing) { urn } feature(urn: $ds) { urn } }`,
        { ds, missing: `urn:li:dataset:(urn:li:dataPlatform:s3,${uniqueId('absent')},PROD)` },
      );
      expect(res).toEqual({ model: null, dataset: null, feature: null });
    });
  });

  describe('idempotency and revisions', () => {
    it('the same input twice leaves revision and updatedAt alone and records no second change', async () => {
      const ds = await dataset();
      const group = (await ok(M_UPSERT_MODEL_GROUP, { input: { platform: 'mlflow', name: uniqueId('grp') } })).upsertModelGroup.urn;
      const input = {
        platform: 'mlflow',
        name: uniqueId('idem'),
        description: 'same every time',
        framework: { version: '1.4', name: 'sklearn' },
        hyperParams: [{ name: 'C', value: '1.0' }],
        intendedUse: { primaryUses: ['x'] },
        customProperties: [{ key: 'team', value: 'growth' }],
        groups: [group],
        trainingDatasets: [ds],
      };
      const first = (await ok(M_UPSERT_MODEL, { input })).upsertModel;
      const second = (await ok(M_UPSERT_MODEL, { input })).upsertModel;
      expect(second.revision).toBe(1);
      expect(second.updatedAt).toBe(first.updatedAt);
      expect(second.createdAt).toBe(first.createdAt);
      expect(await changeCount(first.urn)).toBe(1);
      const edges = await raw<{ n: number }>('MATCH (:Model {urn: $urn})-[r]->() RETURN count(r) AS n', { urn: first.urn });
      expect(edges[0].n).toBe(2);
      expect(await nodeCount(first.urn)).toBe(1);
    });

    it('a real change bumps revision by exactly one and records what changed', async () => {
      const input = { platform: 'mlflow', name: uniqueId('rev'), version: '1' };
      const first = (await ok(M_UPSERT_MODEL, { input })).upsertModel;
      const second = (await ok(M_UPSERT_MODEL, { input: { ...input, version: '2' } })).upsertModel;
      expect(second.revision).toBe(first.revision + 1);
      expect(second.version).toBe('2');
      expect(new Date(second.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(first.updatedAt).getTime());
      expect(second.createdAt).toBe(first.createdAt);
      const changes = await raw<{ revision: number; action: string; changes: string }>(
        'MATCH (c:Change {urn: $urn}) RETURN c.revision AS revision, c.action AS action, c.changes AS changes ORDER BY c.revision',
        { urn: first.urn },
      );
      expect(changes.map((c) => [c.revision, c.action])).toEqual([
        [1, 'CREATED'],
        [2, 'UPDATED'],
      ]);
      expect(JSON.parse(changes[1].changes)).toEqual([{ field: 'version', old: '1', new: '2' }]);
    });

    it('a training run upserted again with the same instants is unchanged', async () => {
      const input = { id: uniqueId('run'), name: 'r', startedAt: '2024-01-01T00:00:00.123Z', runStatus: 'RUNNING' };
      await ok(M_UPSERT_RUN, { input });
      const again = (await ok(M_UPSERT_RUN, { input })).upsertTrainingRun;
      expect(again.revision).toBe(1);
      const ended = (await ok(M_UPSERT_RUN, { input: { ...input, runStatus: 'SUCCEEDED', endedAt: '2024-01-01T02:00:00.000Z' } }))
        .upsertTrainingRun;
      expect(ended).toMatchObject({ revision: 2, runStatus: 'SUCCEEDED', startedAt: input.startedAt, endedAt: '2024-01-01T02:00:00.000Z' });
    });
  });

  describe('absent and null fields', () => {
    it('leaves absent fields alone and clears fields sent as null', async () => {
      const base = { platform: 'sagemaker', name: uniqueId('dep') };
      await ok(M_UPSERT_DEPLOYMENT, {
        input: { ...base, description: 'blue', tags: ['a'], deploymentStatus: 'CREATING', endpointUrl: 'https://x.example.com', version: '1' },
      });
      const untouched = (await ok(M_UPSERT_DEPLOYMENT, { input: { ...base, deploymentStatus: 'IN_SERVICE' } })).upsertDeployment;
      expect(untouched).toMatchObject({
        description: 'blue',
        tags: ['a'],
        deploymentStatus: 'IN_SERVICE',
        endpointUrl: 'https://x.example.com',
        version: '1',
        revision: 2,
      });
      const cleared = (
        await ok(M_UPSERT_DEPLOYMENT, { input: { ...base, description: null, tags: null, endpointUrl: null } })
      ).upsertDeployment;
      expect(cleared).toMatchObject({ description: null, tags: [], endpointUrl: null, deploymentStatus: 'IN_SERVICE', version: '1', revision: 3 });
      const [props] = await raw('MATCH (n:Deployment {urn: $urn}) RETURN keys(n) AS keys', { urn: cleared.urn });
      expect(props.keys).not.toContain('description');
      expect(props.keys).not.toContain('endpointUrl');
    });

    it('clears nested and list fields of a model with null, leaving relationships alone when absent', async () => {
      const ds = await dataset();
      const base = { platform: 'mlflow', name: uniqueId('nul') };
      await ok(M_UPSERT_MODEL, {
        input: {
          ...base,
          framework: { name: 'torch' },
          hyperParams: [{ name: 'lr', value: '0.01' }],
          intendedUse: { primaryUsers: ['analysts'] },
          trainingDatasets: [ds],
        },
      });
      const m = (await ok(M_UPSERT_MODEL, { input: { ...base, framework: null, hyperParams: null, intendedUse: null } })).upsertModel;
      expect(m).toMatchObject({ framework: null, hyperParams: [], intendedUse: null, trainingDatasets: [{ urn: ds }], revision: 2 });
      const emptied = (await ok(M_UPSERT_MODEL, { input: { ...base, trainingDatasets: [] } })).upsertModel;
      expect(emptied).toMatchObject({ trainingDatasets: [], revision: 3 });
    });
  });

  describe('relationship replacement', () => {
    it('replaces a set by closing old edges (never deleting them) and opening new ones; relinking opens a new edge', async () => {
      const [a, b, c] = [await dataset('a'), await dataset('b'), await dataset('c')];
      const base = { platform: 'mlflow', name: uniqueId('rel') };
      const m1 = (await ok(M_UPSERT_MODEL, { input: { ...base, trainingDatasets: [a, b] } })).upsertModel;
      expect(urnsOf(m1.trainingDatasets)).toEqual([a, b].sort());

      const m2 = (await ok(M_UPSERT_MODEL, { input: { ...base, trainingDatasets: [b, c] } })).upsertModel;
      expect(urnsOf(m2.trainingDatasets)).toEqual([b, c].sort());
      expect(m2.revision).toBe(2);

      // Both directions, in a fresh request.
      const reverse = `query ($m: ID!, $a: ID!, $b: ID!, $c: ID!) {
        model(urn: $m) { trainingDatasets { urn } }
        a: dataset(urn: $a) { trainedModels { urn } }
        b: dataset(urn: $b) { trainedModels { urn } }
        c: dataset(urn: $c) { trainedModels { urn } }
      }`;
      const r = await ok(reverse, { m: m1.urn, a, b, c });
      expect(urnsOf(r.model.trainingDatasets)).toEqual([b, c].sort());
      expect(r.a.trainedModels).toEqual([]);
      expect(r.b.trainedModels).toEqual([{ urn: m1.urn }]);
      expect(r.c.trainedModels).toEqual([{ urn: m1.urn }]);

      const edges = async () =>
        raw<{ to: string; closed: boolean; source: string; createdBy: string }>(
          `MATCH (:Model {urn: $urn})-[r:TRAINED_ON]->(d) RETURN d.urn AS to, r.validTo IS NOT NULL AS closed,
             r.source AS source, r.createdBy AS createdBy ORDER BY d.urn, r.validFrom`,
          { urn: m1.urn },
        );
      const afterReplace = await edges();
      expect(afterReplace.map((e) => [e.to, e.closed])).toEqual(
        [
          [a, true],
          [b, false],
          [c, false],
        ].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
      );
      expect(afterReplace.every((e) => e.source === 'api' && e.createdBy === 'anonymous')).toBe(true);

      // Relinking a opens a second edge to a; b's edge is closed, not removed.
      const m3 = (await ok(M_UPSERT_MODEL, { input: { ...base, trainingDatasets: [a, c] } })).upsertModel;
      expect(urnsOf(m3.trainingDatasets)).toEqual([a, c].sort());
      const afterRelink = await edges();
      expect(afterRelink).toHaveLength(4);
      const toA = afterRelink.filter((e) => e.to === a);
      expect(toA.map((e) => e.closed).sort()).toEqual([false, true]);
      expect(afterRelink.filter((e) => e.to === b).map((e) => e.closed)).toEqual([true]);
      expect(afterRelink.filter((e) => e.to === c).map((e) => e.closed)).toEqual([false]);

      const [hist] = await raw<{ changes: string }>('MATCH (c:Change {urn: $urn, revision: 3}) RETURN c.changes AS changes', {
        urn: m1.urn,
      });
      expect(JSON.parse(hist.changes)).toEqual([
        { field: 'trainingDatasets', old: [b, c].sort(), new: [a, c].sort() },
      ]);
    });

    it("moves a run's single experiment and parent run, and detaches them with null", async () => {
      const [e1, e2] = [uniqueId('e1'), uniqueId('e2')];
      const exp1 = (await ok(M_UPSERT_EXPERIMENT, { input: { id: e1, name: 'one' } })).upsertExperiment.urn;
      const exp2 = (await ok(M_UPSERT_EXPERIMENT, { input: { id: e2, name: 'two' } })).upsertExperiment.urn;
      const sweep = (await ok(M_UPSERT_RUN, { input: { id: uniqueId('sweep'), name: 'sweep' } })).upsertTrainingRun.urn;
      const base = { id: uniqueId('trial'), name: 'trial' };

      const r1 = (await ok(M_UPSERT_RUN, { input: { ...base, experiment: exp1, parentRun: sweep } })).upsertTrainingRun;
      expect(r1).toMatchObject({ experiment: { urn: exp1 }, parentRun: { urn: sweep } });
      const r2 = (await ok(M_UPSERT_RUN, { input: { ...base, experiment: exp2 } })).upsertTrainingRun;
      expect(r2).toMatchObject({ experiment: { urn: exp2 }, parentRun: { urn: sweep }, revision: 2 });

      const back = await ok(
        `query ($e1: ID!, $e2: ID!, $s: ID!) {
          one: experiment(urn: $e1) { runs { urn } } two: experiment(urn: $e2) { runs { urn } }
          sweep: trainingRun(urn: $s) { childRuns { urn } }
        }`,
        { e1: exp1, e2: exp2, s: sweep },
      );
      expect(back).toEqual({ one: { runs: [] }, two: { runs: [{ urn: r1.urn }] }, sweep: { childRuns: [{ urn: r1.urn }] } });

      const r3 = (await ok(M_UPSERT_RUN, { input: { ...base, experiment: null, parentRun: null } })).upsertTrainingRun;
      expect(r3).toMatchObject({ experiment: null, parentRun: null, revision: 3 });
      const open = await raw<{ n: number }>('MATCH (:Run {urn: $urn})-[r]->() WHERE r.validTo IS NULL RETURN count(r) AS n', {
        urn: r1.urn,
      });
      expect(open[0].n).toBe(0);
      const all = await raw<{ n: number }>('MATCH (:Run {urn: $urn})-[r]->() RETURN count(r) AS n', { urn: r1.urn });
      expect(all[0].n).toBe(3);
    });

    it('replaces feature-table, feature-source and dataset-upstream sets the same way', async () => {
      const [s1, s2] = [await dataset('src1'), await dataset('src2')];
      const ns = uniqueId('ns');
      const f1 = (await ok(M_UPSERT_FEATURE, { input: { namespace: ns, name: 'f1', sources: [s1] } })).upsertFeature.urn;
      const f2 = (await ok(M_UPSERT_FEATURE, { input: { namespace: ns, name: 'f2', sources: [s1, s2] } })).upsertFeature.urn;
      const tbl = { platform: 'feast', name: uniqueId('tbl') };
      await ok(M_UPSERT_FEATURE_TABLE, { input: { ...tbl, features: [f1, f2] } });
      const t2 = (await ok(M_UPSERT_FEATURE_TABLE, { input: { ...tbl, features: [f2] } })).upsertFeatureTable;
      expect(t2.features).toEqual([{ urn: f2 }]);
      const f2b = (await ok(M_UPSERT_FEATURE, { input: { namespace: ns, name: 'f2', sources: [s2] } })).upsertFeature;
      expect(f2b.sources).toEqual([{ urn: s2 }]);
      const down = (await ok(M_UPSERT_DATASET, { input: { platform: 's3', name: uniqueId('down'), upstreams: [s1, s2] } })).upsertDataset;
      expect(urnsOf(down.upstreams)).toEqual([s1, s2].sort());
      const r = await ok(`query ($s: ID!) { dataset(urn: $s) { downstreams { urn } derivedFeatures { urn } } }`, { s: s1 });
      expect(r.dataset).toEqual({ downstreams: [{ urn: down.urn }], derivedFeatures: [{ urn: f1 }] });
    });
  });

  describe('concurrency', () => {
    it('ten concurrent identical upserts of one new URN make one node, revision 1 and one history record', async () => {
      const ds = await dataset();
      const input = { platform: 'mlflow', name: uniqueId('race'), description: 'raced', trainingDatasets: [ds] };
      const results = await Promise.all(Array.from({ length: 10 }, () => t.gql(M_UPSERT_MODEL, { input })));
      for (const res of results) {
        expect(res.errors).toBeUndefined();
        expect(res.data!.upsertModel.revision).toBe(1);
      }
      const urn = results[0].data!.upsertModel.urn;
      expect(await nodeCount(urn)).toBe(1);
      expect(await changeCount(urn)).toBe(1);
      const edges = await raw<{ n: number }>('MATCH (:Model {urn: $urn})-[r:TRAINED_ON]->() RETURN count(r) AS n', { urn });
      expect(edges[0].n).toBe(1);
      const [markers] = await raw('MATCH (n:Entity {urn: $urn}) RETURN n._lock AS lock, n._new AS isNew', { urn });
      expect(markers).toEqual({ lock: null, isNew: null });
    });
  });

  describe('validation', () => {
    /** Runs a mutation that must fail, and checks that nothing at `urn` was written. */
    async function rejected(query: string, input: Record<string, unknown>, urn: string): Promise<GqlResult['errors'] & object> {
      const res = await t.gql(query, { input });
      expect(res.errors).toBeDefined();
      expect(res.data?.[Object.keys(res.data ?? {})[0]] ?? null).toBeNull();
      expect(await nodeCount(urn)).toBe(0);
      expect(await changeCount(urn)).toBe(0);
      return res.errors!;
    }
    const modelUrn = (name: string) => `urn:li:mlModel:(urn:li:dataPlatform:mlflow,${name},PROD)`;

    it.each([
      ['a name starting with a comma', { name: ',x' }, 'name'],
      ['a name with a parenthesis', { name: 'a(b' }, 'name'],
      ['an empty name', { name: '' }, 'name'],
      ['a name over 255 characters', { name: 'n'.repeat(256) }, 'name'],
      ['a description over 32K characters', { description: 'd'.repeat(32_769) }, 'description'],
      ['a platform that would break the URN', { platform: 'ml,flow' }, 'platform'],
      ['an endpoint that is not a URL', { endpointUrl: 'not a url' }, 'endpointUrl'],
      ['an endpoint without a scheme', { endpointUrl: 'ml.example.com/churn' }, 'endpointUrl'],
      ['a lower-case source-code type', { sourceCode: [{ type: 'github', url: 'https://github.com/a/b' }] }, 'sourceCode.0.type'],
      ['a source-code link that is not a URL', { sourceCode: [{ type: 'GITHUB', url: 'nope' }] }, 'sourceCode.0.url'],
      ['a framework without a name', { framework: { name: '' } }, 'framework.name'],
      ['a metric with an empty name', { trainingMetrics: [{ name: '', value: '1' }] }, 'trainingMetrics.0.name'],
    ])('rejects %s with BAD_USER_INPUT naming the field', async (_label, patch, field) => {
      const name = uniqueId('bad');
      const input: Record<string, unknown> = { platform: 'mlflow', name, ...patch };
      const urn = modelUrn(String(input.name));
      const errors = await rejected(M_UPSERT_MODEL, input, urn);
      expect(errors[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(errors[0].extensions?.field).toBe(`input.${field}`);
      expect(await nodeCount(modelUrn(name))).toBe(0);
    });

    it('rejects an unknown enum value with BAD_USER_INPUT naming the field', async () => {
      const id = uniqueId('enum');
      const errors = await rejected(M_UPSERT_RUN, { id, name: 'r', runStatus: 'DONE' }, `urn:li:dataProcessInstance:${id}`);
      expect(errors[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(errors[0].extensions?.field).toBe('input.runStatus');
      const name = uniqueId('enum');
      const featureErrors = await rejected(M_UPSERT_FEATURE, { namespace: 'ns', name, dataType: 'FLOAT' }, `urn:li:mlFeature:(ns,${name})`);
      expect(featureErrors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.dataType' });
    });

    it('rejects a URN of the wrong type in a relationship field', async () => {
      const ds = await dataset();
      const name = uniqueId('wrong');
      const errors = await rejected(M_UPSERT_MODEL, { platform: 'mlflow', name, deployments: [ds] }, modelUrn(name));
      expect(errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.deployments', urn: ds });
      const id = uniqueId('wrong');
      const runErrors = await rejected(M_UPSERT_RUN, { id, name: 'r', experiment: ds }, `urn:li:dataProcessInstance:${id}`);
      expect(runErrors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.experiment' });
    });

    it('rejects a malformed URN in a relationship field', async () => {
      const name = uniqueId('malformed');
      const bad = 'urn:li:dataset:(urn:li:dataPlatform:s3,no-env)';
      const errors = await rejected(M_UPSERT_MODEL, { platform: 'mlflow', name, trainingDatasets: [bad] }, modelUrn(name));
      expect(errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.trainingDatasets', urn: bad });
    });

    it('rejects an invalid update without touching the stored entity', async () => {
      const input = { platform: 'mlflow', name: uniqueId('keep'), description: 'kept' };
      const before = (await ok(M_UPSERT_MODEL, { input })).upsertModel;
      const res = await t.gql(M_UPSERT_MODEL, { input: { ...input, description: 'changed', deployments: ['urn:li:nope'] } });
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const after = (await ok(`query ($u: ID!) { model(urn: $u) { description revision updatedAt } }`, { u: before.urn })).model;
      expect(after).toEqual({ description: 'kept', revision: 1, updatedAt: before.updatedAt });
      expect(await changeCount(before.urn)).toBe(1);
    });
  });

  describe('unknown references', () => {
    it('fails with NOT_FOUND listing the unknown URNs and writes nothing', async () => {
      const known = await dataset();
      const missing = `urn:li:dataset:(urn:li:dataPlatform:s3,${uniqueId('ghost')},PROD)`;
      const missingRun = `urn:li:dataProcessInstance:${uniqueId('ghost')}`;
      const name = uniqueId('orphan');
      const urn = `urn:li:mlModel:(urn:li:dataPlatform:mlflow,${name},PROD)`;
      const res = await t.gql(M_UPSERT_MODEL, {
        input: { platform: 'mlflow', name, trainingDatasets: [known, missing], trainingRuns: [missingRun] },
      });
      expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect([...res.errors![0].extensions!.urns].sort()).toEqual([missing, missingRun].sort());
      expect(res.data?.upsertModel ?? null).toBeNull();
      expect(await nodeCount(urn)).toBe(0);
      expect(await nodeCount(missing)).toBe(0);
      expect(await changeCount(urn)).toBe(0);
      const edges = await raw<{ n: number }>('MATCH (:Dataset {urn: $urn})<-[r]-() RETURN count(r) AS n', { urn: known });
      expect(edges[0].n).toBe(0);
    });

    it('an update referencing an unknown URN leaves the stored entity and its edges as they were', async () => {
      const a = await dataset();
      const input = { id: uniqueId('run'), name: 'r', inputs: [a] };
      const before = (await ok(M_UPSERT_RUN, { input })).upsertTrainingRun;
      const ghost = `urn:li:container:${uniqueId('ghost')}`;
      const res = await t.gql(M_UPSERT_RUN, { input: { ...input, inputs: [], runStatus: 'FAILED', experiment: ghost } });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', urns: [ghost] });
      const after = (await ok(`query ($u: ID!) { trainingRun(urn: $u) { revision runStatus inputs { urn } } }`, { u: before.urn }))
        .trainingRun;
      expect(after).toEqual({ revision: 1, runStatus: null, inputs: [{ urn: a }] });
      const closed = await raw<{ n: number }>('MATCH ()-[r:INPUT_OF]->(:Run {urn: $urn}) WHERE r.validTo IS NOT NULL RETURN count(r) AS n', {
        urn: before.urn,
      });
      expect(closed[0].n).toBe(0);
    });
  });
});
