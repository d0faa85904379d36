import { claimPrefetched, prefetch } from '../src/api/prefetch';
import { lineageView, MAX_NODES } from '../src/lib/lineage-view';

describe('prefetch', () => {
  const sent: string[] = [];
  const realFetch = globalThis.fetch;
  beforeAll(() => {
    // The network of a page: every POST is recorded and answered with its own variables.
    globalThis.fetch = (async (_url: string, init: RequestInit) => {
      sent.push(String(init.body));
      const { variables } = JSON.parse(String(init.body));
      return new Response(JSON.stringify({ data: { echo: variables } }), { headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
  });
  afterAll(() => {
    globalThis.fetch = realFetch;
  });

  it('sends a query once however often it is asked for, and hands its answer out once', async () => {
    sent.length = 0;
    prefetch('query Q($a: Int) { a }', { a: 1 });
    prefetch('query Q($a: Int) { a }', { a: 1 });
    expect(sent).toHaveLength(1);
    expect(claimPrefetched('query Q($a: Int) { a }', { a: 2 })).toBeUndefined();
    const answer = claimPrefetched<{ echo: { a: number } }>('query Q($a: Int) { a }', { a: 1 });
    expect((await answer)?.data.echo).toEqual({ a: 1 });
    expect(claimPrefetched('query Q($a: Int) { a }', { a: 1 })).toBeUndefined();
  });
});

describe('lineageView', () => {
  it('reads depths and the instant from the query string, and falls back on bad depths', () => {
    const v = lineageView('urn:x', '?up=1&down=20&asOf=2026-01-01T00:00:00Z');
    expect(v.variables).toEqual({ urn: 'urn:x', upstreamDepth: 1, downstreamDepth: 20, asOf: '2026-01-01T00:00:00Z', maxNodes: MAX_NODES });
    expect(v.viewKey).toBe('1/20/2026-01-01T00:00:00Z');
    expect(lineageView('urn:x', '?up=-1&down=x').viewKey).toBe('3/3/');
  });
});
