import { request } from '../../bench/hostile/http';
import type { BookmarkEvent } from '../../src/graph';
import { rawDriver, startTestServer, testNeo4j, uniqueId, type TestServer } from '../support/harness';

describe('server over the real Neo4j', () => {
  let t: TestServer;
  let url: string;

  beforeAll(async () => {
    t = await startTestServer();
    url = await t.server.listen(0, '127.0.0.1');
  });
  afterAll(() => t.close());

  it('answers serverInfo from the Neo4j it is connected to', async () => {
    const res = await t.gql('{ serverInfo { version neo4jVersion edition database } }');
    expect(res.errors).toBeUndefined();
    const driver = rawDriver();
    try {
      const info = await driver.getServerInfo();
      // agent is "Neo4j/5.26.29": the version must be the one the database itself reports
      expect(info.agent).toBe(`Neo4j/${res.data!.serverInfo.neo4jVersion}`);
    } finally {
      await driver.close();
    }
    expect(res.data!.serverInfo.neo4jVersion).toMatch(/^5\.26\./);
    expect(res.data!.serverInfo.edition).toMatch(/community|enterprise/);
    expect(res.data!.serverInfo.database).toBe(testNeo4j().database);
  });

  it("reads after a write carry the write's bookmark: the mutation's re-read and the next request's reads", async () => {
    const events: BookmarkEvent[] = [];
    const off = t.graph.onBookmarks((e) => events.push(e));
    try {
      const name = uniqueId('bm');
      const written = await t.gql(`mutation { upsertDataset(input: { platform: "s3", name: "${name}" }) { urn name } }`);
      expect(written.errors).toBeUndefined();
      const commit = events.findIndex((e) => e.mode === 'WRITE' && e.received?.length);
      expect(commit).toBeGreaterThanOrEqual(0);
      const bookmark = events[commit].received!;
      const carries = (e: BookmarkEvent) => e.mode === 'READ' && bookmark.every((b) => e.sent?.includes(b));
      // The mutation answered from a read session that started with the bookmark (on a cluster it
      // waits for a follower that has applied the write).
      expect(events.slice(commit + 1).some(carries)).toBe(true);

      events.length = 0;
      const read = await t.gql(`query ($u: ID!) { entity(urn: $u) { name } }`, { u: written.data!.upsertDataset.urn });
      expect(read.data!.entity).toEqual({ name });
      const reads = events.filter((e) => e.mode === 'READ' && e.sent);
      expect(reads.length).toBeGreaterThan(0);
      expect(reads.every(carries)).toBe(true);
    } finally {
      off();
    }
  });

  it('serves GraphQL over HTTP with a request id echoed back', async () => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'ci-run-42' },
      body: JSON.stringify({ query: '{ serverInfo { edition } }' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('ci-run-42');
    const body: any = await res.json();
    expect(body.data.serverInfo.edition).toBeTruthy();
  });

  it('GET /health is 200 and GET /ready reports the Neo4j version', async () => {
    const base = url.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/health`)).status).toBe(200);
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(200);
    const body: any = await ready.json();
    expect(body.status).toBe('ready');
    expect(body.neo4j.version).toMatch(/^5\.26\./);
  });

  it('rejects a malformed query with GRAPHQL_PARSE_FAILED, not a 500', async () => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ serverInfo { ' }),
    });
    const body: any = await res.json();
    expect(res.status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('in the open local mode, answers only requests that name a loopback Host (no DNS rebinding)', async () => {
    const base = url.replace(/\/graphql$/, '');
    const port = new URL(base).port;
    const query = JSON.stringify({ query: '{ serverInfo { edition } }' });
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, 'localhost', 'LOCALHOST:1']) {
      expect({ host, status: (await request(base, { body: query, headers: { host }, timeoutMs: 10_000 })).status }).toEqual({ host, status: 200 });
    }
    for (const host of [`attacker.example:${port}`, 'localhost.attacker.example', `127.0.0.1.nip.io:${port}`, '127.0.0.2']) {
      const res = await request(base, { body: query, headers: { host }, timeoutMs: 10_000 });
      expect({ host, status: res.status, code: res.body.errors?.[0]?.extensions?.code }).toEqual({ host, status: 403, code: 'FORBIDDEN' });
    }
    expect((await request(base, { method: 'GET', path: '/ready', headers: { host: 'attacker.example' }, timeoutMs: 10_000 })).status).toBe(403);
  });

  it('serves Prometheus metrics: operations by name and type, errors by code, refusals by limit, Cypher by query', async () => {
    const post = (body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    await post({ query: 'query MetricsProbe { serverInfo { edition } }' });
    await post({ query: `{ ${Array.from({ length: 101 }, (_, i) => `a${i}: __schema { description }`).join(' ')} }` });
    await post({ query: '{ nope }' });
    const res = await fetch(url.replace(/\/graphql$/, '/metrics'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = await res.text();
    expect(text).toMatch(/mlgraph_graphql_requests_total\{operation="MetricsProbe",type="query"\} 1/);
    expect(text).toMatch(/mlgraph_graphql_request_duration_seconds_count\{operation="MetricsProbe",type="query"\} 1/);
    expect(text).toMatch(/mlgraph_graphql_refusals_total\{limit="aliases"\} 1/);
    expect(text).toMatch(/mlgraph_graphql_errors_total\{code="GRAPHQL_VALIDATION_FAILED"\} [1-9]/);
    expect(text).toMatch(/mlgraph_neo4j_statements_total\{query="system\/server-info"\} [1-9]/);
    expect(text).toMatch(/mlgraph_neo4j_statement_duration_seconds_bucket\{le="[^"]+",query="system\/server-info"\}/);
    // nothing else runs on this server while it answers /metrics, which itself reads no Neo4j
    expect(text).toMatch(/\nmlgraph_neo4j_sessions_in_use 0\n/);
    expect(text).toMatch(/\nmlgraph_lineage_walks_in_flight 0\n/);
  });
});
