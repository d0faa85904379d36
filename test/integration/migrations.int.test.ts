import { migrate, MIGRATIONS, queries } from '../../src/graph';
import { rawDriver, testGraph, testLog, uniqueId } from '../support/harness';

describe('schema migrations', () => {
  const graph = testGraph();
  const driver = rawDriver();
  afterAll(async () => {
    await graph.close();
    await driver.close();
  });

  async function constraintNames(): Promise<string[]> {
    const res = await driver.executeQuery('SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name');
    return res.records.map((r) => r.get('name') as string);
  }

  it('are recorded, so running them again applies nothing and changes no schema', async () => {
    await migrate(graph, testLog); // the first run may or may not have happened in this database
    const before = await constraintNames();
    expect(await migrate(graph, testLog)).toEqual([]);
    expect(await constraintNames()).toEqual(before);
    const recorded = await driver.executeQuery('MATCH (m:MlgraphMigration) RETURN m.id AS id ORDER BY id');
    expect(recorded.records.map((r) => r.get('id'))).toEqual(MIGRATIONS.map((m) => m.id));
  });

  it('re-apply a migration whose record is gone without failing (statements are idempotent)', async () => {
    await driver.executeQuery('MATCH (m:MlgraphMigration {id: $id}) DELETE m', { id: MIGRATIONS[0].id });
    expect(await migrate(graph, testLog)).toEqual([MIGRATIONS[0].id]);
    expect(await migrate(graph, testLog)).toEqual([]);
  });

  it('move aliases kept on model nodes by older versions onto their open memberships', async () => {
    const [m, g1, g2, old] = ['mdl', 'grp1', 'grp2', 'grp0'].map((n) => `urn:li:test:${uniqueId(n)}`);
    await driver.executeQuery(
      `CREATE (m:Entity:Model {urn: $m, type: 'MODEL', aliases: ['champion', 'latest']})
       CREATE (m)-[:MEMBER_OF {validFrom: datetime()}]->(:Entity:ModelGroup {urn: $g1, type: 'MODEL_GROUP'})
       CREATE (m)-[:MEMBER_OF {validFrom: datetime()}]->(:Entity:ModelGroup {urn: $g2, type: 'MODEL_GROUP'})
       CREATE (m)-[:MEMBER_OF {validFrom: datetime(), validTo: datetime()}]->(:Entity:ModelGroup {urn: $old, type: 'MODEL_GROUP'})`,
      { m, g1, g2, old },
    );
    const id = '0004_aliases_on_membership';
    await driver.executeQuery('MATCH (r:MlgraphMigration {id: $id}) DELETE r', { id });
    expect(await migrate(graph, testLog)).toEqual([id]);

    const res = await driver.executeQuery(
      `MATCH (m:Model {urn: $m})-[r:MEMBER_OF]->(g) RETURN g.urn AS g, r.aliases AS aliases, m.aliases AS onNode`,
      { m },
    );
    const rows = Object.fromEntries(res.records.map((r) => [r.get('g'), [r.get('aliases'), r.get('onNode')]]));
    expect(rows).toEqual({ [g1]: [['champion', 'latest'], null], [g2]: [['champion', 'latest'], null], [old]: [null, null] });
    await driver.executeQuery('MATCH (n) WHERE n.urn IN [$m, $g1, $g2, $old] DETACH DELETE n', { m, g1, g2, old });
  });

  it('turn training runs stored by 0.1.0 into TRAINING runs, edges and properties kept', async () => {
    // As 0.1.0's writer stored a training run that read a dataset and trained a model.
    const [d, r, m] = [
      `urn:li:dataset:(urn:li:dataPlatform:test,${uniqueId('d')},PROD)`,
      `urn:li:dataProcessInstance:${uniqueId('r')}`,
      `urn:li:mlModel:(urn:li:dataPlatform:test,${uniqueId('m')},PROD)`,
    ];
    await driver.executeQuery(
      `CREATE (d:Entity:Dataset {urn: $d, type: 'DATASET', status: 'ACTIVE', name: 'd', revision: 1})
       CREATE (r:Entity:TrainingRun {urn: $r, type: 'TRAINING_RUN', status: 'ACTIVE', name: 'old run', id: split($r, ':')[3],
         runStatus: 'SUCCEEDED', metrics: '[{"name":"auc","value":"0.9"}]', revision: 1})
       CREATE (m:Entity:Model {urn: $m, type: 'MODEL', status: 'ACTIVE', name: 'm', revision: 1})
       CREATE (d)-[:INPUT_OF {validFrom: datetime()}]->(r)
       CREATE (m)-[:TRAINED_BY {validFrom: datetime()}]->(r)`,
      { d, r, m },
    );
    const id = '0005_runs_of_every_kind';
    await driver.executeQuery('MATCH (x:MlgraphMigration {id: $id}) DELETE x', { id });
    expect(await migrate(graph, testLog)).toEqual([id]);

    const res = await driver.executeQuery(
      `MATCH (r:Entity {urn: $r}) RETURN labels(r) AS labels, r.type AS type, r.runType AS runType, r.metrics AS metrics,
         COUNT { (r)<-[:INPUT_OF]-() } AS inputs, COUNT { (r)<-[:TRAINED_BY]-() } AS models`,
      { r },
    );
    const row = res.records[0].toObject();
    expect({ ...row, labels: [...(row.labels as string[])].sort() }).toEqual({
      labels: ['Entity', 'Run'], type: 'RUN', runType: 'TRAINING', metrics: '[{"name":"auc","value":"0.9"}]',
      inputs: expect.anything(), models: expect.anything(),
    });
    expect([Number(row.inputs), Number(row.models)]).toEqual([1, 1]);
    expect(await constraintNames()).not.toContain('training_run_urn');
    expect(await migrate(graph, testLog)).toEqual([]);
    await driver.executeQuery('MATCH (n) WHERE n.urn IN [$d, $r, $m] DETACH DELETE n', { d, r, m });
  });

  it('create the columns of datasets stored before columns existed, from their schemaFields, once', async () => {
    // As 0.2.0's writer stored a dataset: its schema as JSON text on the node, no column nodes.
    const d = `urn:li:dataset:(urn:li:dataPlatform:test,${uniqueId('old')},PROD)`;
    const fields = JSON.stringify([{ name: 'id', type: 'string' }, { name: 'birth_date', type: 'date', description: 'personal' }, { name: 'id', type: 'int' }]);
    await driver.executeQuery(
      `CREATE (:Entity:Dataset {urn: $d, type: 'DATASET', status: 'ACTIVE', name: 'old', revision: 1, schemaFields: $fields,
         createdAt: datetime('2024-01-01T00:00:00Z'), updatedAt: datetime('2024-02-01T00:00:00Z')})`,
      { d, fields },
    );
    const id = '0006_columns';
    await driver.executeQuery('MATCH (x:MlgraphMigration {id: $id}) DELETE x', { id });
    expect(await migrate(graph, testLog)).toEqual([id]);
    const columns = async () =>
      (
        await driver.executeQuery(
          `MATCH (c:Column {dataset: $d}) RETURN c.urn AS urn, c.fieldPath AS field, c.type AS type,
             c.description AS description, toString(c.validFrom) AS since, c.validTo IS NULL AS open ORDER BY field`,
          { d },
        )
      ).records.map((r) => r.toObject());
    expect(await columns()).toEqual([
      { urn: `urn:li:schemaField:(${d},birth_date)`, field: 'birth_date', type: 'date', description: 'personal', since: '2024-02-01T00:00:00Z', open: true },
      { urn: `urn:li:schemaField:(${d},id)`, field: 'id', type: 'string', description: null, since: '2024-02-01T00:00:00Z', open: true },
    ]);
    await driver.executeQuery('MATCH (x:MlgraphMigration {id: $id}) DELETE x', { id });
    expect(await migrate(graph, testLog)).toEqual([id]);
    expect((await columns()).length).toBe(2);
    expect(await constraintNames()).toContain('column_urn');
    await driver.executeQuery('MATCH (n) WHERE n.urn = $d OR n.dataset = $d DETACH DELETE n', { d });
  });

  it('give datasets, features and models stored with column edges the datasets those edges read from, open edges only', async () => {
    // As the release before 0009 stored column lineage: the edges only, no columnSources.
    const [a, b, c, out] = ['a', 'b', 'c', 'out'].map((n) => `urn:li:dataset:(urn:li:dataPlatform:test,${uniqueId(n)},PROD)`);
    const [m, plain] = ['m', 'plain'].map((n) => `urn:li:mlModel:(urn:li:dataPlatform:test,${uniqueId(n)},PROD)`);
    await driver.executeQuery(
      `UNWIND [$a, $b, $c, $out] AS d CREATE (:Entity:Dataset {urn: d, type: 'DATASET', status: 'ACTIVE', name: d, revision: 1})
       WITH collect(d) AS ds
       UNWIND [[$a, 'x'], [$b, 'y'], [$c, 'z'], [$out, 'o1'], [$out, 'o2']] AS p
       CREATE (:Column {urn: p[0] + ':' + p[1], dataset: p[0], fieldPath: p[1]}) // what the migration reads is each column's dataset
       WITH count(*) AS made
       MATCH (o1:Column {urn: $out + ':o1'}), (o2:Column {urn: $out + ':o2'}), (x:Column {urn: $a + ':x'}), (y:Column {urn: $b + ':y'}), (z:Column {urn: $c + ':z'})
       CREATE (o1)-[:COLUMN_DERIVED_FROM {validFrom: datetime()}]->(y), (o2)-[:COLUMN_DERIVED_FROM {validFrom: datetime()}]->(x),
         (o1)-[:COLUMN_DERIVED_FROM {validFrom: datetime('2024-01-01T00:00:00Z'), validTo: datetime('2024-02-01T00:00:00Z')}]->(z)
       CREATE (mm:Entity:Model {urn: $m, type: 'MODEL', status: 'ACTIVE', name: 'm', revision: 1})-[:READS_COLUMN {validFrom: datetime()}]->(z),
         (:Entity:Model {urn: $plain, type: 'MODEL', status: 'ACTIVE', name: 'plain', revision: 1})`,
      { a, b, c, out, m, plain },
    );
    const id = '0009_column_sources';
    const sources = async () =>
      Object.fromEntries(
        (await driver.executeQuery('MATCH (e:Entity) WHERE e.urn IN $urns RETURN e.urn AS urn, e.columnSources AS s', { urns: [a, b, c, out, m, plain] })).records.map((r) => [r.get('urn'), r.get('s')]),
      );
    await driver.executeQuery('MATCH (x:MlgraphMigration {id: $id}) DELETE x', { id });
    expect(await migrate(graph, testLog)).toEqual([id]);
    const expected = { [a]: null, [b]: null, [c]: null, [out]: [a, b].sort(), [m]: [c], [plain]: null };
    expect(await sources()).toEqual(expected);
    await driver.executeQuery('MATCH (x:MlgraphMigration {id: $id}) DELETE x', { id });
    expect(await migrate(graph, testLog)).toEqual([id]);
    expect(await sources()).toEqual(expected);
    await driver.executeQuery('MATCH (n) WHERE n.urn IN $urns OR n.dataset IN $urns DETACH DELETE n', { urns: [a, b, c, out, m, plain] });
  });

  it('give platform filters an index: a count of one platform seeks it instead of reading every entity', async () => {
    const id = '0010_platform_index';
    await driver.executeQuery('DROP INDEX entity_platform_type_name IF EXISTS');
    await driver.executeQuery('MATCH (x:MlgraphMigration {id: $id}) DELETE x', { id });
    expect(await migrate(graph, testLog)).toEqual([id]);
    await driver.executeQuery("CALL db.awaitIndex('entity_platform_type_name', 120)");
    type Plan = { operatorType: string; arguments: Record<string, unknown>; children: Plan[] };
    const leaves = (p: Plan): string[] => (p.children.length ? p.children.flatMap(leaves) : [`${p.operatorType} ${String(p.arguments.Details ?? '')}`]);
    const params = { types: ['DATASET'], statuses: ['ACTIVE'], platform: 'test', env: null, tag: null, owner: null, namePrefix: null };
    const plan = (await driver.executeQuery(`EXPLAIN ${queries.browseEntitiesCountOfPlatform.text}`, params)).summary.plan as unknown as Plan;
    expect(leaves(plan)).toEqual([expect.stringMatching(/^NodeIndexSeek.*n:Entity\(platform, type, name\)/)]);
  });

  it('give models stored with text metrics only their numeric metrics, once, keeping the text', async () => {
    // As the release before numeric metrics stored a model: trainingMetrics as JSON text, no metrics.
    const [old, fresh] = ['old', 'fresh'].map((n) => `urn:li:mlModel:(urn:li:dataPlatform:test,${uniqueId(n)},PROD)`);
    const text = JSON.stringify([
      { name: 'auc', value: '0.947', description: 'on eval' },
      { name: 'error_rate', value: ' 3.2% ' },
      { name: 'quality', value: 'high' },
      { name: 'loss', value: '1e-3' },
      { name: 'hex', value: '0x10' },
    ]);
    const kept = JSON.stringify([{ name: 'auc', value: 0.5 }]);
    await driver.executeQuery(
      `CREATE (:Entity:Model {urn: $old, type: 'MODEL', status: 'ACTIVE', name: 'old', revision: 1, trainingMetrics: $text})
       CREATE (:Entity:Model {urn: $fresh, type: 'MODEL', status: 'ACTIVE', name: 'fresh', revision: 1, trainingMetrics: $text, metrics: $kept})`,
      { old, fresh, text, kept },
    );
    const id = '0007_numeric_metrics';
    const stored = async () =>
      (await driver.executeQuery('MATCH (m:Model) WHERE m.urn IN [$old, $fresh] RETURN m.urn AS urn, m.metrics AS metrics, m.trainingMetrics AS text', { old, fresh }))
        .records.map((r) => r.toObject())
        .sort((a, b) => (a.urn === old ? -1 : b.urn === old ? 1 : 0));
    await driver.executeQuery('MATCH (x:MlgraphMigration {id: $id}) DELETE x', { id });
    expect(await migrate(graph, testLog)).toEqual([id]);
    const [after, untouched] = await stored();
    expect(JSON.parse(after.metrics)).toEqual([
      { name: 'auc', value: 0.947, description: 'on eval' },
      { name: 'error_rate', value: 0.032, description: 'converted from "3.2%"' },
      { name: 'loss', value: 0.001 },
    ]);
    expect(after.text).toBe(text);
    expect(untouched.metrics).toBe(kept);
    await driver.executeQuery('MATCH (x:MlgraphMigration {id: $id}) DELETE x', { id });
    expect(await migrate(graph, testLog)).toEqual([id]);
    expect((await stored()).map((r) => r.metrics)).toEqual([after.metrics, kept]);
    await driver.executeQuery('MATCH (n) WHERE n.urn IN [$old, $fresh] DETACH DELETE n', { old, fresh });
  });

  it('create a urn uniqueness constraint per entity label and across all entities', async () => {
    const names = await constraintNames();
    for (const name of ['entity_urn', 'dataset_urn', 'feature_urn', 'feature_table_urn', 'model_group_urn',
      'model_urn', 'experiment_urn', 'deployment_urn']) {
      expect(names).toContain(name);
    }
  });

  it('make Neo4j reject a second entity with the same urn', async () => {
    const urn = `urn:li:dataset:(urn:li:dataPlatform:test,${uniqueId()},PROD)`;
    await driver.executeQuery('CREATE (:Entity:Dataset {urn: $urn})', { urn });
    await expect(driver.executeQuery('CREATE (:Entity:Dataset {urn: $urn})', { urn })).rejects.toMatchObject({
      code: 'Neo.ClientError.Schema.ConstraintValidationFailed',
    });
    // also across labels: the shared :Entity constraint
    await expect(driver.executeQuery('CREATE (:Entity:Model {urn: $urn})', { urn })).rejects.toMatchObject({
      code: 'Neo.ClientError.Schema.ConstraintValidationFailed',
    });
    const count = await driver.executeQuery('MATCH (n:Entity {urn: $urn}) RETURN count(n) AS n', { urn });
    expect(count.records[0].get('n')).toBe(1);
    await driver.executeQuery('MATCH (n:Entity {urn: $urn}) DELETE n', { urn });
  });
});
