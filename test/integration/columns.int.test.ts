import { exampleDoc, runOperation } from '../support/example-doc';
import { startTestServer, type TestServer } from '../support/harness';

// Column-level impact on schema/examples/columns.graphql as written (README, "Columns"), then
// drops, as-of, cycles and bad input on small graphs of its own. Names are made unique per run.

let t: TestServer;
let doc: string;
let u: string;

beforeAll(async () => {
  t = await startTestServer();
  ({ doc, u } = exampleDoc('columns.graphql', 'shop'));
});
afterAll(() => t.close());

const run = (operationName: string) => runOperation(t, doc, operationName);

const plain = (s: string) => s.replaceAll(`shop${u}`, 'shop');
const ds = (platform: string, name: string) => `urn:li:dataset:(urn:li:dataPlatform:${platform},${name},PROD)`;
const customers = () => ds('s3', `shop${u}.customers`);
const features = () => ds('snowflake', `shop${u}.customer_features`);

/** [precision, degree, name] of every item of a column walk. */
async function walk(args: string, types = '') {
  const r = await t.gql(`{ impact(${args}${types}, maxDepth: 20) { total items { precision degree columns entity { name } } } }`);
  expect(r.errors).toBeUndefined();
  return r.data!.impact.items.map((i: any) => [i.precision, i.degree, plain(i.entity.name), i.columns]);
}

