import { RunStatus } from '../../../src/kinds/run/run-status.enum';
import { columnLineageInput, parseColumnLineage } from '../../../src/modules/openlineage/column-lineage';
import { checkEvent } from '../../../src/modules/openlineage/event-schema';
import { runTypeOf } from '../../../src/modules/openlineage/facets';
import { datasetKey, datasetUrn, safePart } from '../../../src/modules/openlineage/naming';
import { combineStates, stateOfEvent, type RunState } from '../../../src/modules/openlineage/run-state';

const at = (m: number) => new Date(Date.UTC(2024, 5, 1, 0, m));

describe('OpenLineage dataset naming', () => {
  it.each([
    ['postgres://db:5432', 'shop.public.orders', 'postgres', 'db:5432/shop.public.orders', null],
    ['postgresql://db:5432', 'shop.public.orders', 'postgres', 'db:5432/shop.public.orders', null],
    ['s3://bucket', '/path/file.parquet', 's3', 'bucket/path/file.parquet', 's3://bucket/path/file.parquet'],
    ['gs://bucket/prefix', 'x.csv', 'gcs', 'bucket/prefix/x.csv', 'gs://bucket/prefix/x.csv'],
    ['bigquery', 'project.dataset.table', 'bigquery', 'project.dataset.table', null],
    ['file', '/data/train.csv', 'file', 'data/train.csv', null],
  ])('%s + %s -> platform %s, name %s', (namespace, name, platform, stored, uri) => {
    expect(datasetKey(namespace, name)).toEqual({ platform, name: stored, env: 'PROD', uri });
  });

  it('keeps names mlgraph takes and makes the others safe, distinct and stable', () => {
    expect(safePart('dag.task_1', 'part')).toBe('dag.task_1');
    const a = safePart('my job (nightly)', 'part');
    expect(a).toMatch(/^my_job__nightly_@[0-9a-f]{8}$/);
    expect(safePart('my job (nightly)', 'part')).toBe(a);
    expect(safePart('my job [nightly]', 'part')).not.toBe(a);
    expect(safePart('x'.repeat(300), 'name')).toHaveLength(249);
    expect(datasetUrn('postgres://db:5432', 'a,b')).toMatch(/^urn:li:dataset:\(urn:li:dataPlatform:postgres,db:5432\/a_b@[0-9a-f]{8},PROD\)$/);
  });
});

describe('run state from events', () => {
  const S = (t: string, m: number) => stateOfEvent(t, at(m));
  const fold = (states: RunState[]) => states.reduce(combineStates, {});

  it('ends in the same state whatever the order, and a replay changes nothing', () => {
    const events = [S('START', 1), S('RUNNING', 2), S('COMPLETE', 9), S('OTHER', 10)];
    const expected = { runStatus: RunStatus.SUCCEEDED, startedAt: at(1), endedAt: at(9) };
    const orders = [[0, 1, 2, 3], [2, 0, 1, 3], [3, 2, 1, 0], [1, 2, 0, 3, 2, 0]];
    for (const order of orders) expect(fold(order.map((i) => events[i]))).toEqual(expected);
  });

  it('never moves a finished run back, and the later of two endings wins', () => {
    expect(combineStates(S('FAIL', 5), S('START', 1))).toEqual({ runStatus: RunStatus.FAILED, startedAt: at(1), endedAt: at(5) });
    expect(combineStates(S('COMPLETE', 9), S('FAIL', 5)).runStatus).toBe(RunStatus.SUCCEEDED);
    expect(combineStates(S('FAIL', 5), S('COMPLETE', 9)).runStatus).toBe(RunStatus.SUCCEEDED);
    expect(combineStates(S('ABORT', 5), S('COMPLETE', 5))).toEqual(combineStates(S('COMPLETE', 5), S('ABORT', 5)));
  });
});

