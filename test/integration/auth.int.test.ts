import { parseProvisionedTokens } from '../../src/auth/tokens';
import { createServer, type MlgraphServer } from '../../src/server';
import { rawDriver, testGraph, testLog, uniqueId } from '../support/harness';
import type { Graph } from '../../src/graph';

const TOKENS = {
  reader: 'reader-token-0123456789',
  writer: 'writer-token-0123456789',
  admin: 'admin-token-01234567890',
};

describe('access control over HTTP', () => {
  let graph: Graph;
  let server: MlgraphServer;
  let url: string;
  const driver = rawDriver();
  const platform = uniqueId('auth');

  beforeAll(async () => {
    graph = testGraph();
    server = await createServer({
      config: {
        bodyLimit: '1mb',
        introspection: false,
        landingPage: false,
        auth: {
          tokens: parseProvisionedTokens(
            `ui:reader:${TOKENS.reader}\nci-pipeline:writer:${TOKENS.writer}\nops:admin:${TOKENS.admin}`,
            'test',
          ),
          anonymousRole: null,
        },
      },
      graph,
      log: testLog,
    });
    await server.readiness.migrateWhenReachable();
    url = await server.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await server.stop();
    await graph.close();
    await driver.close();
  });

  async function post(query: string, token?: string, variables?: Record<string, unknown>) {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, body: (await res.json()) as any };
  }

  const upsert = (name: string) =>
    `mutation { upsertDataset(input: {platform: "${platform}", name: "${name}"}) { urn createdBy updatedBy } }`;
  const count = async () =>
    (await driver.executeQuery('MATCH (n:Dataset {platform: $p}) RETURN count(n) AS n', { p: platform })).records[0].get('n');

  it('refuses anonymous requests with UNAUTHENTICATED when tokens are required', async () => {
    const res = await post('{ serverInfo { edition } }');
    expect(res.status).toBe(401);
    expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an unknown token and a malformed header', async () => {
    expect((await post('{ serverInfo { edition } }', 'not-a-real-token-at-all')).body.errors[0].extensions.code).toBe(
      'UNAUTHENTICATED',
    );
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic abc' },
      body: JSON.stringify({ query: '{ serverInfo { edition } }' }),
    });
    expect(res.status).toBe(401);
  });

  it('lets a reader query but not mutate, and writes nothing for the refused mutation', async () => {
    expect((await post('{ serverInfo { edition } }', TOKENS.reader)).body.data.serverInfo.edition).toBeTruthy();
    const res = await post(upsert('refused'), TOKENS.reader);
    expect(res.status).toBe(403);
    expect(res.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(await count()).toBe(0);
  });

  it('lets a writer mutate and records its principal as createdBy and in history', async () => {
    const res = await post(upsert('written'), TOKENS.writer);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.upsertDataset).toMatchObject({ createdBy: 'ci-pipeline', updatedBy: 'ci-pipeline' });
    const history = await driver.executeQuery('MATCH (c:Change {urn: $u}) RETURN c.actor AS actor', {
      u: res.body.data.upsertDataset.urn,
    });
    expect(history.records.map((r) => r.get('actor'))).toEqual(['ci-pipeline']);
  });

  it('lets only an admin create tokens; a created token works until it is revoked', async () => {
    const create = `mutation { createApiToken(principal: "nightly-${platform}", role: WRITER) { id token principal role } }`;
    expect((await post(create, TOKENS.writer)).body.errors[0].extensions.code).toBe('FORBIDDEN');

    const created = (await post(create, TOKENS.admin)).body.data.createApiToken;
    expect(created.token).toMatch(/^mlg_/);
    const stored = await driver.executeQuery('MATCH (t:ApiToken {id: $id}) RETURN t {.*} AS t', { id: created.id });
    expect(JSON.stringify(stored.records[0].get('t'))).not.toContain(created.token); // only the hash is stored

    const used = await post(upsert('by-new-token'), created.token);
    expect(used.body.data.upsertDataset.createdBy).toBe(`nightly-${platform}`);

    const revoked = await post(`mutation { revokeApiToken(id: "${created.id}") }`, TOKENS.admin);
    expect(revoked.body.data.revokeApiToken).toBe(true);
    const after = await post('{ serverInfo { edition } }', created.token);
    expect(after.status).toBe(401);
    expect(after.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
  it('checks every root field of an operation against the one table of roles, before any runs', async () => {
    const archive = `mutation { a: upsertDataset(input: {platform: "${platform}", name: "archived-by-admin"}) { urn } b: setStatus(urn: "urn:li:dataset:(urn:li:dataPlatform:${platform},archived-by-admin,PROD)", status: ARCHIVED) { status } }`;
    const res = await post(archive, TOKENS.admin);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.b.status).toBe('ARCHIVED');
    const tokens = await post('{ serverInfo { edition } apiTokens { id } }', TOKENS.reader);
    expect(tokens.status).toBe(403);
    expect(tokens.body.errors[0]).toMatchObject({ message: 'Listing tokens needs the ADMIN role; ui has READER.', extensions: { code: 'FORBIDDEN' } });
    expect(tokens.body.data).toBeUndefined(); // not even serverInfo ran
  });

  it('answers /metrics only to a caller with a role', async () => {
    const metrics = url.replace(/\/graphql$/, '/metrics');
    const anonymous = await fetch(metrics);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const reader = await fetch(metrics, { headers: { authorization: `Bearer ${TOKENS.reader}` } });
    expect(reader.status).toBe(200);
    expect(await reader.text()).toContain('mlgraph_graphql_errors_total{code="UNAUTHENTICATED"}');
  });
});

