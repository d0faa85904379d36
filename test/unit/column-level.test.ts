import type { GraphTransaction, Query } from '../../src/graph';
import type { ColumnDownstreamLevelParams, ColumnDownstreamLevelRow } from '../../src/graph/queries';
import { Status } from '../../src/model/entity-type';
import { levelRows, type MappingMemo } from '../../src/modules/columns/column-level';
import { LineageDirection } from '../../src/modules/lineage/lineage-steps';

// levelRows over a stand-in for cypher/columns/downstream-level.cypher: `answer` says what the
// statement would return for each frontier entry; every statement's parameters are kept.
function fakeTx(answer: (params: ColumnDownstreamLevelParams) => ColumnDownstreamLevelRow[]) {
  const sent: ColumnDownstreamLevelParams[] = [];
  const tx: GraphTransaction = {
    async run<P extends object, R extends object>(_query: Query<P, R>, params: P): Promise<R[]> {
      sent.push(params as unknown as ColumnDownstreamLevelParams);
      return answer(params as unknown as ColumnDownstreamLevelParams) as unknown as R[];
    },
  };
  return { tx, sent };
}

const params = { statuses: [Status.ACTIVE], asOf: null };
const D = 'urn:li:dataset:(urn:li:dataPlatform:s3,d,PROD)';
const RUN = 'urn:li:dataProcessInstance:r';
const M = 'urn:li:mlModel:(urn:li:dataPlatform:mlflow,m,PROD)';
const N = 'urn:li:mlModel:(urn:li:dataPlatform:mlflow,n,PROD)';

describe('levelRows (downstream)', () => {
  it('sends the proven and the fallback frontier in one statement, and keeps the smallest (from, relationship) of each fallback step', async () => {
    const { tx, sent } = fakeTx((p) =>
      p.frontier.map((f) => ({
        from: f.urn,
        fallback: f.fallback,
        fed: [],
        steps: f.fallback ? [['TRAINED_ON', M, 'MODEL', []], ['EVALUATED_ON', M, 'MODEL', []]] : [['TRAINED_ON', N, 'MODEL', []]],
      })) as ColumnDownstreamLevelRow[],
    );
    const B = 'urn:li:dataset:(urn:li:dataPlatform:s3,b,PROD)';
    const A = 'urn:li:dataset:(urn:li:dataPlatform:s3,a,PROD)';
    const rows = await levelRows(tx, LineageDirection.DOWNSTREAM, [{ urn: D, carried: new Map([[D, new Set(['x'])]]) }], [B, A], new Map(), params);
    expect(sent).toHaveLength(1);
    expect(rows.statements).toBe(1);
    expect(sent[0].frontier.map((f) => [f.urn, f.fallback])).toEqual([[D, false], [B, true], [A, true]]);
    expect(rows.fallback).toEqual([{ urn: M, type: 'MODEL', from: A, relationship: 'EVALUATED_ON' }]);
    expect(rows.proven.map((r) => [r.from, r.urn])).toEqual([[D, N]]);
  });

  it('asks whether an entity is mapped from a dataset once per walk, and answers later levels from what it learnt', async () => {
    // The statement's answer: M has a column mapping from D, N has none; known pairs are left out, as the Cypher does.
    const { tx, sent } = fakeTx((p) =>
      p.frontier.map((f) => ({
        from: f.urn,
        fallback: false,
        fed: [],
        steps: [M, N].map((m) => ['TRAINED_ON', m, 'MODEL', m === M && !p.known[`${m}\n${D}`] ? [D] : []]),
      })) as ColumnDownstreamLevelRow[],
    );
    const memo: MappingMemo = new Map();
    const first = await levelRows(tx, LineageDirection.DOWNSTREAM, [{ urn: D, carried: new Map([[D, new Set(['x'])]]) }], [], memo, params);
    expect(sent[0].known).toEqual({});
    expect(first.proven.map((r) => [r.urn, r.mapped])).toEqual([[M, [D]], [N, []]]);
    // The run that reads D leads to the same models: both pairs are known, and M is still mapped.
    const second = await levelRows(tx, LineageDirection.DOWNSTREAM, [{ urn: RUN, carried: new Map([[D, new Set(['x'])]]) }], [], memo, params);
    expect(Object.keys(sent[1].known).sort()).toEqual([`${M}\n${D}`, `${N}\n${D}`]);
    expect(second.proven.map((r) => [r.urn, r.mapped])).toEqual([[M, [D]], [N, []]]);
  });

  it('gives each reached entity the links of the affected columns that feed it, from the columns made from them and their readers', async () => {
    const E = 'urn:li:dataset:(urn:li:dataPlatform:s3,e,PROD)';
    const tr = '[{"type":"DIRECT","subtype":"IDENTITY"}]';
    const { tx } = fakeTx((p) =>
      p.frontier.map((f) => ({
        from: f.urn,
        fallback: false,
        fed: [[D, 'x', [[E, 'a', tr], [E, 'b', null]], [M]], [D, 'y', [[E, 'a', null]], []]],
        steps: [['DERIVED_FROM', E, 'DATASET', []], ['TRAINED_ON', M, 'MODEL', []], ['TRAINED_ON', N, 'MODEL', []]],
      })) as ColumnDownstreamLevelRow[],
    );
    const rows = await levelRows(tx, LineageDirection.DOWNSTREAM, [{ urn: D, carried: new Map([[D, new Set(['x', 'y'])]]) }], [], new Map(), params);
    expect(rows.proven.map((r) => [r.urn, r.links])).toEqual([
      [E, [[D, 'x', E, 'a', tr], [D, 'x', E, 'b', null], [D, 'y', E, 'a', null]]],
      [M, [[D, 'x', null, null, null]]],
      [N, []],
    ]);
  });

  it('does not read a mapping for an entity the affected columns feed (its links prove the step)', async () => {
    const link: [string, string, null, null, null] = [D, 'x', null, null, null];
    const { tx } = fakeTx((p) => p.frontier.map((f) => ({ from: f.urn, fallback: false, fed: [[D, 'x', [], [M]]], steps: [['TRAINED_ON', M, 'MODEL', []]] })) as ColumnDownstreamLevelRow[]);
    const memo: MappingMemo = new Map();
    const rows = await levelRows(tx, LineageDirection.DOWNSTREAM, [{ urn: D, carried: new Map([[D, new Set(['x'])]]) }], [], memo, params);
    expect(rows.proven[0].links).toEqual([link]);
    expect(memo.get(D)?.has(M) ?? false).toBe(false);
  });
});
