import type { GraphTransaction, Query } from '../../src/graph';
import { queries } from '../../src/graph';
import type { EdgeToOpen } from '../../src/graph/query-shapes';
import { LockedWrite } from '../../src/modules/entities/write/locked-write';

// What LockedWrite sends to its last statement (the statement itself runs on Neo4j in
// test/integration/locked-write.int.test.ts).

describe('LockedWrite', () => {
  it('opens every queued edge in its last statement, however many (a 10,000-entity batch can carry hundreds of thousands)', async () => {
    const sent: { name: string; params: Record<string, unknown> }[] = [];
    const tx: GraphTransaction = {
      async run<P extends object, R extends object>(query: Query<P, R>, params: P): Promise<R[]> {
        sent.push({ name: query.name, params: params as Record<string, unknown> });
        return [];
      },
    };
    const write = new LockedWrite(tx, { actor: 'unit', source: 'batch' });
    const edge = (i: number) => ({ from: `urn:a:${i}`, to: `urn:b:${i}` }) as unknown as EdgeToOpen;
    write.open(Array.from({ length: 300_000 }, (_, i) => edge(i)));
    write.open([edge(300_000)]);
    await write.finish();
    expect(sent.map((s) => s.name)).toEqual([queries.entityWrite.name]);
    const edges = sent[0].params.edges as unknown[];
    expect(edges).toHaveLength(300_001);
    expect(edges[300_000]).toEqual(edge(300_000));
  });
});