describe('query limits', () => {
  let graph: Graph;
  let server: MlgraphServer;
  let url: string;

  beforeAll(async () => {
    graph = testGraph();
    server = await createServer({
      config: { bodyLimit: '1mb', introspection: false, landingPage: false, limits: { maxDepth: 12, maxCost: 100_000 } },
      graph,
      log: testLog,
    });
    await server.readiness.migrateWhenReachable();
    url = await server.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await server.stop();
    await graph.close();
  });

  async function post(query: string) {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    return { status: res.status, body: (await res.json()) as any };
  }
  const nested = (levels: number) => `{ dataset(urn: "urn:li:dataset:(urn:li:dataPlatform:x,y,PROD)") { ${'upstreams { '.repeat(levels)}urn${' }'.repeat(levels)} } }`;

  it('refuses a 15-level nested query with QUERY_TOO_COMPLEX before running it', async () => {
    let statements = 0;
    const off = graph.onStatement(() => statements++);
    const res = await post(nested(15));
    off();
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', maxDepth: 12 });
    expect(statements).toBe(0);
  });

  it('refuses a query whose nested lists multiply past the cost limit', async () => {
    const res = await post(nested(3)); // lists without first count as 1,000 items: 10^9
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', maxCost: 100_000 });
    expect(res.body.errors[0].extensions.cost).toBeGreaterThan(100_000);
  });

  it('counts a relationship list by its first, when given', async () => {
    const urn = 'urn:li:dataset:(urn:li:dataPlatform:x,y,PROD)';
    const wide = await post(`{ dataset(urn: "${urn}") { downstreams(first: 1000) { downstreams(first: 1000) { urn } } } }`);
    expect(wide.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', maxCost: 100_000 });
    const narrow = await post(`{ dataset(urn: "${urn}") { downstreams(first: 5) { downstreams(first: 5) { downstreams(first: 5) { urn } } } } }`);
    expect(narrow.body.errors).toBeUndefined();
  });

  it('runs an ordinary nested query', async () => {
    const res = await post(`{ dataset(urn: "urn:li:dataset:(urn:li:dataPlatform:x,y,PROD)") { upstreams(first: 10) { upstreams(first: 10) { urn } } } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({ dataset: null });
  });

  it('refuses a body over the size limit with 413', async () => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ serverInfo { edition } }`, variables: { pad: 'x'.repeat(2 * 1024 * 1024) } }),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('turns introspection and the landing page off when configured (production)', async () => {
    const res = await post('{ __schema { queryType { name } } }');
    expect(res.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.body.errors[0].message).toMatch(/introspection/i);
    const page = await fetch(url, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/<html/i);
  });

  it('answers malformed JSON with a 400 and a GraphQL-shaped error', async () => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
  });
});
