/**
 * Generates malformed or hostile GraphQL requests from a seed, so a failing case can be replayed.
 * Every case is one the server must refuse (or a read): none of them may write anything.
 */
export interface FuzzCase {
  kind: string;
  method: 'POST' | 'GET';
  contentType: string;
  body?: string;
  query?: string;
}

/** The seeded generator of the benchmark graphs (mulberry32), so a failing case can be replayed. */
export { rng as prng } from '../../bench/generate';

export const HOSTILE_STRINGS = [
  "' OR 1=1 //",
  '"}) MATCH (n) DETACH DELETE n //',
  '`) DETACH DELETE n //',
  '$urns',
  '\\u0000',
  '\u0000',
  '\ud800',
  '\u202e\u0644\u0627',
  '\u200b\u200d\ufeff',
  '💥🧨'.repeat(10),
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  '%s%s%s%n',
  '\r\n\r\nHTTP/1.1 200 OK',
  '*',
  'foo OR (',
  '"unterminated',
  '\\',
  'a'.repeat(70_000),
];

/** Names the API must refuse: URN separators, leading punctuation, control characters, too long. */
const BAD_NAMES = [',', '(x)', 'a,b', ' lead', '-x', '', '\n', 'x'.repeat(256), ')', '\u0000abc', 'ok\tno'];
const BAD_URNS = ['', 'urn:li:dataset:', 'urn:li:dataset:(urn:li:dataPlatform:s3,a)', 'urn:li:mlModel:(x,y,MARS)', 'not-a-urn', ...HOSTILE_STRINGS.slice(0, 8)];
const TYPES = ['Dataset', 'Feature', 'Model', 'TrainingRun', 'Deployment'];
const VALID_QUERIES = [
  '{ serverInfo { version neo4jVersion edition } }',
  'mutation { upsertDataset(input: {platform: "s3", name: "fuzz"}) { urn } }',
  '{ dataset(urn: "urn:li:dataset:(urn:li:dataPlatform:s3,x,PROD)") { urn upstreams { urn } } }',
];

const json = JSON.stringify;

export function generateCase(rand: () => number): FuzzCase {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const post = (kind: string, payload: unknown): FuzzCase => ({ kind, method: 'POST', contentType: 'application/json', body: json(payload) });
  const hostile = pick(HOSTILE_STRINGS);
  switch (Math.floor(rand() * 14)) {
    case 0: // random bytes as the body
      return { kind: 'garbage-body', method: 'POST', contentType: 'application/json', body: randomText(rand, 1 + Math.floor(rand() * 300)) };
    case 1: // JSON that is not a GraphQL request
      return { kind: 'not-a-request', method: 'POST', contentType: 'application/json', body: pick(['[]', '1', 'null', '"x"', '{"query": 7}', '{"query": null}', '{}', '{"variables": "x"}']) };
    case 2: { // a valid query cut at a random point
      const q = pick(VALID_QUERIES);
      return post('truncated', { query: q.slice(0, Math.floor(rand() * q.length)) });
    }
    case 3: // name that breaks the MLSpec rule or the URN
      return post('bad-name', { query: 'mutation($i: UpsertDatasetInput!) { upsertDataset(input: $i) { urn } }', variables: { i: { platform: 's3', name: pick(BAD_NAMES) } } });
    case 4: // wrong types in variables
      return post('wrong-type', {
        query: 'mutation($i: UpsertDatasetInput!) { upsertDataset(input: $i) { urn } }',
        variables: { i: pick([{ platform: 3, name: 'x' }, { platform: 's3', name: ['x'] }, { platform: 's3', name: 'x', env: 'MARS' }, { platform: 's3', name: 'x', tags: { not: 'a list' } }, { platform: 's3' }, null, { platform: 's3', name: 'x', unknownField: 1 }]) },
      });
    case 5: // hostile platform (a URN part)
      return post('bad-platform', { query: 'mutation($i: UpsertDatasetInput!) { upsertDataset(input: $i) { urn } }', variables: { i: { platform: hostile.slice(0, 300) + ',(', name: 'x' } } });
    case 6: // relationship fields naming bad or unknown URNs
      return post('bad-reference', {
        query: 'mutation($i: UpsertDatasetInput!) { upsertDataset(input: $i) { urn } }',
        variables: { i: { platform: 's3', name: `fuzz-ref-${Math.floor(rand() * 1e9)}`, upstreams: [pick(BAD_URNS), `urn:li:dataset:(urn:li:dataPlatform:s3,missing-${Math.floor(rand() * 1e9)},PROD)`] } },
      });
    case 7: // link with hostile URNs or an illegal combination
      return post('bad-link', { query: 'mutation($f: ID!, $t: ID!) { link(from: $f, relationship: INPUT_OF, to: $t) { __typename } }', variables: { f: pick(BAD_URNS), t: pick(BAD_URNS) } });
    case 8: // reads with hostile arguments (allowed: they write nothing)
      return post('hostile-read', { query: `query($u: ID!) { entity(urn: $u) { urn } dataset(urn: $u) { urn } }`, variables: { u: hostile } });
    case 9: { // deep nesting or nested lists that multiply
      const levels = 5 + Math.floor(rand() * 45);
      return post('deep', { query: `{ dataset(urn: "x") { ${'upstreams { '.repeat(levels)}urn${' }'.repeat(levels)} } }` });
    }
    case 10: // unknown fields, types and operations
      return post('unknown', { query: pick([`{ ${pick(TYPES).toLowerCase()}s { urn } }`, '{ __typename nope }', 'subscription { x }', 'mutation { deleteEverything }', `{ entity(urn: ${json(hostile.slice(0, 50))}) { ... on Nope { x } } }`]) });
    case 11: // batched requests and operation-name mismatches
      return pick([post('batch', [{ query: '{ serverInfo { edition } }' }, { query: '{ serverInfo { edition } }' }]), post('op-name', { query: 'query A { serverInfo { edition } }', operationName: hostile.slice(0, 100) })]);
    case 12: // GET with a mutation or a hostile query string
      return { kind: 'get', method: 'GET', contentType: 'application/json', query: pick(['mutation { upsertDataset(input: {platform: "s3", name: "viaget"}) { urn } }', hostile.slice(0, 500), '{ serverInfo { edition } }']) };
    default: // wrong content types
      return { kind: 'content-type', method: 'POST', contentType: pick(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '']), body: json({ query: VALID_QUERIES[1] }) };
  }
}

function randomText(rand: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(Math.floor(rand() * 0xffff));
  return s;
}
