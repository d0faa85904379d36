import { randomBytes } from 'node:crypto';
import { gql, request } from '../../bench/hostile/http';
import { buildServer, startServerProcess, type ServerProcess } from '../../bench/server-process';
import { hashToken } from '../../src/auth/tokens';
import { testNeo4j } from '../support/harness';

// Reads everything the built server logs at debug level (which includes every Cypher statement with
// its parameters) while tokens of every kind are used, and looks for the secrets in it.
describe('no secret in the log', () => {
  const secret = (label: string) => `${label}-${randomBytes(18).toString('base64url')}`;
  const tokens = { reader: secret('reader'), writer: secret('writer'), admin: secret('admin') };
  let server: ServerProcess;

  beforeAll(async () => {
    buildServer();
    server = await startServerProcess(testNeo4j(), {
      env: { LOG_LEVEL: 'debug', MLGRAPH_TOKENS: `ui:reader:${tokens.reader},ci:writer:${tokens.writer},ops:admin:${tokens.admin}` },
    });
  }, 180_000);
  afterAll(() => server?.stop());

  it('holds no token, cookie or password, whichever way they were sent or made', async () => {
    const call = (token: string | undefined, query: string, headers: Record<string, string> = {}) => gql(server.base, { query }, token, 30_000, headers);
    const platform = `logs${randomBytes(3).toString('hex')}`;

    // provisioned tokens, each allowed to do its part
    expect((await call(tokens.reader, '{ serverInfo { version } }')).status).toBe(200);
    expect((await call(tokens.writer, `mutation { upsertDataset(input: {platform: "${platform}", name: "d"}) { urn } }`)).body.data).toBeTruthy();
    // a token created through the API, used, revoked, then refused
    const created = (await call(tokens.admin, `mutation { createApiToken(principal: "nightly-${platform}", role: WRITER) { id token } }`)).body.data.createApiToken;
    expect(created.token).toMatch(/^mlg_/);
    expect((await call(created.token, '{ serverInfo { version } }')).status).toBe(200);
    expect((await call(tokens.admin, `mutation { revokeApiToken(id: "${created.id}") }`)).body.data.revokeApiToken).toBe(true);
    expect((await call(created.token, '{ serverInfo { version } }')).status).toBe(401);
    // unknown and malformed credentials, cookies, a token in the wrong header, /metrics with a token
    const unknown = secret('unknown');
    const cookie = secret('cookie');
    const basic = Buffer.from(`ops:${secret('password')}`).toString('base64');
    expect((await call(unknown, '{ serverInfo { version } }')).status).toBe(401);
    expect((await call(undefined, '{ serverInfo { version } }', { authorization: `Basic ${basic}` })).status).toBe(401);
    expect((await call(undefined, '{ serverInfo { version } }', { authorization: `Bearer ${unknown} extra` })).status).toBe(401);
    expect((await call(tokens.reader, '{ serverInfo { version } }', { cookie: `session=${cookie}`, 'proxy-authorization': `Bearer ${unknown}` })).status).toBe(200);
    expect((await request(server.base, { method: 'GET', path: '/metrics', headers: { authorization: `Bearer ${tokens.reader}` }, timeoutMs: 30_000 })).status).toBe(200);
    // an error on the way: a refused mutation and a bad query, with a token
    expect((await call(tokens.reader, `mutation { upsertDataset(input: {platform: "${platform}", name: "e"}) { urn } }`)).status).toBe(403);
    expect((await call(tokens.writer, '{ nope }')).status).toBe(400);

    await server.stop(); // flushes the log
    const log = server.output();
    // the log is there and detailed: one line per request (no headers: they carry credentials),
    // Cypher with parameters; pino's redaction (src/logger.ts) also censors any header that a
    // future log line might carry
    expect(log).toMatch(/"req":\{"id":"[^"]+","method":"POST","url":"\/graphql"\},"res":\{"statusCode":401\}/);
    expect(log).not.toMatch(/"(authorization|cookie|proxy-authorization)":"(?!\[redacted\])/);
    expect(log).toMatch(/"query":"auth\/token-create"/);
    expect(log).toContain(hashToken(created.token)); // hashes may appear, as Cypher parameters
    for (const value of [...Object.values(tokens), created.token, unknown, cookie, basic]) {
      expect({ value, found: log.includes(value) || log.includes(value.slice(4, 24)) }).toEqual({ value, found: false });
    }
  }, 120_000);
});
