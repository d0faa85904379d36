import type { ColumnLevelRow } from '../../src/graph/queries';
import { EntityType } from '../../src/model/entity-type';
import { decide, type Carried } from '../../src/modules/columns/column-step';
import { LineageDirection } from '../../src/modules/lineage/lineage-steps';

// The decision of one column-walk step (README, "Columns"), from the rows the level statements
// return: proven, DATASET fallback, or not taken.

const { DOWNSTREAM, UPSTREAM } = LineageDirection;
const D = 'urn:li:dataset:(urn:li:dataPlatform:s3,d,PROD)';
const E = 'urn:li:dataset:(urn:li:dataPlatform:s3,e,PROD)';
const M = 'urn:li:mlModel:(urn:li:dataPlatform:mlflow,m,PROD)';
const R = 'urn:li:dataProcessInstance:r';

const row = (urn: string, type: EntityType, links: ColumnLevelRow['links'] = [], viaFeatures: string[] = []): ColumnLevelRow => ({
  from: D, relationship: 'DERIVED_FROM', urn, type, links, viaFeatures,
});
const cols = (dataset: string, ...fields: string[]): Carried => new Map([[dataset, new Set(fields)]]);
const kind = (d: ReturnType<typeof decide>) => (d.kind === 'proven' ? ['proven', d.carried === 'WHOLE' ? 'WHOLE' : Object.fromEntries([...d.carried].map(([k, v]) => [k, v === 'ALL' ? 'ALL' : [...v].sort()])), d.tentative] : [d.kind]);

describe('a downstream step from carried columns', () => {
  it('into a dataset: proven by column lineage from a carried column, carrying the output columns', () => {
    const d = decide(DOWNSTREAM, EntityType.DATASET, cols(D, 'a'), D, row(E, EntityType.DATASET, [[D, 'a', E, 'x', null], [D, 'b', E, 'y', null]]));
    expect(kind(d)).toEqual(['proven', { [E]: ['x'] }, false]);
    expect(d.links).toEqual([{ from: { dataset: D, field: 'a' }, to: { dataset: E, field: 'x' }, transformations: null }]);
  });

  it("lists a step's column edges in order of their ends, whatever order the statement returned them in", () => {
    const d = decide(DOWNSTREAM, EntityType.DATASET, cols(D, 'a', 'b'), D, row(E, EntityType.DATASET, [[D, 'b', E, 'x', null], [D, 'a', E, 'y', null], [D, 'a', E, 'x', null]]));
    expect(d.links.map((l) => [l.from!.field, l.to!.field])).toEqual([['a', 'x'], ['a', 'y'], ['b', 'x']]);
  });

  it('into a dataset whose column lineage from this one never reads the columns: not taken', () => {
    expect(kind(decide(DOWNSTREAM, EntityType.DATASET, cols(D, 'a'), D, row(E, EntityType.DATASET, [[D, 'b', E, 'y', null]])))).toEqual(['none']);
  });

  it('into a dataset without column lineage from this one: DATASET, unless every column is affected', () => {
    expect(kind(decide(DOWNSTREAM, EntityType.DATASET, cols(D, 'a'), D, row(E, EntityType.DATASET)))).toEqual(['fallback']);
    expect(kind(decide(DOWNSTREAM, EntityType.DATASET, new Map([[D, 'ALL']]), D, row(E, EntityType.DATASET)))).toEqual(['proven', { [E]: 'ALL' }, false]);
  });

  it('into a model: proven when it reads a carried column, not taken when it reads others or reaches the dataset through features', () => {
    expect(kind(decide(DOWNSTREAM, EntityType.DATASET, cols(D, 'a'), D, row(M, EntityType.MODEL, [[D, 'a', null, null, null]])))).toEqual(['proven', 'WHOLE', false]);
    expect(kind(decide(DOWNSTREAM, EntityType.DATASET, cols(D, 'a'), D, row(M, EntityType.MODEL, [[D, 'b', null, null, null]])))).toEqual(['none']);
    expect(kind(decide(DOWNSTREAM, EntityType.DATASET, cols(D, 'a'), D, row(M, EntityType.MODEL, [], [D])))).toEqual(['none']);
    expect(kind(decide(DOWNSTREAM, EntityType.DATASET, cols(D, 'a'), D, row(M, EntityType.MODEL)))).toEqual(['fallback']);
  });

  it('into a run that reads the dataset: tentative, carrying the columns on', () => {
    expect(kind(decide(DOWNSTREAM, EntityType.DATASET, cols(D, 'a'), D, row(R, EntityType.RUN)))).toEqual(['proven', { [D]: ['a'] }, true]);
  });

  it('from a whole entity: everything it feeds, a dataset with all its columns', () => {
    expect(kind(decide(DOWNSTREAM, EntityType.MODEL, 'WHOLE', M, row(E, EntityType.DATASET)))).toEqual(['proven', { [E]: 'ALL' }, false]);
    expect(kind(decide(DOWNSTREAM, EntityType.RUN, 'WHOLE', R, row(M, EntityType.MODEL)))).toEqual(['proven', 'WHOLE', false]);
  });
});

describe('an upstream step', () => {
  it('from carried columns into a dataset: the input columns they are made from', () => {
    const d = decide(UPSTREAM, EntityType.DATASET, cols(D, 'x'), D, row(E, EntityType.DATASET, [[E, 'a', D, 'x', null], [E, 'b', D, 'y', null]]));
    expect(kind(d)).toEqual(['proven', { [E]: ['a'] }, false]);
    expect(d.links).toEqual([{ from: { dataset: D, field: 'x' }, to: { dataset: E, field: 'a' }, transformations: null }]);
  });

  it('from a model into a dataset: the columns it reads, DATASET without any', () => {
    expect(kind(decide(UPSTREAM, EntityType.MODEL, 'WHOLE', M, row(E, EntityType.DATASET, [[E, 'a', null, null, null]])))).toEqual(['proven', { [E]: ['a'] }, false]);
    expect(kind(decide(UPSTREAM, EntityType.MODEL, 'WHOLE', M, row(E, EntityType.DATASET)))).toEqual(['fallback']);
    expect(kind(decide(UPSTREAM, EntityType.MODEL, 'WHOLE', M, row(E, EntityType.DATASET, [], [E])))).toEqual(['none']);
  });

  it('into the run that wrote the columns: proven, carrying them to its inputs; a model the run applied has no column mapping', () => {
    expect(kind(decide(UPSTREAM, EntityType.DATASET, cols(D, 'x'), D, row(R, EntityType.RUN)))).toEqual(['proven', { [D]: ['x'] }, false]);
    expect(kind(decide(UPSTREAM, EntityType.RUN, cols(D, 'x'), R, row(M, EntityType.MODEL)))).toEqual(['fallback']);
  });
});