describe('schema/examples/columns.graphql', () => {
  beforeAll(async () => {
    expect((await run('RegisterShopColumns')).ingest).toEqual({ created: 11, updated: 0, unchanged: 0 });
  });

  it('is idempotent: the same batch again (schemas, column lineage, columns read) changes nothing', async () => {
    expect((await run('RegisterShopColumns')).ingest).toEqual({ created: 0, updated: 0, unchanged: 11 });
  });

  it('a dropped column reaches exactly the two models that read it; the model behind an unmapped hop is DATASET', async () => {
    const impact = (await run('WhatBreaksIfBirthDateIsDropped')).impact;
    expect(impact.items.map((i: any) => [i.precision, i.degree, plain(i.entity.name)])).toEqual([
      ['COLUMN', 2, 'shop-churn-v1'],
      ['DATASET', 2, 'shop-engagement-v1'],
      ['COLUMN', 2, 'shop-ltv-v1'],
      ['COLUMN', 3, 'shop-churn-endpoint'],
    ]);
    expect(impact.countsByPrecision).toEqual([
      { type: 'DEPLOYMENT', precision: 'COLUMN', count: 1 },
      { type: 'MODEL', precision: 'COLUMN', count: 2 },
      { type: 'MODEL', precision: 'DATASET', count: 1 },
    ]);
    const ltv = impact.items[2].path.map((h: any) => [h.relationship, h.precision, h.columns.map((c: any) => [c.from?.field ?? null, c.to?.field ?? null, c.transformations.map((x: any) => x.subtype)])]);
    expect(ltv).toEqual([
      ['DERIVED_FROM', 'COLUMN', [['birth_date', 'age', ['TRANSFORMATION']]]],
      ['TRAINED_ON', 'COLUMN', [['age', null, []]]],
    ]);
    const engagement = impact.items[1].path.map((h: any) => [plain(h.to.name), h.precision, h.columns]);
    expect(engagement).toEqual([['shop.sessions', 'DATASET', []], ['shop-engagement-v1', 'DATASET', []]]);
  });

  it('every type: affected columns of datasets, the feature, and the run that trained an affected model', async () => {
    expect(await walk(`urn: "${customers()}", columns: ["birth_date"]`)).toEqual([
      ['COLUMN', 1, 'shop.customer_features', ['age']],
      ['DATASET', 1, 'shop.sessions', null],
      ['COLUMN', 2, 'shop train churn 1', null], // URN order: dataProcessInstance, mlFeature, mlModel
      ['COLUMN', 2, 'age_years', null],
      ['COLUMN', 2, 'shop-churn-v1', null],
      ['DATASET', 2, 'shop-engagement-v1', null],
      ['COLUMN', 2, 'shop-ltv-v1', null],
      ['COLUMN', 3, 'shop-churn-endpoint', null],
    ]);
    // email reaches the spam model through its feature only; the FILTER input signup_ts reaches age's readers.
    const email = await walk(`urn: "${customers()}", columns: ["email"]`, ', types: [MODEL, FEATURE]');
    expect(email.map((i: any[]) => i.slice(0, 3))).toEqual([['COLUMN', 2, 'email_domain'], ['DATASET', 2, 'shop-engagement-v1'], ['COLUMN', 2, 'shop-spam-v1']]);
    const filter = await walk(`urn: "${customers()}", columns: ["signup_ts"]`, ', types: [MODEL]');
    expect(filter.map((i: any[]) => i.slice(0, 3))).toEqual([['COLUMN', 2, 'shop-churn-v1'], ['DATASET', 2, 'shop-engagement-v1'], ['COLUMN', 2, 'shop-ltv-v1']]);
  });

  it('the CI gate counts by precision and lists the first items', async () => {
    const gate = (await run('ColumnGate')).columnImpact;
    expect([gate.total, gate.columnPrecision, gate.datasetPrecision, gate.items.length]).toEqual([10, 8, 2, 5]);
    expect(gate.counts).toContainEqual({ type: 'MODEL', precision: 'COLUMN', count: 3 });
  });

  it('upstream of a model: where its inputs come from, down to source columns', async () => {
    const up = (await run('WhereDoesChurnComeFrom')).lineage;
    expect(up.items.map((i: any) => [i.precision, i.degree, plain(i.entity.name), i.columns])).toEqual([
      ['COLUMN', 1, 'shop train churn 1', null], // urn:li:dataProcessInstance sorts before urn:li:dataset
      ['COLUMN', 1, 'shop.customer_features', ['age', 'country']],
      ['COLUMN', 1, 'age_years', null],
      ['COLUMN', 2, 'shop.customers', ['birth_date', 'country', 'signup_ts']],
    ]);
    const r = await t.gql(`{ lineage(urn: "${features()}", direction: UPSTREAM, columns: ["email_domain"]) { items { precision columns entity { name } path { columns { from { field } to { field } } } } } }`);
    expect(r.data!.lineage.items.map((i: any) => [i.precision, plain(i.entity.name), i.columns, i.path[0].columns])).toEqual([
      ['COLUMN', 'shop.customers', ['email'], [{ from: { field: 'email_domain' }, to: { field: 'email' } }]],
    ]);
  });

  it('Dataset.columns lists the schema with what reads each column directly', async () => {
    const d = (await run('CustomerColumns')).dataset;
    const cols = Object.fromEntries(d.columns.map((c: any) => [c.fieldPath, c.downstream]));
    expect(Object.keys(cols)).toEqual(['birth_date', 'country', 'customer_id', 'email', 'signup_ts']);
    expect(cols.birth_date).toEqual({ columns: 1, datasets: 1, features: 0, models: 0 });
    expect(cols.customer_id).toEqual({ columns: 2, datasets: 1, features: 0, models: 0 });
    expect(d.columns[0].urn).toBe(`urn:li:schemaField:(${customers()},birth_date)`);
    const f = await t.gql(`{ dataset(urn: "${features()}") { columns(first: 2) { fieldPath downstream { features models } } } }`);
    expect(f.data!.dataset.columns).toEqual([{ fieldPath: 'age', downstream: { features: 1, models: 1 } }, { fieldPath: 'country', downstream: { features: 0, models: 1 } }]);
  });

  it('a dropped column is closed, not deleted: as-of sees it, as-of column walks see lineage removed since, and listing it again reopens it', async () => {
    const before = new Date();
    await new Promise((r) => setTimeout(r, 20));
    const drop = await t.gql(
      `mutation($c: [SchemaFieldInput!]) { upsertDataset(input: { platform: "s3", name: "shop${u}.customers", schemaFields: $c }) { revision } }`,
      { c: ['customer_id', 'email', 'country', 'signup_ts'].map((name) => ({ name, type: 'string' })) },
    );
    expect(drop.errors).toBeUndefined();
    const lineage = await t.gql(
      `mutation($l: [ColumnLineageInput!]) { upsertDataset(input: { platform: "snowflake", name: "shop${u}.customer_features", columnLineage: $l }) { revision } }`,
      { l: [{ field: 'country', inputFields: [{ dataset: customers(), field: 'country' }] }] },
    );
    expect(lineage.errors).toBeUndefined();
    const cols = await t.gql(`query($a: DateTime) { now: dataset(urn: "${customers()}") { columns { fieldPath } } then: dataset(urn: "${customers()}") { columns(asOf: $a) { fieldPath } } }`, { a: before.toISOString() });
    expect(cols.data!.now.columns.map((c: any) => c.fieldPath)).toEqual(['country', 'customer_id', 'email', 'signup_ts']);
    expect(cols.data!.then.columns.map((c: any) => c.fieldPath)).toEqual(['birth_date', 'country', 'customer_id', 'email', 'signup_ts']);

    // Now: customer_features has column lineage from customers, none from birth_date, so only the unmapped hop remains.
    expect((await walk(`urn: "${customers()}", columns: ["birth_date"]`, ', types: [MODEL]')).map((i: any[]) => i.slice(0, 3))).toEqual([['DATASET', 2, 'shop-engagement-v1']]);
    const then = await walk(`urn: "${customers()}", columns: ["birth_date"], asOf: "${before.toISOString()}"`, ', types: [MODEL]');
    expect(then.map((i: any[]) => i.slice(0, 3))).toEqual([['COLUMN', 2, 'shop-churn-v1'], ['DATASET', 2, 'shop-engagement-v1'], ['COLUMN', 2, 'shop-ltv-v1']]);
    const history = await t.gql(`{ history(urn: "${features()}", first: 1) { edges { node { changes { field } } } } }`);
    expect(history.data!.history.edges[0].node.changes).toEqual([{ field: 'columnLineage' }]);

    // Listed again, the column is reopened; the time it was out of the schema stays visible.
    const between = new Date();
    await new Promise((r) => setTimeout(r, 20));
    const again = await t.gql(
      `mutation($c: [SchemaFieldInput!]) { upsertDataset(input: { platform: "s3", name: "shop${u}.customers", schemaFields: $c }) { revision } }`,
      { c: ['birth_date', 'customer_id'].map((name) => ({ name, type: 'string' })) },
    );
    expect(again.errors).toBeUndefined();
    const fields = async (asOf: Date | null) =>
      (await t.gql(`query($a: DateTime) { dataset(urn: "${customers()}") { columns(asOf: $a) { fieldPath } } }`, { a: asOf?.toISOString() ?? null })).data!.dataset.columns.map((c: any) => c.fieldPath);
    expect(await fields(null)).toEqual(['birth_date', 'customer_id']);
    expect(await fields(between)).toEqual(['country', 'customer_id', 'email', 'signup_ts']);
    expect(await fields(before)).toEqual(['birth_date', 'country', 'customer_id', 'email', 'signup_ts']);
  });
});

