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
});
