import { queries } from '../../src/graph';
import { rawDriver } from '../support/harness';

// Every registered statement must compile on the real Neo4j: EXPLAIN plans it without running it.
describe('every registered Cypher statement', () => {
  const driver = rawDriver();
  afterAll(() => driver.close());

  it.each(Object.entries(queries))('%s passes EXPLAIN', async (_name, query) => {
    const params = Object.fromEntries(query.params.map((p) => [p, null]));
    const res = await driver.executeQuery(`EXPLAIN ${query.text}`, params);
    expect(res.summary.plan).toBeTruthy();
  });

  // A read the read cache keeps runs with the graph's version read first (src/graph/query.ts).
  const versioned = Object.entries(queries).filter(([, q]) => q.versioned);
  it.each(versioned)('%s, with the graph version first, passes EXPLAIN', async (_name, query) => {
    const params = Object.fromEntries(query.params.map((p) => [p, null]));
    const res = await driver.executeQuery(`EXPLAIN ${query.versioned}`, params);
    expect(res.summary.plan).toBeTruthy();
  });

  // The write path's statements are shaped not to buffer their rows (Eager): entities/lock none,
  // entities/write only the two its entity SETs need; opening the edges in the same statement adds none.
  const eagers = (plan: { operatorType: string; children: unknown[] }): number =>
    (plan.operatorType.startsWith('Eager@') ? 1 : 0) + plan.children.reduce<number>((n, c) => n + eagers(c as typeof plan), 0);
  it.each([
    ['entityLock', 0],
    ['entityWrite', 2],
  ] as const)('%s plans %d Eager operators', async (name, expected) => {
    const query = queries[name];
    const res = await driver.executeQuery(`EXPLAIN ${query.text}`, Object.fromEntries(query.params.map((p) => [p, null])));
    expect(eagers(res.summary.plan as never)).toBe(expected);
  });
});
