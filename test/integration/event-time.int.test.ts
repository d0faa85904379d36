import { uniqueId } from '../support/harness';
import { useTestServer } from '../support/live-server';

// Source times (`eventTime`): writes that say when their facts became true date their edges and
// history then, so imported history is walkable with asOf; the future is refused.

describe('eventTime on ingest, upserts and links', () => {
  const t = useTestServer();
  const p = uniqueId('et');
  const ds = (name: string) => `urn:li:dataset:(urn:li:dataPlatform:${p},${name},PROD)`;
  const run = (id: string) => `urn:li:dataProcessInstance:${p}-${id}`;
  const JUNE = '2024-06-01T00:00:00.000Z';
  const JULY = '2024-07-01T00:00:00.000Z';
  const AUGUST = '2024-08-01T00:00:00.000Z';
  const INGEST = `mutation($b: IngestBatchInput!, $t: DateTime) { ingest(batch: $b, eventTime: $t) { created updated unchanged } }`;
  const impact = async (urn: string, asOf?: string) =>
    (await t.ok(`{ impact(urn: "${urn}"${asOf ? `, asOf: "${asOf}"` : ''}) { items { entity { urn } } } }`)).impact.items.map((i: any) => i.entity.urn);
  const inputEdges = async (id: string) => (await t.ok(`{ run(urn: "${run(id)}") { inputEdges { node { urn } validFrom } } }`)).run.inputEdges;

  it('dates the edges and history of an ingest by its eventTime, so asOf walks the imported past', async () => {
    const batch = {
      datasets: [{ platform: p, name: 'raw' }, { platform: p, name: 'clean', eventTime: JULY }],
      runs: [{ id: `${p}-etl`, name: 'etl', inputs: [ds('raw')] }],
      links: [{ from: ds('clean'), relationship: 'OUTPUT_OF', to: run('etl'), eventTime: JULY }],
    };
    expect((await t.ok(INGEST, { b: batch, t: JUNE })).ingest).toMatchObject({ created: 3 });
    expect(await inputEdges('etl')).toEqual([{ node: { urn: ds('raw') }, validFrom: JUNE }]);
    expect(await impact(ds('raw'), '2024-05-01T00:00:00Z')).toEqual([]);
    expect(await impact(ds('raw'), '2024-06-15T00:00:00Z')).toEqual([run('etl')]);
    expect((await impact(ds('raw'), '2024-07-15T00:00:00Z')).sort()).toEqual([ds('clean'), run('etl')].sort());

    const { history } = await t.ok(`{ history(urn: "${ds('clean')}") { edges { node { at recordedAt action } } } }`);
    expect(history.edges).toHaveLength(1);
    expect(history.edges[0].node.at).toBe(JULY);
    expect(Date.now() - Date.parse(history.edges[0].node.recordedAt)).toBeLessThan(60_000);
  });

  it('moves an open edge back when a later write says it began earlier, and a resend changes nothing', async () => {
    const LINK = `mutation($t: DateTime) { link(from: "${ds('raw')}", relationship: INPUT_OF, to: "${run('etl')}", eventTime: $t) { changed } }`;
    await t.ok(`mutation { upsertRun(input: { id: "${p}-late", name: "late", eventTime: "${AUGUST}" }) { urn } }`);
    const late = `mutation($t: DateTime) { link(from: "${ds('clean')}", relationship: INPUT_OF, to: "${run('late')}", eventTime: $t) { changed } }`;
    expect((await t.ok(late, { t: AUGUST })).link.changed).toBe(true);
    expect((await t.ok(late, { t: JULY })).link.changed).toBe(true);
    expect(await inputEdges('late')).toEqual([{ node: { urn: ds('clean') }, validFrom: JULY }]);
    expect((await t.ok(late, { t: JULY })).link.changed).toBe(false);
    expect((await t.ok(late, { t: AUGUST })).link.changed).toBe(false); // a later start never moves it forward
    expect((await t.ok(LINK, { t: JUNE })).link.changed).toBe(false);
  });

  it('closes replaced edges at the eventTime of the write that replaced them', async () => {
    await t.ok(`mutation { upsertRun(input: { id: "${p}-etl", name: "etl", inputs: [], eventTime: "${AUGUST}" }) { urn } }`);
    expect(await impact(ds('raw'), '2024-07-15T00:00:00Z')).toContain(run('etl'));
    expect(await impact(ds('raw'), '2024-08-15T00:00:00Z')).toEqual([]);
  });

  it('dates columns and column lineage by the eventTime, opened and closed, like every edge', async () => {
    const schema = (...names: string[]) => names.map((name) => ({ name, type: 'STRING' }));
    const batch = {
      datasets: [
        { platform: p, name: 'col_src', schemaFields: schema('a', 'b') },
        { platform: p, name: 'col_out', schemaFields: schema('x'), upstreams: [ds('col_src')], columnLineage: [{ field: 'x', inputFields: [{ dataset: ds('col_src'), field: 'a' }] }] },
      ],
    };
    await t.ok(INGEST, { b: batch, t: JUNE });
    const columnsAsOf = async (asOf: string) =>
      (await t.ok(`{ dataset(urn: "${ds('col_src')}") { columns(asOf: "${asOf}") { fieldPath } } }`)).dataset.columns.map((c: any) => c.fieldPath);
    expect(await columnsAsOf('2024-05-15T00:00:00Z')).toEqual([]);
    expect(await columnsAsOf('2024-06-15T00:00:00Z')).toEqual(['a', 'b']);
    const columnImpact = async (asOf: string) =>
      (await t.ok(`{ impact(urn: "${ds('col_src')}", columns: ["a"], asOf: "${asOf}") { items { precision columns entity { urn } } } }`)).impact.items;
    expect(await columnImpact('2024-06-15T00:00:00Z')).toEqual([{ precision: 'COLUMN', columns: ['x'], entity: { urn: ds('col_out') } }]);

    // The column lineage is removed in August: as of July it still proves the hop, after it the hop has no column mapping.
    await t.ok(`mutation { upsertDataset(input: { platform: "${p}", name: "col_out", columnLineage: [], eventTime: "${AUGUST}" }) { urn } }`);
    expect(await columnImpact('2024-07-15T00:00:00Z')).toEqual([{ precision: 'COLUMN', columns: ['x'], entity: { urn: ds('col_out') } }]);
    expect(await columnImpact('2024-08-15T00:00:00Z')).toEqual([{ precision: 'DATASET', columns: null, entity: { urn: ds('col_out') } }]);
    // A schema change dated July closes the column then.
    await t.ok(`mutation { upsertDataset(input: { platform: "${p}", name: "col_src", schemaFields: [{ name: "a", type: "STRING" }], eventTime: "${JULY}" }) { urn } }`);
    expect(await columnsAsOf('2024-06-15T00:00:00Z')).toEqual(['a', 'b']);
    expect(await columnsAsOf('2024-07-15T00:00:00Z')).toEqual(['a']);
  });

  it('moves open column edges back when a later write restates them with an earlier eventTime, as entity edges', async () => {
    const model = `urn:li:mlModel:(urn:li:dataPlatform:mlflow,${p}-col-late,PROD)`;
    const batch = {
      datasets: [
        { platform: p, name: 'late_src', schemaFields: [{ name: 'a', type: 'STRING' }] },
        { platform: p, name: 'late_out', schemaFields: [{ name: 'x', type: 'STRING' }], upstreams: [ds('late_src')], columnLineage: [{ field: 'x', inputFields: [{ dataset: ds('late_src'), field: 'a' }] }] },
      ],
      models: [{ platform: 'mlflow', name: `${p}-col-late`, trainingDatasets: [ds('late_src')], inputColumns: [{ dataset: ds('late_src'), field: 'a' }] }],
    };
    const columnImpact = async (asOf: string) =>
      (await t.ok(`{ impact(urn: "${ds('late_src')}", columns: ["a"], asOf: "${asOf}") { items { precision entity { urn } } } }`)).impact.items
        .map((i: any) => [i.entity.urn, i.precision])
        .sort();
    await t.ok(INGEST, { b: batch, t: AUGUST });
    expect(await columnImpact('2024-07-15T00:00:00Z')).toEqual([]);
    expect(await columnImpact('2024-08-15T00:00:00Z')).toEqual([[ds('late_out'), 'COLUMN'], [model, 'COLUMN']].sort());
    // The same facts, said to hold since June: entity edges and column edges both begin then, so
    // as of July every hop is still proven at column level (an entity edge moved alone would make it DATASET).
    expect((await t.ok(INGEST, { b: batch, t: JUNE })).ingest).toMatchObject({ created: 0, updated: 2 });
    expect(await columnImpact('2024-07-15T00:00:00Z')).toEqual([[ds('late_out'), 'COLUMN'], [model, 'COLUMN']].sort());
    expect((await t.ok(INGEST, { b: batch, t: JUNE })).ingest).toMatchObject({ created: 0, updated: 0 });
    expect((await t.ok(INGEST, { b: batch, t: AUGUST })).ingest).toMatchObject({ created: 0, updated: 0 }); // never forward
    expect(await columnImpact('2024-06-15T00:00:00Z')).toEqual([[ds('late_out'), 'COLUMN'], [model, 'COLUMN']].sort());
  });

  it('refuses an eventTime in the future with BAD_USER_INPUT naming the field, and writes nothing', async () => {
    const later = new Date(Date.now() + 3_600_000).toISOString();
    const e1 = await t.fails(INGEST, { b: { datasets: [{ platform: p, name: 'never', eventTime: later }] } }, 'BAD_USER_INPUT');
    expect(e1.extensions?.field).toBe('batch.datasets.0.eventTime');
    const e2 = await t.fails(INGEST, { b: { datasets: [{ platform: p, name: 'never' }] }, t: later }, 'BAD_USER_INPUT');
    expect(e2.extensions?.field).toBe('eventTime');
    const e3 = await t.fails(`mutation($t: DateTime) { upsertDataset(input: { platform: "${p}", name: "never", eventTime: $t }) { urn } }`, { t: later }, 'BAD_USER_INPUT');
    expect(e3.extensions?.field).toBe('input.eventTime');
    const e4 = await t.fails(INGEST, { b: { links: [{ from: ds('raw'), relationship: 'INPUT_OF', to: run('late'), eventTime: later }] } }, 'BAD_USER_INPUT');
    expect(e4.extensions?.field).toBe('batch.links.0.eventTime');
    expect((await t.ok(`{ dataset(urn: "${ds('never')}") { urn } }`)).dataset).toBeNull();
  });
});
