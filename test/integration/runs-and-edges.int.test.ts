import { uniqueId } from '../support/harness';
import { useTestServer } from '../support/live-server';

// Runs of every kind next to the deprecated TrainingRun names, and edge properties: how they are
// set, compared, refused and kept through time. Each test uses names of its own (shared database).

const t = useTestServer();
const { ok, fails, gql } = t;
const ds = (name: string) => `urn:li:dataset:(urn:li:dataPlatform:s3,${name},PROD)`;
const runUrn = (id: string) => `urn:li:dataProcessInstance:${id}`;

async function datasets(...names: string[]): Promise<string[]> {
  await ok(`mutation ($b: IngestBatchInput!) { ingest(batch: $b) { created } }`, { b: { datasets: names.map((name) => ({ platform: 's3', name })) } });
  return names.map(ds);
}

describe('runs of every kind, and the TrainingRun names of 0.1.0', () => {
  it('a run created without runType is OTHER; through upsertTrainingRun or trainingRuns it is TRAINING; later old-style upserts leave runType alone', async () => {
    const [a, b, c] = [uniqueId('ra'), uniqueId('rb'), uniqueId('rc')];
    expect((await ok(`mutation { upsertRun(input: { id: "${a}", name: "a" }) { runType } }`)).upsertRun.runType).toBe('OTHER');
    expect((await ok(`mutation { upsertTrainingRun(input: { id: "${b}", name: "b" }) { runType __typename } }`)).upsertTrainingRun).toEqual({
      runType: 'TRAINING',
      __typename: 'Run',
    });
    await ok(`mutation { ingest(batch: { trainingRuns: [{ id: "${c}", name: "c" }] }) { created } }`);
    expect((await ok(`{ run(urn: "${runUrn(c)}") { runType } }`)).run.runType).toBe('TRAINING');

    await ok(`mutation { upsertRun(input: { id: "${a}", name: "a", runType: EVALUATION }) { runType } }`);
    const again = await ok(`mutation { upsertTrainingRun(input: { id: "${a}", name: "a2" }) { runType name } }`);
    expect(again.upsertTrainingRun).toEqual({ runType: 'EVALUATION', name: 'a2' });
  });

  it('old queries still answer: trainingRun(urn), TRAINING_RUN in filters, fragments on TrainingRun', async () => {
    const id = uniqueId('old');
    await ok(`mutation { upsertRun(input: { id: "${id}", name: "${id} run", runType: BATCH_INFERENCE, metrics: [{ name: "rows", value: "10" }] }) { urn } }`);
    const res = await ok(`{
      trainingRun(urn: "${runUrn(id)}") { id runType metrics { name value } }
      entities(filter: { types: [TRAINING_RUN], namePrefix: "${id}" }) { edges { node { type ... on TrainingRun { id metrics { value } } } } }
      search(query: "${id}", types: [TRAINING_RUN]) { edges { node { urn } } }
    }`);
    expect(res.trainingRun).toEqual({ id, runType: 'BATCH_INFERENCE', metrics: [{ name: 'rows', value: '10' }] });
    expect(res.entities.edges).toEqual([{ node: { type: 'RUN', id, metrics: [{ value: '10' }] } }]);
    expect(res.search.edges).toEqual([{ node: { urn: runUrn(id) } }]);
    const urn = await ok(`{ urn(type: TRAINING_RUN, parts: { id: "${id}" }) { urn type } }`);
    expect(urn.urn).toEqual({ urn: runUrn(id), type: 'RUN' });
  });
});

