// Hostile single requests, one or more per class of RELIABILITY.md's "Hostile single requests": what
// is sent, to which server, and what the server must answer. Run by bench/hostile.ts (a table for
// RELIABILITY.md) and test/integration/hostile-requests.int.test.ts (asserted). To add a class, add a
// case here; `expect` is checked by the runner, `verify` for anything the answer alone cannot show.
import { gql, request, slowRequest, type Outcome } from './http';

/** 'tokens': tokens configured, NODE_ENV=production; 'open': the local default (anonymous ADMIN). */
export type ServerKind = 'tokens' | 'open';

export interface Tokens {
  reader: string;
  writer: string;
  admin: string;
}

export interface HostileTarget {
  base: string;
  port: number;
  tokens: Tokens;
  /** A dataset that exists (the probe reads it; some cases try to archive it). */
  seedUrn: string;
  /** Unique per run, for names a case writes or must not write. */
  tag: string;
  /** How long the client waits for an answer before it gives up. */
  timeoutMs: number;
  /** HTTP_HEADERS_TIMEOUT_MS / HTTP_REQUEST_TIMEOUT_MS the server was started with. */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
}

export interface Expectation {
  status: number | number[];
  code?: string;
  /** `extensions.limit` of a QUERY_TOO_COMPLEX refusal. */
  limit?: string;
  /** `extensions.field` of a BAD_USER_INPUT refusal. */
  field?: string;
  /** Longest acceptable time to the answer (default 2,000 ms). */
  withinMs?: number | ((t: HostileTarget) => number);
}

export interface HostileCase {
  id: string;
  /** The class, as RELIABILITY.md's table names it. */
  class: string;
  server: ServerKind;
  send(t: HostileTarget): Promise<Outcome>;
  expect: Expectation;
  /**
   * A legitimate request that the limits must let through: its answer is checked, its time and the
   * probe's latency are reported but not held to the hostile cases' limits.
   */
  control?: boolean;
  /** Checks beyond the answer (e.g. nothing was written); returns what is wrong. */
  verify?(o: Outcome, t: HostileTarget): Promise<string[]>;
}

