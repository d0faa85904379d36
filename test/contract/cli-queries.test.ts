import { parse, validate } from 'graphql';
import { DEEP_PAGE, IMPACT, LINEAGE, PAGE, SHALLOW_DEPTH, firstPageSize } from '../../src/cli/lineage/walk';
import { DEFAULT_QUERY_LIMITS } from '../../src/config';
import { estimateCost } from '../../src/limits/cost';
import { LINEAGE_MAX_DEPTH } from '../../src/modules/lineage/lineage.config';
import { createSchema } from '../../src/schema';

// The CLI's walks read every page; their first page must fit the server's default MAX_QUERY_COST,
// or every `mlgraph impact` is refused once before it learns a smaller page (and counted as a refusal).
describe('the CLI walks against the cost model', () => {
  it('are valid queries of the served schema', async () => {
    const schema = await createSchema();
    for (const text of [IMPACT, LINEAGE]) expect(validate(schema, parse(text)).map((e) => e.message)).toEqual([]);
  });

  it('start with pages the default MAX_QUERY_COST serves, at the deepest walk of each size', async () => {
    const schema = await createSchema();
    const cost = (text: string, maxDepth: number) =>
      estimateCost(schema, parse(text), { urn: 'u', direction: 'UPSTREAM', types: null, maxDepth, asOf: null, first: firstPageSize(maxDepth), after: null });
    for (const [name, text] of [['impact', IMPACT], ['lineage', LINEAGE]]) {
      for (const maxDepth of [SHALLOW_DEPTH, LINEAGE_MAX_DEPTH]) {
        expect([name, maxDepth, cost(text, maxDepth) <= DEFAULT_QUERY_LIMITS.maxCost]).toEqual([name, maxDepth, true]);
      }
    }
    expect([firstPageSize(3), firstPageSize(SHALLOW_DEPTH), firstPageSize(LINEAGE_MAX_DEPTH)]).toEqual([PAGE, PAGE, DEEP_PAGE]);
  });
});