describe('edge properties', () => {
  it('are refused where the relationship does not carry them, and with both forms of one field', async () => {
    const [d] = await datasets(uniqueId('ep'));
    const id = uniqueId('epr');
    const wrong = await fails(
      `mutation ($d: String!) { upsertRun(input: { id: "${id}", name: "r", inputEdges: [{ urn: $d, properties: { derivationKind: FINE_TUNED } }] }) { urn } }`,
      { d },
      'BAD_USER_INPUT',
    );
    expect(wrong.extensions).toMatchObject({ field: 'input.inputEdges.0.properties.derivationKind' });
    const both = await fails(
      `mutation ($d: String!) { upsertRun(input: { id: "${id}", name: "r", inputs: [$d], inputEdges: [{ urn: $d }] }) { urn } }`,
      { d },
      'BAD_USER_INPUT',
    );
    expect(both.extensions).toMatchObject({ field: 'input.inputEdges' });
    const link = await fails(
      `mutation ($d: ID!) { link(from: $d, relationship: DERIVED_FROM, to: $d, properties: { version: "1" }) { changed } }`,
      { d },
      'BAD_USER_INPUT',
    );
    expect(link).toBeDefined();
    expect(await t.raw('MATCH (n:Entity {urn: $u}) RETURN n', { u: runUrn(id) })).toEqual([]);
  });

  it('a new version closes the edge and opens another: history records it, asOf sees what the edge said then, a plain list keeps it', async () => {
    const [d] = await datasets(uniqueId('snap'));
    const id = uniqueId('pin');
    const upsert = (version: string) =>
      ok(`mutation ($d: String!) { upsertRun(input: { id: "${id}", name: "r", inputEdges: [{ urn: $d, properties: { version: "${version}" } }] }) { revision } }`, { d });
    expect((await upsert('2024-05')).upsertRun.revision).toBe(1);
    expect((await upsert('2024-05')).upsertRun.revision).toBe(1); // same properties: nothing changes
    const between = new Date().toISOString();
    expect((await upsert('2024-06')).upsertRun.revision).toBe(2);
    // A plain URN list that still names the dataset keeps the edge and what it records.
    await ok(`mutation ($d: String!) { upsertRun(input: { id: "${id}", name: "r", inputs: [$d] }) { revision } }`, { d });

    const read = await ok(`query ($d: ID!) {
      run(urn: "${runUrn(id)}") { inputEdges { node { urn } properties { version } } history(first: 5) { edges { node { changes { field old new } } } } }
      now: impact(urn: $d, version: "2024-06") { items { entity { urn } path { properties { version } } } }
      old: impact(urn: $d, version: "2024-05") { items { entity { urn } } }
      then: lineage(urn: $d, direction: DOWNSTREAM, asOf: "${between}") { items { path { properties { version } } } }
      drawn: lineageGraph(urn: $d) { edges { relationship properties { version } } }
      drawnThen: lineageGraph(urn: $d, asOf: "${between}") { edges { properties { version } } }
    }`, { d });
    // lineageGraph's edges show what they record, as of the drawing.
    expect(read.drawn.edges).toEqual([{ relationship: 'INPUT_OF', properties: { version: '2024-06' } }]);
    expect(read.drawnThen.edges).toEqual([{ properties: { version: '2024-05' } }]);
    expect(read.run.inputEdges).toEqual([{ node: { urn: d }, properties: { version: '2024-06' } }]);
    expect(read.run.history.edges[0].node.changes).toEqual([{ field: 'inputEdges', old: [{ urn: d, version: '2024-05' }], new: [{ urn: d, version: '2024-06' }] }]);
    expect(read.now.items).toEqual([{ entity: { urn: runUrn(id) }, path: [{ properties: { version: '2024-06' } }] }]);
    expect(read.old.items).toEqual([]);
    expect(read.then.items).toEqual([{ path: [{ properties: { version: '2024-05' } }] }]);
    expect(await t.raw('MATCH (:Entity {urn: $d})-[r:INPUT_OF]->(:Run {urn: $r}) RETURN r.version AS v, r.validTo IS NULL AS open ORDER BY v', { d, r: runUrn(id) })).toEqual([
      { v: '2024-05', open: false },
      { v: '2024-06', open: true },
    ]);
  });

  it('link and ingest links record properties; a link without them keeps the open edge as it is', async () => {
    const [base, tuned] = [uniqueId('base'), uniqueId('tuned')].map((n) => `urn:li:mlModel:(urn:li:dataPlatform:hf,${n},PROD)`);
    await ok(`mutation { ingest(batch: { models: [{ platform: "hf", name: "${base.split(',')[1]}" }, { platform: "hf", name: "${tuned.split(',')[1]}" }] }) { created } }`);
    const link = (props: string) => gql(`mutation { link(from: "${tuned}", relationship: DERIVED_FROM, to: "${base}"${props}) { changed } }`);
    expect((await link(', properties: { derivationKind: DISTILLED }')).data!.link.changed).toBe(true);
    expect((await link('')).data!.link.changed).toBe(false);
    expect((await link(', properties: { derivationKind: DISTILLED }')).data!.link.changed).toBe(false);
    await ok(`mutation { ingest(batch: { links: [{ from: "${tuned}", relationship: DERIVED_FROM, to: "${base}", properties: { derivationKind: QUANTIZED } }] }) { updated } }`);
    const model = await ok(`{ model(urn: "${base}") { derivedModelEdges { node { urn } properties { derivationKind } } } }`);
    expect(model.model.derivedModelEdges).toEqual([{ node: { urn: tuned }, properties: { derivationKind: 'QUANTIZED' } }]);
  });
});