const repeated = (n: number) => `{ ${'serverInfo { version } '.repeat(n)}}`;
const aliases = (n: number, field: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
const X = '"urn:li:dataset:(urn:li:dataPlatform:hostile,none,PROD)"';

/** c copies of `upstreams { ... }` at each of d levels under one dataset: (2^d)^2 field pairs to merge. */
function nestedRepeats(c: number, d: number): string {
  const level = (k: number): string => (k === 0 ? 'urn '.repeat(c) : `upstreams { ${level(k - 1)}} `.repeat(c));
  return `{ dataset(urn: ${X}) { ${level(d)}} }`;
}

/** Fragments that each spread the previous one under `width` aliased lists: width^depth fields once expanded. */
function fragmentBomb(width: number, depth: number): string {
  const frags = ['fragment F0 on Dataset { urn }'];
  for (let k = 1; k <= depth; k++) {
    const lists = Array.from({ length: width }, (_, i) => `l${i}: ${i % 2 ? 'downstreams' : 'upstreams'} { ...F${k - 1} }`);
    frags.push(`fragment F${k} on Dataset { ${lists.join(' ')} }`);
  }
  return `{ dataset(urn: ${X}) { ...F${depth} } } ${frags.join(' ')}`;
}

const upsert = (t: HostileTarget, name: string) => `a: upsertDataset(input: {platform: "hostile", name: "${name}-${t.tag}"}) { urn }`;
const urnOf = (t: HostileTarget, name: string) => `urn:li:dataset:(urn:li:dataPlatform:hostile,${name}-${t.tag},PROD)`;

/** Nothing the refused mutation's first field would have written is stored. */
const notWritten = (name: string) => async (_o: Outcome, t: HostileTarget) => {
  const read = await gql(t.base, { query: 'query($u: ID!) { entity(urn: $u) { urn } }', variables: { u: urnOf(t, name) } }, t.tokens.reader, 10_000);
  return read.body?.data?.entity ? [`${urnOf(t, name)} was written by a refused operation`] : [];
};

const noSuggestion = async (o: Outcome) => (/Did you mean/.test(JSON.stringify(o.body)) ? ['an error message suggests schema names'] : []);

const slowWithin = (key: 'headersTimeoutMs' | 'requestTimeoutMs') => (t: HostileTarget) => t[key] + 2_000;

export const HOSTILE_CASES: HostileCase[] = [
  {
    id: 'anonymous-hostile-body',
    class: 'no token, 50,000 repeated fields (1.2 MB), tokens required',
    server: 'tokens',
    send: (t) => gql(t.base, { query: repeated(50_000) }, undefined, t.timeoutMs),
    expect: { status: 401, code: 'UNAUTHENTICATED' },
  },
  {
    id: 'repeated-fields',
    class: 'one field repeated 50,000 times (1.2 MB)',
    server: 'tokens',
    send: (t) => gql(t.base, { query: repeated(50_000) }, t.tokens.reader, t.timeoutMs),
    expect: { status: 400, code: 'QUERY_TOO_COMPLEX', limit: 'tokens' },
  },
  {
    id: 'repeated-fields-under-token-limit',
    class: 'one field repeated 2,400 times (9,600 tokens, under the token limit)',
    server: 'tokens',
    send: (t) => gql(t.base, { query: repeated(2_400) }, t.tokens.reader, t.timeoutMs),
    expect: { status: 400, code: 'QUERY_TOO_COMPLEX', limit: 'repeatedFields' },
  },
  {
    id: 'repeated-fields-at-limit',
    class: 'one field repeated 51 times, with its subfield (100 repeats: the most allowed)',
    server: 'tokens',
    send: (t) => gql(t.base, { query: repeated(51) }, t.tokens.reader, t.timeoutMs),
    expect: { status: 200 },
  },
  {
    id: 'nested-repeats',
    class: 'repeats nested 10 deep, 2 at each level (28 KB)',
    server: 'tokens',
    send: (t) => gql(t.base, { query: nestedRepeats(2, 10) }, t.tokens.reader, t.timeoutMs),
    expect: { status: 400, code: 'QUERY_TOO_COMPLEX', limit: 'repeatedFields' },
  },
  {
    id: 'fragment-expansion',
    class: 'fragments expanding to 6^10 fields (1 KB)',
    server: 'tokens',
    send: (t) => gql(t.base, { query: fragmentBomb(6, 10) }, t.tokens.reader, t.timeoutMs),
    expect: { status: 400, code: 'QUERY_TOO_COMPLEX', limit: 'selections' },
  },
  {
    id: 'million-aliases',
    class: 'a million aliases (17 MB)',
    server: 'tokens',
    send: (t) => gql(t.base, { query: aliases(1_000_000, '__typename') }, t.tokens.reader, t.timeoutMs),
    expect: { status: 400, code: 'QUERY_TOO_COMPLEX', limit: 'tokens' },
  },
  {
    id: 'aliases',
    class: '500 aliased serverInfo reads',
    server: 'tokens',
    send: (t) => gql(t.base, { query: aliases(500, 'serverInfo { version }') }, t.tokens.reader, t.timeoutMs),
    expect: { status: 400, code: 'QUERY_TOO_COMPLEX', limit: 'aliases' },
  },
  {
    id: 'directives',
    class: '900 directives',
    server: 'tokens',
    send: (t) => gql(t.base, { query: aliases(900, '__typename @include(if: true)') }, t.tokens.reader, t.timeoutMs),
    expect: { status: 400, code: 'QUERY_TOO_COMPLEX', limit: 'directives' },
  },
  {
    id: 'depth',
    class: '3,000 levels of nesting',
    server: 'tokens',
    send: (t) => gql(t.base, { query: `{ dataset(urn: ${X}) { ${'upstreams { '.repeat(3_000)}urn${' }'.repeat(3_000)} } }` }, t.tokens.reader, t.timeoutMs),
    expect: { status: 400, code: 'QUERY_TOO_COMPLEX', limit: 'depth' },
  },
  {
    id: 'subscription',
    class: 'a subscription operation',
    server: 'tokens',
    send: (t) => gql(t.base, { query: 'subscription { serverInfo { version } }' }, t.tokens.reader, t.timeoutMs),
    expect: { status: 400, code: 'BAD_REQUEST' },
  },
  {
    id: 'field-suggestion',
    class: 'a misspelt field in production',
    server: 'tokens',
    send: (t) => gql(t.base, { query: '{ serverInf { version } }' }, t.tokens.reader, t.timeoutMs),
    expect: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
    verify: noSuggestion,
  },
  {
    id: 'enum-suggestion',
    class: 'a misspelt enum value in a variable, in production',
    server: 'tokens',
    send: (t) => gql(t.base, { query: 'query($s: [Status!]) { entities(filter: {statuses: $s}, first: 1) { totalCount } }', variables: { s: ['ARCHIVE'] } }, t.tokens.reader, t.timeoutMs),
    expect: { status: 400, code: 'BAD_USER_INPUT' },
    verify: noSuggestion,
  },
  {
    id: 'writer-archives',
    class: 'a writer: an upsert, then setStatus(ARCHIVED) in the same operation',
    server: 'tokens',
    send: (t) => gql(t.base, { query: `mutation { ${upsert(t, 'archive-literal')} b: setStatus(urn: "${t.seedUrn}", status: ARCHIVED) { urn } }` }, t.tokens.writer, t.timeoutMs),
    expect: { status: 403, code: 'FORBIDDEN' },
    verify: notWritten('archive-literal'),
  },
  {
    id: 'writer-archives-by-variable',
    class: 'a writer: the same with the status in a variable',
    server: 'tokens',
    send: (t) =>
      gql(t.base, { query: `mutation($s: Status!) { ${upsert(t, 'archive-variable')} b: setStatus(urn: "${t.seedUrn}", status: $s) { urn } }`, variables: { s: 'ARCHIVED' } }, t.tokens.writer, t.timeoutMs),
    expect: { status: 403, code: 'FORBIDDEN' },
    verify: notWritten('archive-variable'),
  },
  {
    id: 'writer-creates-token',
    class: 'a writer: an upsert, then createApiToken',
    server: 'tokens',
    send: (t) => gql(t.base, { query: `mutation { ${upsert(t, 'token')} b: createApiToken(principal: "intruder", role: ADMIN) { token } }` }, t.tokens.writer, t.timeoutMs),
    expect: { status: 403, code: 'FORBIDDEN' },
    verify: notWritten('token'),
  },
  {
    id: 'reserved-principal',
    class: 'createApiToken(principal: "anonymous")',
    server: 'tokens',
    send: (t) => gql(t.base, { query: 'mutation { createApiToken(principal: "anonymous", role: READER) { id } }' }, t.tokens.admin, t.timeoutMs),
    expect: { status: 200, code: 'BAD_USER_INPUT', field: 'principal' },
  },
  {
    id: 'bidi-override-name',
    class: 'a name with U+202E (right-to-left override)',
    server: 'tokens',
    send: (t) => gql(t.base, { query: 'mutation($i: UpsertDatasetInput!) { upsertDataset(input: $i) { urn } }', variables: { i: { platform: 'hostile', name: `invoice\u202Efdp.exe-${t.tag}` } } }, t.tokens.writer, t.timeoutMs),
    expect: { status: 200, code: 'BAD_USER_INPUT', field: 'input.name' },
  },
  {
    id: 'unnormalized-name',
    class: 'a name not in Unicode NFC (a look-alike of "café")',
    server: 'tokens',
    send: (t) => gql(t.base, { query: 'mutation($i: UpsertDatasetInput!) { upsertDataset(input: $i) { urn } }', variables: { i: { platform: 'hostile', name: `cafe\u0301-${t.tag}` } } }, t.tokens.writer, t.timeoutMs),
    expect: { status: 200, code: 'BAD_USER_INPUT', field: 'input.name' },
  },
  {
    id: 'slow-headers',
    class: 'headers sent at 1 byte/s',
    server: 'tokens',
    send: (t) => slowRequest(t.port, 'POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\n', `x-slow: ${'a'.repeat(500)}`, 1_000, t.timeoutMs),
    expect: { status: [0, 408], withinMs: slowWithin('headersTimeoutMs') },
  },
  {
    id: 'slow-body',
    class: 'a body sent at 1 byte/s',
    server: 'tokens',
    send: (t) =>
      slowRequest(
        t.port,
        `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${t.tokens.reader}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n`,
        JSON.stringify({ query: `{ serverInfo { version } }${' '.repeat(1_000)}` }).slice(0, 1_000),
        1_000,
        t.timeoutMs,
      ),
    expect: { status: [0, 408], withinMs: slowWithin('requestTimeoutMs') },
  },
  {
    id: 'dns-rebinding',
    class: 'open mode: a mutation with a foreign Host header (DNS rebinding)',
    server: 'open',
    send: (t) =>
      request(t.base, {
        body: JSON.stringify({ query: `mutation { ${upsert(t, 'rebinding')} }` }),
        headers: { host: `attacker.example:${t.port}` },
        timeoutMs: t.timeoutMs,
      }),
    expect: { status: 403, code: 'FORBIDDEN' },
    verify: notWritten('rebinding'),
  },
  {
    id: 'ingest-10000-with-variables',
    class: 'control: a 10,000-entity ingest sent with variables reaches input validation',
    server: 'tokens',
    send: (t) => {
      const datasets = Array.from({ length: 10_000 }, (_, i) => ({ platform: 'hostile', name: `bulk_${i}-${t.tag}`, tags: ['bulk'], description: 'x'.repeat(200) }));
      datasets[9_999].name = ',not-a-name'; // refused by input validation, so nothing is written
      return gql(t.base, { query: 'mutation($b: IngestBatchInput!) { ingest(batch: $b) { created } }', variables: { b: { datasets } } }, t.tokens.writer, t.timeoutMs);
    },
    control: true,
    expect: { status: 200, code: 'BAD_USER_INPUT', field: 'batch.datasets.9999.name' },
  },
];
