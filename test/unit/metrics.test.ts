import { createMetrics, MAX_OPERATION_NAMES } from '../../src/metrics/metrics';
import { countError } from '../../src/metrics/metrics.plugin';

describe('metrics', () => {
  it('reads the sessions and walks in flight when scraped', async () => {
    const now = { statementsInFlight: 3, walksInFlight: 1 };
    const m = createMetrics(now);
    expect(await m.registry.metrics()).toMatch(/\nmlgraph_neo4j_sessions_in_use 3\n[\s\S]*\nmlgraph_lineage_walks_in_flight 1\n/);
    now.statementsInFlight = 0;
    expect(await m.registry.metrics()).toMatch(/\nmlgraph_neo4j_sessions_in_use 0\n/);
  });

  it('reads the read cache counts when scraped', async () => {
    const now = { statementsInFlight: 0, walksInFlight: 0, readCache: { hits: 7, misses: 2, size: 3 } };
    const m = createMetrics(now);
    const text = await m.registry.metrics();
    expect(text).toMatch(/\nmlgraph_read_cache_reads_total\{outcome="hit"\} 7\n/);
    expect(text).toMatch(/\nmlgraph_read_cache_reads_total\{outcome="miss"\} 2\n/);
    expect(text).toMatch(/\nmlgraph_read_cache_entries 3\n/);
    now.readCache.hits = 9;
    expect(await m.registry.metrics()).toMatch(/\nmlgraph_read_cache_reads_total\{outcome="hit"\} 9\n/);
  });

  it('keeps operation-name labels bounded: clients choose the names', () => {
    const m = createMetrics();
    expect(m.operationLabel(null)).toBe('(anonymous)');
    expect(m.operationLabel('BrowseModels')).toBe('BrowseModels');
    expect(m.operationLabel('x'.repeat(65))).toBe('(other)');
    for (let i = 0; i < MAX_OPERATION_NAMES * 2; i++) m.operationLabel(`Op${i}`);
    expect(m.operationLabel('BrowseModels')).toBe('BrowseModels'); // already known
    expect(m.operationLabel('SomethingNew')).toBe('(other)');
  });

  it('counts errors by code and refusals by the limit that refused', async () => {
    const m = createMetrics();
    countError(m, { code: 'QUERY_TOO_COMPLEX', limit: 'aliases' });
    countError(m, { code: 'QUERY_TOO_COMPLEX', limit: 'aliases' });
    countError(m, { code: 'BAD_REQUEST', limit: 'bodySize' });
    countError(m, { code: 'FORBIDDEN' });
    countError(m, undefined);
    const text = await m.registry.metrics();
    expect(text).toContain('mlgraph_graphql_refusals_total{limit="aliases"} 2');
    expect(text).toContain('mlgraph_graphql_refusals_total{limit="bodySize"} 1');
    expect(text).toContain('mlgraph_graphql_errors_total{code="QUERY_TOO_COMPLEX"} 2');
    expect(text).toContain('mlgraph_graphql_errors_total{code="FORBIDDEN"} 1');
    expect(text).toContain('mlgraph_graphql_errors_total{code="INTERNAL_SERVER_ERROR"} 1');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
  });
});
