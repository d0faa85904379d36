import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLClient, GraphQLRequestError } from '../../../src/cli/client';
import { CliError, ExitCode } from '../../../src/cli/exit-codes';

/** A stand-in HTTP endpoint answering each request with the next of `answers`. */
async function endpoint(answers: { status: number; body: string }[]): Promise<{ url: string; hits: () => number; close: () => Promise<void> }> {
  let hits = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const a = answers[Math.min(hits++, answers.length - 1)];
      res.writeHead(a.status, { 'content-type': a.body.startsWith('{') ? 'application/json' : 'text/plain' }).end(a.body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/graphql`, hits: () => hits, close: () => new Promise((r) => server.close(() => r())) };
}

const busy = { status: 503, body: JSON.stringify({ errors: [{ message: 'busy', extensions: { code: 'UNAVAILABLE', retryAfter: 1 } }] }) };

describe('the CLI\'s GraphQL client', () => {
  it('sends a request refused as busy again after retryAfter, and says so', async () => {
    const e = await endpoint([busy, { status: 200, body: '{"data":{"ok":true}}' }]);
    const waits: number[] = [];
    try {
      const client = new GraphQLClient({ url: e.url, timeoutMs: 5000, onBusy: (s) => waits.push(s) });
      await expect(client.request('{ ok }')).resolves.toEqual({ ok: true });
      expect(e.hits()).toBe(2);
      expect(waits).toEqual([1]);
    } finally {
      await e.close();
    }
  });

  it('gives up after its retries, and never retries an UNAVAILABLE without retryAfter (Neo4j down)', async () => {
    const e = await endpoint([busy]);
    const down = await endpoint([{ status: 200, body: JSON.stringify({ errors: [{ message: 'down', extensions: { code: 'UNAVAILABLE' } }] }) }]);
    try {
      await expect(new GraphQLClient({ url: e.url, timeoutMs: 5000, busyRetries: 1 }).request('{ ok }')).rejects.toMatchObject({ code: ExitCode.SERVER });
      expect(e.hits()).toBe(2);
      await expect(new GraphQLClient({ url: down.url, timeoutMs: 5000 }).request('{ ok }')).rejects.toBeInstanceOf(GraphQLRequestError);
      expect(down.hits()).toBe(1);
    } finally {
      await e.close();
      await down.close();
    }
  });

  it('maps what is not GraphQL to exit codes: too large is refused, a proxy error is a server error', async () => {
    const e = await endpoint([{ status: 413, body: 'request entity too large' }, { status: 502, body: 'bad gateway' }]);
    try {
      const client = new GraphQLClient({ url: e.url, timeoutMs: 5000 });
      await expect(client.request('{ ok }')).rejects.toMatchObject({ code: ExitCode.REFUSED, message: expect.stringContaining('--batch-size') });
      await expect(client.request('{ ok }')).rejects.toMatchObject({ code: ExitCode.SERVER });
    } finally {
      await e.close();
    }
    const closed = new GraphQLClient({ url: e.url, timeoutMs: 2000 });
    await expect(closed.request('{ ok }')).rejects.toEqual(expect.any(CliError));
  });
});
