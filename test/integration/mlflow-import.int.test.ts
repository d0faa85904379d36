import { ensureCliBuilt, runCli } from '../support/cli';
import { uniqueId } from '../support/harness';
import { useTestServer } from '../support/live-server';
import { fillMlflow, startMlflowServer, venvPython, type MlflowServer } from '../support/mlflow-server';

// A real `mlflow server` (PyPI mlflow in the project's venv, SQLite store), filled by the real MLflow
// client, imported by the built CLI into a real mlgraph, checked through GraphQL. One MLflow server
// for the whole file: it is the expensive part.

jest.setTimeout(300_000);

const instance = uniqueId('mlf'); // --instance keeps this run's ids and names apart in a shared Neo4j
const prefix = uniqueId('p');

describe('mlgraph import mlflow, from a real MLflow tracking server', () => {
  const t = useTestServer();
  let mlflow: MlflowServer;
  let ids: any;
  let graphqlUrl: string;

  beforeAll(async () => {
    ensureCliBuilt();
    const python = venvPython();
    [mlflow, graphqlUrl] = await Promise.all([startMlflowServer(python), t.server.listen(0, '127.0.0.1')]);
    ids = await fillMlflow(python, mlflow.url, prefix, 'initial');
    ids.python = python;
  });
  afterAll(() => mlflow?.stop());

  const importMlflow = async (...extra: string[]) => {
    const r = await runCli(['import', 'mlflow', '--tracking-uri', mlflow.url, '--instance', instance, '--json', ...extra], { MLGRAPH_URL: graphqlUrl });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    return JSON.parse(r.stdout);
  };
  const exp = (id: string) => `urn:li:container:mlflow-${instance}-${id}`;
  const run = (id: string) => `urn:li:dataProcessInstance:mlflow-${instance}-${id}`;
  const group = (name: string) => `urn:li:mlModelGroup:(urn:li:dataPlatform:mlflow,${instance}.${name},PROD)`;
  const version = (name: string, v: number) => `urn:li:mlModel:(urn:li:dataPlatform:mlflow,${instance}.${name}-v${v},PROD)`;
  const TRAIN = 'urn:li:dataset:(urn:li:dataPlatform:s3,ml-data/churn/train.csv,PROD)';
  const TX = 'urn:li:dataset:(urn:li:dataPlatform:s3,ml-data/fraud/tx.parquet,PROD)';
  const counts = (seen: number, sent: number, created: number, updated: number, unchanged: number, skipped: number) => ({ seen, sent, created, updated, unchanged, skipped });
  const aliasesOf = async (name: string) =>
    (await t.ok(`{ modelGroup(urn: "${group(name)}") { aliases { alias model { urn } } } }`)).modelGroup.aliases.map(
      (a: { alias: string; model: { urn: string } }) => `${a.alias}=${a.model.urn}`,
    );

  it('imports experiments, nested runs, dataset inputs, registered models, versions and aliases', async () => {
    const report = await importMlflow();
    expect(report.counts).toEqual({
      experiments: counts(3, 3, 3, 0, 0, 0), // Default, churn, fraud
      runs: counts(4, 4, 4, 0, 0, 0),
      datasets: counts(3, 3, 3, 0, 0, 0),
      modelGroups: counts(2, 2, 2, 0, 0, 0),
      models: counts(3, 3, 3, 0, 0, 0),
    });
    expect(report.aliases).toEqual({ seen: 3, set: 3, removed: 0, unchanged: 0 });
    expect(report.warnings).toEqual([]);

    const data = await t.ok(`{
      churn: experiment(urn: "${exp(ids.experiments.churn)}") { name customProperties { key value } runs { urn } }
      sweep: trainingRun(urn: "${run(ids.runs.sweep)}") { parentRun { urn } childRuns { urn } hyperParams { name value } }
      depth3: trainingRun(urn: "${run(ids.runs.depth3)}") {
        name runStatus startedAt endedAt experiment { urn } parentRun { urn } inputs { urn }
        hyperParams { name value } metrics { name value } codeCommit externalUrl
      }
      train: dataset(urn: "${TRAIN}") { version schemaFields { name type } inputOf { urn } }
      churnGroup: modelGroup(urn: "${group(`${prefix}-churn-classifier`)}") { description customProperties { key value } models { urn } }
      v1: model(urn: "${version(`${prefix}-churn-classifier`, 1)}") { version groups { urn } trainingRuns { urn } artifactUri metrics { name value step } }
      fraudV1: model(urn: "${version(`${prefix}-fraud-detector`, 1)}") { trainingRuns { urn } }
    }`);
    expect(data.churn.name).toBe(`${prefix}-churn`);
    expect(data.churn.customProperties).toContainEqual({ key: 'team', value: 'growth' });
    expect(data.churn.runs.map((x: any) => x.urn).sort()).toEqual([run(ids.runs.sweep), run(ids.runs.depth3), run(ids.runs.depth5)].sort());
    expect(data.sweep).toEqual({
      parentRun: null,
      childRuns: [run(ids.runs.depth3), run(ids.runs.depth5)].sort().map((urn) => ({ urn })),
      hyperParams: [{ name: 'search', value: 'grid' }],
    });
    const holdout = data.depth3.inputs.map((x: any) => x.urn).find((u: string) => u !== TRAIN);
    expect(holdout).toMatch(/^urn:li:dataset:\(urn:li:dataPlatform:mlflow,churn-holdout@[0-9a-f]{8},PROD\)$/);
    expect(data.depth3).toMatchObject({
      name: 'churn-depth-3',
      runStatus: 'SUCCEEDED',
      experiment: { urn: exp(ids.experiments.churn) },
      parentRun: { urn: run(ids.runs.sweep) },
      hyperParams: expect.arrayContaining([{ name: 'max_depth', value: '3' }, { name: 'learning_rate', value: '0.1' }]),
      metrics: [{ name: 'auc', value: '0.84' }], // the latest value (step 1)
      externalUrl: `${mlflow.url}/#/experiments/${ids.experiments.churn}/runs/${ids.runs.depth3}`,
    });
    expect(data.depth3.inputs).toHaveLength(2);
    expect(Date.parse(data.depth3.endedAt)).toBeGreaterThanOrEqual(Date.parse(data.depth3.startedAt));
    expect(data.train.version).toMatch(/^[0-9a-f]{8}$/);
    expect(data.train.schemaFields).toEqual([{ name: 'age', type: 'long' }, { name: 'sessions', type: 'long' }, { name: 'churned', type: 'long' }]);
    expect(data.train.inputOf.map((x: any) => x.urn).sort()).toEqual([run(ids.runs.depth3), run(ids.runs.depth5)].sort());
    expect(data.churnGroup.description).toBe('Predicts churn');
    expect(data.churnGroup.customProperties).toContainEqual({ key: 'domain', value: 'growth' });
    expect(data.churnGroup.models.map((x: any) => x.urn)).toEqual([1, 2].map((v) => version(`${prefix}-churn-classifier`, v)));
    expect(data.v1).toEqual({
      version: '1',
      groups: [{ urn: group(`${prefix}-churn-classifier`) }],
      trainingRuns: [{ urn: run(ids.runs.depth3) }],
      artifactUri: `runs:/${ids.runs.depth3}/model`,
      metrics: [{ name: 'auc', value: 0.84, step: 1 }], // the run's latest value, as a number
    });
    expect(data.fraudV1.trainingRuns).toEqual([{ urn: run(ids.runs.fraud) }]);
    expect(await aliasesOf(`${prefix}-churn-classifier`)).toEqual([
      `challenger=${version(`${prefix}-churn-classifier`, 1)}`,
      `champion=${version(`${prefix}-churn-classifier`, 2)}`,
    ]);

    // Exactly these model groups and versions, and these experiments with exactly these runs.
    const listed = await t.ok(`{
      entities(filter: { platform: "mlflow", namePrefix: "${instance}." }, first: 50) { edges { node { urn } } }
      fraud: experiment(urn: "${exp(ids.experiments.fraud)}") { runs { urn } }
      default: experiment(urn: "${exp('0')}") { name runs { urn } }
    }`);
    expect(listed.entities.edges.map((e: any) => e.node.urn).sort()).toEqual(
      [
        group(`${prefix}-churn-classifier`),
        group(`${prefix}-fraud-detector`),
        version(`${prefix}-churn-classifier`, 1),
        version(`${prefix}-churn-classifier`, 2),
        version(`${prefix}-fraud-detector`, 1),
      ].sort(),
    );
    expect(listed.fraud.runs).toEqual([{ urn: run(ids.runs.fraud) }]);
    expect(listed.default).toEqual({ name: 'Default', runs: [] });

    // Exactly what an ML engineer expects upstream of the champion: its run and the two datasets.
    const { lineage } = await t.ok(`{ lineage(urn: "${version(`${prefix}-churn-classifier`, 2)}", direction: UPSTREAM, maxDepth: 10) { items { degree entity { urn } } } }`);
    expect(lineage.items.map((i: any) => `${i.degree} ${i.entity.urn}`).sort()).toEqual(
      [`1 ${run(ids.runs.depth5)}`, `2 ${TRAIN}`, `2 ${holdout}`].sort(),
    );
    const { impact } = await t.ok(`{ impact(urn: "${TX}", types: [MODEL]) { items { entity { urn } } } }`);
    expect(impact.items).toEqual([{ entity: { urn: version(`${prefix}-fraud-detector`, 1) } }]);

    // Dated by MLflow's own times, not the import's: a run by its end, a version by its registration,
    // so that asOf between the two and the import already sees what MLflow had.
    const first = async (urn: string) => {
      const { history } = await t.ok(`{ history(urn: "${urn}") { edges { node { at recordedAt action } } } }`);
      return history.edges[history.edges.length - 1].node; // the oldest
    };
    const ran = await first(run(ids.runs.depth3));
    expect(ran.at).toBe(data.depth3.endedAt);
    const registered = await first(version(`${prefix}-fraud-detector`, 1));
    expect([ran.action, registered.action]).toEqual(['CREATED', 'CREATED']);
    expect(Date.parse(registered.at)).toBeLessThan(Date.parse(registered.recordedAt));
    const then = await t.ok(`{ impact(urn: "${TX}", types: [MODEL], asOf: "${registered.at}") { items { entity { urn } } } }`);
    expect(then.impact.items).toEqual(impact.items);
  });

  it('sends nothing the second time', async () => {
    const before = await t.ok(`{ modelGroup(urn: "${group(`${prefix}-churn-classifier`)}") { revision } }`);
    const report = await importMlflow();
    expect(report.counts).toEqual({
      experiments: counts(3, 0, 0, 0, 0, 3),
      runs: counts(0, 0, 0, 0, 0, 0),
      datasets: counts(0, 0, 0, 0, 0, 0),
      modelGroups: counts(2, 0, 0, 0, 0, 2),
      models: counts(3, 0, 0, 0, 0, 3),
    });
    expect(report.aliases).toEqual({ seen: 3, set: 0, removed: 0, unchanged: 3 });
    expect(report.calls).toBe(0);
    expect(await t.ok(`{ modelGroup(urn: "${group(`${prefix}-churn-classifier`)}") { revision } }`)).toEqual(before);
  });

  it('follows an alias moved and an alias deleted in MLflow, and a new run, checked first with --dry-run', async () => {
    const changed = await fillMlflow(ids.python, mlflow.url, prefix, 'change');
    const retrain = run(changed.runs.retrain);
    const expected = {
      experiments: counts(3, 1, 0, 1, 0, 2), // fraud: its runs watermark moved
      runs: counts(1, 1, 1, 0, 0, 0),
      datasets: counts(0, 0, 0, 0, 0, 0),
      modelGroups: counts(2, 0, 0, 0, 0, 2),
      models: counts(3, 0, 0, 0, 0, 3),
    };

    const dry = await importMlflow('--dry-run');
    expect(dry.counts).toEqual(expected);
    expect(dry.aliases).toEqual({ seen: 2, set: 1, removed: 1, unchanged: 1 });
    expect((await t.ok(`{ trainingRun(urn: "${retrain}") { urn } }`)).trainingRun).toBeNull();
    expect(await aliasesOf(`${prefix}-churn-classifier`)).toHaveLength(2);

    const real = await importMlflow();
    expect(real.counts).toEqual(expected);
    expect(real.aliases).toEqual({ seen: 2, set: 1, removed: 1, unchanged: 1 });
    expect(await aliasesOf(`${prefix}-churn-classifier`)).toEqual([`champion=${version(`${prefix}-churn-classifier`, 1)}`]);
    const after = await t.ok(`{
      champion: modelByAlias(group: "${group(`${prefix}-churn-classifier`)}", alias: "champion") { urn }
      retrain: trainingRun(urn: "${retrain}") { experiment { urn } hyperParams { name value } }
    }`);
    expect(after).toEqual({
      champion: { urn: version(`${prefix}-churn-classifier`, 1) },
      retrain: { experiment: { urn: exp(ids.experiments.fraud) }, hyperParams: [{ name: 'n_estimators', value: '400' }] },
    });

    const quiet = await importMlflow();
    expect(quiet.counts.runs.sent + quiet.counts.experiments.sent + quiet.counts.models.sent + quiet.counts.modelGroups.sent).toBe(0);
    expect(quiet.aliases).toEqual({ seen: 2, set: 0, removed: 0, unchanged: 2 });
  });
});