describe('column walks on hand-built graphs', () => {
  const upsert = async (name: string, fields: string[], lineage: [string, string, string][] = [], upstreams: string[] = []) => {
    const r = await t.gql(
      `mutation($i: UpsertDatasetInput!) { upsertDataset(input: $i) { urn } }`,
      {
        i: {
          platform: 'test', name, upstreams: upstreams.map((n) => ds('test', n)),
          schemaFields: fields.map((f) => ({ name: f, type: 'string' })),
          columnLineage: lineage.map(([field, from, input]) => ({ field, inputFields: [{ dataset: ds('test', from), field: input }] })),
        },
      },
    );
    expect(r.errors).toBeUndefined();
  };

  it('end on cycles and count each entity once on diamonds, with the union of the columns that reach it', async () => {
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((n) => `${n}${u}`);
    await upsert(a, ['x', 'y']);
    await upsert(b, ['x'], [['x', a, 'x']], [a]);
    await upsert(c, ['y'], [['y', a, 'x']], [a]);
    await upsert(d, ['bx', 'cy', 'other'], [['bx', b, 'x'], ['cy', c, 'y']], [b, c]);
    // a cycle: a.y is made from d.cy
    await upsert(a, ['x', 'y'], [['y', d, 'cy']], [d]);
    const items = await walk(`urn: "${ds('test', a)}", columns: ["x"]`);
    expect(items).toEqual([
      ['COLUMN', 1, b, ['x']],
      ['COLUMN', 1, c, ['y']],
      ['COLUMN', 2, d, ['bx', 'cy']],
    ]);
    const up = await t.gql(`{ lineage(urn: "${ds('test', d)}", direction: UPSTREAM, columns: ["cy"], maxDepth: 10) { items { precision degree columns entity { name } } } }`);
    expect(up.data!.lineage.items.map((i: any) => [i.precision, i.degree, i.entity.name, i.columns])).toEqual([
      ['COLUMN', 1, c, ['y']],
      ['COLUMN', 2, a, ['x']], // and no further: a.x is made from nothing (the cycle runs through a.y)
    ]);
  });

  it('a dataset whose column lineage is removed has no mapping any more: its hop falls back to DATASET, while as-of before still sees the mapping', async () => {
    const [a, b] = ['ma', 'mb'].map((n) => `${n}${u}`);
    await upsert(a, ['x', 'y']);
    await upsert(b, ['x'], [['x', a, 'x']], [a]);
    // b is made from a.x only: a change to a.y does not reach it.
    expect(await walk(`urn: "${ds('test', a)}", columns: ["y"]`)).toEqual([]);
    const mapped = new Date();
    await new Promise((r) => setTimeout(r, 20));
    await upsert(b, ['x'], [], [a]);
    expect(await walk(`urn: "${ds('test', a)}", columns: ["y"]`)).toEqual([['DATASET', 1, b, null]]);
    expect(await walk(`urn: "${ds('test', a)}", columns: ["y"], asOf: "${mapped.toISOString()}"`)).toEqual([]);
    // Mapped again from another of a's columns: the hop is judged by the columns once more.
    await upsert(b, ['x'], [['x', a, 'y']], [a]);
    expect(await walk(`urn: "${ds('test', a)}", columns: ["y"]`)).toEqual([['COLUMN', 1, b, ['x']]]);
    expect(await walk(`urn: "${ds('test', a)}", columns: ["x"]`)).toEqual([]);
  });

  it('column inputs naming an ARCHIVED dataset are refused and a DEPRECATED one warns, as entity inputs are; kept column edges stay', async () => {
    const [src, kept, fresh] = ['src', 'kept', 'fresh'].map((n) => `${n}${u}`);
    await upsert(src, ['x']);
    await upsert(kept, ['x'], [['x', src, 'x']], [src]);
    const setStatus = (status: string) =>
      t.gql(`mutation($urn: ID!, $status: Status!) { setStatus(urn: $urn, status: $status) { status } }`, { urn: ds('test', src), status });
    const lineageFromSrc = (name: string) =>
      t.gql(`mutation($l: [ColumnLineageInput!]) { upsertDataset(input: { platform: "test", name: "${name}", schemaFields: [{ name: "x", type: "string" }], columnLineage: $l }) { urn } }`, {
        l: [{ field: 'x', inputFields: [{ dataset: ds('test', src), field: 'x' }] }],
      });
    const readsSrc = (name: string) =>
      t.gql(`mutation($c: [ColumnRefInput!]) { upsertModel(input: { platform: "mlflow", name: "${name}", inputColumns: $c }) { urn } }`, {
        c: [{ dataset: ds('test', src), field: 'x' }],
      });

    expect((await setStatus('DEPRECATED')).errors).toBeUndefined();
    const warned = await lineageFromSrc(fresh);
    expect(warned.errors).toBeUndefined();
    expect(warned.extensions?.warnings).toEqual([
      expect.objectContaining({ code: 'DEPRECATED_REFERENCE', urn: ds('test', fresh), field: 'input.columnLineage.0.dataset', message: expect.stringContaining(ds('test', src)) }),
    ]);

    expect((await setStatus('ARCHIVED')).errors).toBeUndefined();
    const refused = await lineageFromSrc(`other${u}`);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.columnLineage.0.dataset', urn: ds('test', src) });
    expect((await t.gql(`{ entity(urn: "${ds('test', `other${u}`)}") { urn } }`)).data!.entity).toBeNull();
    const reader = await readsSrc(`reader${u}`);
    expect(reader.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.inputColumns.0.dataset', urn: ds('test', src) });
    // Restating a column edge that already exists adds nothing, so nothing is refused.
    const again = await lineageFromSrc(kept);
    expect(again.errors).toBeUndefined();
  });

  it('one batch creating datasets: lineage from columns of a dataset later in the batch, from a column no schema lists, from its own column, and to a field outside its schema', async () => {
    const [early, late] = ['early', 'late'].map((n) => `${n}${u}`);
    const from = (name: string, field: string) => ({ dataset: ds('test', name), field });
    const r = await t.gql(`mutation($b: IngestBatchInput!) { ingest(batch: $b) { created } }`, {
      b: {
        datasets: [
          {
            platform: 'test', name: early, upstreams: [ds('test', late)],
            schemaFields: [{ name: 'e1', type: 'string' }, { name: 'e2', type: 'string' }],
            columnLineage: [
              { field: 'e1', inputFields: [from(late, 'l1')] },
              { field: 'e2', inputFields: [from(late, 'unlisted'), from(early, 'e1')] },
              { field: 'extra', inputFields: [from(late, 'l2')] },
            ],
          },
          { platform: 'test', name: late, schemaFields: [{ name: 'l1', type: 'string' }, { name: 'l2', type: 'string' }] },
        ],
      },
    });
    expect(r.errors).toBeUndefined();
    expect(r.data!.ingest.created).toBe(2);
    const upstream = async (columns: string[]) => {
      const up = await t.gql(`{ lineage(urn: "${ds('test', early)}", direction: UPSTREAM, columns: ${JSON.stringify(columns)}, maxDepth: 10) { items { precision degree columns entity { name } } } }`);
      expect(up.errors).toBeUndefined();
      return up.data!.lineage.items.map((i: any) => [i.precision, i.degree, i.entity.name, i.columns]);
    };
    expect(await upstream(['e1'])).toEqual([['COLUMN', 1, late, ['l1']]]);
    // A column walk does not step within its root's own dataset: e2's own input e1 shows in the counts below.
    expect(await upstream(['e2'])).toEqual([['COLUMN', 1, late, ['unlisted']]]);
    expect(await upstream(['extra'])).toEqual([['COLUMN', 1, late, ['l2']]]);
    expect(await walk(`urn: "${ds('test', late)}", columns: ["unlisted"]`)).toEqual([['COLUMN', 1, early, ['e2']]]);
    // The schemas list what they listed (the columns named only by lineage are not in them); what
    // each column's lineage makes, its own dataset's columns too.
    const cols = await t.gql(`{ late: dataset(urn: "${ds('test', late)}") { ...c } early: dataset(urn: "${ds('test', early)}") { ...c} } fragment c on Dataset { columns { fieldPath downstream { columns datasets } } }`);
    expect(cols.errors).toBeUndefined();
    const counts = (d: any) => d.columns.map((c: any) => [c.fieldPath, c.downstream.columns, c.downstream.datasets]);
    expect(counts(cols.data!.late)).toEqual([['l1', 1, 1], ['l2', 1, 1]]);
    expect(counts(cols.data!.early)).toEqual([['e1', 1, 1], ['e2', 0, 0]]);
  });

  it('refuse what cannot be answered, naming the argument', async () => {
    const a = `e${u}`;
    await upsert(a, ['x']);
    const cases: [string, string, string][] = [
      [`impact(urn: "${ds('test', a)}", columns: ["nope"])`, 'BAD_USER_INPUT', 'columns'],
      [`impact(urn: "${ds('test', a)}", columns: [])`, 'BAD_USER_INPUT', 'columns'],
      [`impact(urn: "urn:li:mlModel:(urn:li:dataPlatform:mlflow,shop${u}-ltv-v1,PROD)", columns: ["x"])`, 'BAD_USER_INPUT', 'columns'],
      [`impact(urn: "${ds('test', a)}", columns: ["x"], version: "v1")`, 'BAD_USER_INPUT', 'version'],
      [`impact(urn: "${ds('test', `missing${u}`)}", columns: ["x"])`, 'NOT_FOUND', 'urn'],
    ];
    for (const [q, code, field] of cases) {
      const r = await t.gql(`{ ${q} { total } }`);
      expect({ q, e: r.errors?.[0]?.extensions }).toMatchObject({ q, e: { code, field } });
    }
    const bad = await t.gql(
      `mutation($l: [ColumnLineageInput!]) { upsertDataset(input: { platform: "test", name: "${a}", columnLineage: $l }) { urn } }`,
      { l: [{ field: 'x', inputFields: [{ dataset: ds('test', `ghost${u}`), field: 'x' }] }] },
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.columnLineage.0.dataset' });
    const model = await t.gql(
      `mutation($l: [ColumnLineageInput!]) { upsertDataset(input: { platform: "test", name: "${a}", columnLineage: $l }) { urn } }`,
      { l: [{ field: 'x', inputFields: [{ dataset: `urn:li:mlModel:(urn:li:dataPlatform:mlflow,m${u},PROD)`, field: 'x' }] }] },
    );
    expect(model.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.columnLineage.0.dataset' });
  });
});
