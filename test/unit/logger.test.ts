import { createLogger } from '../../src/logger';

describe('createLogger', () => {
  it('censors credentials in request and response headers and secret-named fields', () => {
    const lines: string[] = [];
    const log = createLogger('debug', { write: (line: string) => void lines.push(line) });
    log.info(
      {
        req: { method: 'POST', url: '/graphql', headers: { host: 'x', authorization: 'Bearer mlg_secret1', cookie: 'session=secret2', 'proxy-authorization': 'Basic secret3' } },
        res: { statusCode: 200, headers: { 'set-cookie': 'session=secret4' } },
      },
      'request completed',
    );
    log.debug({ created: { id: '1', token: 'mlg_secret5' }, password: 'secret6' }, 'oops');
    log.child({ requestId: 'r' }).warn({ headers: { authorization: 'Bearer secret7' } }, 'child loggers too');
    const text = lines.join('');
    for (let i = 1; i <= 7; i++) expect(text).not.toContain(`secret${i}`);
    expect(text.match(/\[redacted\]/g)).toHaveLength(7);
    expect(JSON.parse(lines[0]).req.headers.host).toBe('x');
  });
});