describe('OpenLineage event checks', () => {
  const base = { eventTime: '2024-06-01T00:00:00.123456+00:00', producer: 'https://x.test', schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json' };
  const runEvent = { ...base, eventType: 'START', run: { runId: '0190c4ad-7c3e-7b3c-9d0f-1a2b3c4d5e6f' }, job: { namespace: 'ns', name: 'j' } };

  it('tells the kinds apart and accepts valid events', () => {
    expect(checkEvent(runEvent)).toEqual({ kind: 'run', problem: null });
    expect(checkEvent({ ...base, job: { namespace: 'ns', name: 'j' } })).toEqual({ kind: 'job', problem: null });
    expect(checkEvent({ ...base, dataset: { namespace: 'ns', name: 'd' } })).toEqual({ kind: 'dataset', problem: null });
  });

  it.each([
    [{ ...runEvent, run: { runId: 'not-a-uuid' } }, 'run.runId'],
    [{ ...runEvent, eventTime: '2024-06-01 noon' }, 'eventTime'],
    [{ ...runEvent, eventType: 'DONE' }, 'eventType'],
    [{ ...runEvent, producer: undefined }, 'producer'],
    [{ ...runEvent, inputs: [{ namespace: 'ns' }] }, 'inputs.0.name'],
    [{ ...runEvent, outputs: [{ namespace: 'ns', name: 'o', facets: { schema: { fields: [{ type: 'INT' }] } } }] }, 'outputs.0.facets.schema.fields.0.name'],
    [{ ...runEvent, run: { runId: runEvent.run.runId, facets: { parent: { run: {}, job: { namespace: 'n', name: 'p' } } } } }, 'run.facets.parent.run.runId'],
    [{ ...base }, 'run'],
  ])('names the field of a bad event (%#)', (event, field) => {
    expect(checkEvent(event).problem?.field).toBe(field);
  });
});

describe('facets', () => {
  it('reads the run type from the jobType facet', () => {
    expect(runTypeOf(undefined)).toBeUndefined();
    expect(runTypeOf({ jobType: 'TRAINING' })).toBe('TRAINING');
    expect(runTypeOf({ jobType: 'batch-scoring' })).toBe('BATCH_INFERENCE');
    expect(runTypeOf({ jobType: 'QUERY' })).toBe('DATA_PROCESSING');
    expect(runTypeOf({ jobType: 'DAG' })).toBe('OTHER');
  });

  it('parses the columnLineage facet into column edges between URNs, transformations as stored', () => {
    const facet = {
      fields: {
        total: {
          inputFields: [
            { namespace: 'ns', name: 'a', field: 'x', transformations: [{ type: 'DIRECT' }, { type: 'indirect', subtype: 'join', masking: true }, { type: 'LATER_SPEC' }] },
            { namespace: 'ns', name: 'b', field: 'y', transformations: [{ type: 'DIRECT', subtype: 'NEW_KIND', description: 'x + 1' }] },
          ],
        },
        n: { inputFields: [{ namespace: 'ns', name: 'a', field: 'x' }] },
      },
    };
    const edges = parseColumnLineage('OUT', facet, (ns, n) => `${ns}/${n}`, at(0));
    expect(edges).toEqual([
      {
        from: { dataset: 'ns/a', column: 'x' },
        to: { dataset: 'OUT', column: 'total' },
        transformations: [
          { type: 'DIRECT', subtype: null, description: null, masking: false },
          { type: 'INDIRECT', subtype: 'JOIN', description: null, masking: true },
        ],
        at: at(0),
      },
      { from: { dataset: 'ns/b', column: 'y' }, to: { dataset: 'OUT', column: 'total' }, transformations: [{ type: 'DIRECT', subtype: null, description: 'x + 1', masking: false }], at: at(0) },
      { from: { dataset: 'ns/a', column: 'x' }, to: { dataset: 'OUT', column: 'n' }, transformations: [], at: at(0) },
    ]);
    expect(columnLineageInput(edges)).toEqual([
      {
        field: 'total',
        inputFields: [
          { dataset: 'ns/a', field: 'x', transformations: edges[0].transformations },
          { dataset: 'ns/b', field: 'y', transformations: edges[1].transformations },
        ],
      },
      { field: 'n', inputFields: [{ dataset: 'ns/a', field: 'x', transformations: [] }] },
    ]);
  });

  it('refuses a column name that is not a field path, naming where it is', () => {
    const bad = { fields: { ['a\u0000b']: { inputFields: [] } } };
    expect(() => parseColumnLineage('OUT', bad, (ns, n) => `${ns}/${n}`, at(0), '0.outputs.1.facets.columnLineage')).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: '0.outputs.1.facets.columnLineage.fields.a\u0000b' }) }),
    );
    const badInput = { fields: { ok: { inputFields: [{ namespace: 'ns', name: 'a', field: 'x'.repeat(1001) }] } } };
    expect(() => parseColumnLineage('OUT', badInput, (ns, n) => `${ns}/${n}`, at(0), 'p')).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ field: 'p.fields.ok.inputFields.0.field' }) }),
    );
  });
});
