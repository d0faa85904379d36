import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServer, type MlgraphServer } from '../../src/server';
import { testGraph, testLog } from '../support/harness';
import type { Graph } from '../../src/graph';

// How the server hands out the explorer and the IDE, on pages of its own (no build needed): the
// browser test (web-explorer.int.test.ts) drives the real ones.

const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
let graph: Graph;
let root: string;
const servers: MlgraphServer[] = [];

async function serve(config: { introspection: boolean; landingPage: boolean }, webRoot = root): Promise<string> {
  const server = await createServer({ config: { bodyLimit: '1mb', ...config }, graph, log: testLog, webRoot });
  servers.push(server);
  return (await server.listen(0, '127.0.0.1')).replace(/\/graphql$/, '');
}

const get = (url: string, accept = BROWSER) => fetch(url, { headers: { accept } });

beforeAll(() => {
  graph = testGraph();
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'mlgraph-web-'));
  fs.writeFileSync(path.join(root, 'index.html'), '<html><head><title>explorer</title></head></html>');
  fs.writeFileSync(path.join(root, 'ide.html'), '<html><head><title>ide</title></head></html>');
  fs.mkdirSync(path.join(root, 'assets'));
  fs.writeFileSync(path.join(root, 'assets', 'app-1a2b.js'), 'console.log(1)');
});
afterAll(async () => {
  for (const s of servers) await s.stop();
  await graph.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('web routes', () => {
  it('serves the explorer for every client route a browser reloads, and never shadows the API', async () => {
    const base = await serve({ introspection: true, landingPage: true });
    for (const route of ['/', '/browse?type=MODEL', `/entity/${encodeURIComponent('urn:li:container:x')}/lineage`]) {
      const res = await get(base + route);
      expect([route, res.status, await res.text()]).toEqual([route, 200, expect.stringContaining('<title>explorer</title>')]);
      expect(res.headers.get('cache-control')).toBe('no-cache');
    }
    expect((await get(`${base}/health`)).headers.get('content-type')).toMatch(/json/);

    const asset = await get(`${base}/assets/app-1a2b.js`, '*/*');
    expect([asset.status, asset.headers.get('cache-control')]).toEqual([200, 'public, max-age=31536000, immutable']);
  });

  it('serves the explorer to curl, which takes any type, and answers JSON-only clients and missing assets with a JSON 404', async () => {
    const base = await serve({ introspection: true, landingPage: true });
    const curl = await get(`${base}/`, '*/*');
    expect([curl.status, await curl.text()]).toEqual([200, expect.stringContaining('<title>explorer</title>')]);
    for (const [route, accept] of [['/nope', 'application/json'], ['/assets/missing.js', '*/*']]) {
      const res = await get(base + route, accept);
      const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect([route, res.status, body.errors[0].extensions.code]).toEqual([route, 404, 'NOT_FOUND']);
      expect(body.errors[0].message).toMatch(/^Nothing is served at this path/);
    }
  });

  it('serves the IDE at GET /graphql to browsers and says whether introspection is on', async () => {
    const on = await get(`${await serve({ introspection: true, landingPage: true })}/graphql`);
    expect(await on.text()).toMatch(/<meta name="mlgraph-introspection" content="on">\s*<title>ide<\/title>/);
    const off = await (await get(`${await serve({ introspection: false, landingPage: true })}/graphql`)).text();
    expect(off).toContain('<title>ide</title>');
    expect(off).toContain('<meta name="mlgraph-introspection" content="off">');
  });

  it('keeps POST, GET with a query and non-browser GETs of /graphql for GraphQL', async () => {
    const base = await serve({ introspection: true, landingPage: true });
    const post = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', accept: BROWSER }, body: '{"query":"{ __typename }"}' });
    expect(await post.json()).toEqual({ data: { __typename: 'Query' } });
    const query = await fetch(`${base}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: BROWSER, 'apollo-require-preflight': '1' } });
    expect(await query.json()).toEqual({ data: { __typename: 'Query' } });
    const curl = await get(`${base}/graphql`, '*/*');
    expect(curl.headers.get('content-type')).toMatch(/json/);
  });

  it('leaves GET /graphql to Apollo when GRAPHQL_LANDING_PAGE is off', async () => {
    const res = await get(`${await serve({ introspection: false, landingPage: false })}/graphql`);
    expect(await res.text()).not.toMatch(/<html/i);
  });

  it('says how to build the explorer when it is missing', async () => {
    const base = await serve({ introspection: true, landingPage: true }, path.join(root, 'not-built'));
    const res = await get(`${base}/`);
    expect([res.status, await res.text()]).toEqual([404, 'The web explorer is not built: run `npm run build`.\n']);
  });
});
