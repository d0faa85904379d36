import fs from 'node:fs';
import path from 'node:path';
import { getIntrospectionQuery } from 'graphql';
import { DEFAULT_QUERY_LIMITS, PROJECT_ROOT } from '../../src/config';
import * as operationCheck from '../../src/http/operation-check';
import { checkOperation, type EarlyRules } from '../../src/http/operation-check';
import { checkOperationFirst } from '../../src/http/front-door';
import { createMetrics } from '../../src/metrics/metrics';
import { validationLimitRules } from '../../src/http/validation-limits';
import { createSchema } from '../../src/schema';

const check = (query: string, operationName?: string) => checkOperation(query, operationName, DEFAULT_QUERY_LIMITS);
const repeated = (n: number) => `{ ${'__typename '.repeat(n)}}`;

describe('checkOperation (before GraphQL validation)', () => {
  it('lets every example operation, the introspection query and an ingest sent with variables through', () => {
    const dir = path.join(PROJECT_ROOT, 'schema', 'examples');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.graphql'));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) expect({ f, refusal: check(fs.readFileSync(path.join(dir, f), 'utf8')) }).toEqual({ f, refusal: null });
    expect(check(getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, inputValueDeprecation: true }))).toBeNull();
    expect(check('mutation($b: IngestBatchInput!) { ingest(batch: $b) { created updated unchanged } }')).toBeNull();
  });

  it('refuses more than MAX_QUERY_TOKENS tokens, counting no further than the limit', () => {
    const limits = { ...DEFAULT_QUERY_LIMITS, maxTokens: 10 };
    expect(checkOperation('{ a b c d e f g h }', undefined, limits)).toBeNull(); // 10 tokens
    expect(checkOperation('{ a b c d e f g h i }', undefined, limits)).toMatchObject({ status: 400, code: 'QUERY_TOO_COMPLEX', limit: 'tokens', extensions: { maxTokens: 10 } });
    // a million aliases: refused without lexing the whole text
    const huge = `{ ${Array.from({ length: 1_000_000 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    expect(check(huge)).toMatchObject({ limit: 'tokens' });
  });

  it('refuses a field selected again at the same place more than MAX_REPEATED_FIELDS times', () => {
    expect(check(repeated(DEFAULT_QUERY_LIMITS.maxRepeatedFields + 1))).toBeNull(); // the first is no repeat
    expect(check(repeated(DEFAULT_QUERY_LIMITS.maxRepeatedFields + 2))).toMatchObject({ limit: 'repeatedFields', extensions: { maxRepeatedFields: 100 } });
    // the fields under a repeated field repeat too: validation compares them pair by pair as well
    expect(check(`{ ${'serverInfo { version } '.repeat(51)}}`)).toBeNull(); // 50 + 50
    expect(check(`{ ${'serverInfo { version } '.repeat(52)}}`)).toMatchObject({ limit: 'repeatedFields' });
  });

  it('counts repeats by response path: aliases and different parents are not repeats, nested copies are', () => {
    const aliased = `{ ${Array.from({ length: 100 }, (_, i) => `a${i}: serverInfo { version }`).join(' ')} }`;
    expect(check(aliased)).toBeNull();
    const underDifferentParents = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: dataset(urn: "x") { urn urn }`).join(' ')} }`;
    expect(check(underDifferentParents(100))).toBeNull(); // one repeat under each of 100 parents
    expect(check(underDifferentParents(101))).toMatchObject({ limit: 'repeatedFields' });
    const nested = (c: number, d: number): string => (d === 0 ? 'urn '.repeat(c) : `upstreams { ${nested(c, d - 1)}} `.repeat(c));
    expect(check(`{ dataset(urn: "x") { ${nested(2, 4)}} }`)).toBeNull(); // 2^k - 1 repeats at each level k: 57
    expect(check(`{ dataset(urn: "x") { ${nested(2, 5)}} }`)).toMatchObject({ limit: 'repeatedFields' }); // 120
  });

  it('sees repeats through inline fragments, fragment spreads and unused fragments', () => {
    const inline = `{ ${'... on Query { __typename } '.repeat(150)}}`;
    expect(check(inline)).toMatchObject({ limit: 'repeatedFields' });
    const spread = `{ ${'...F '.repeat(150)}} fragment F on Query { __typename }`;
    expect(check(spread)).toMatchObject({ limit: 'repeatedFields' });
    const unused = `{ __typename } fragment F on Query { ${'__typename '.repeat(150)}}`;
    expect(check(unused)).toMatchObject({ limit: 'repeatedFields' });
  });

  it('refuses fragments that expand past MAX_QUERY_SELECTIONS, and stops walking there', () => {
    const frags = ['fragment F0 on Dataset { urn }'];
    for (let k = 1; k <= 30; k++) frags.push(`fragment F${k} on Dataset { a: upstreams { ...F${k - 1} } b: downstreams { ...F${k - 1} } }`);
    // 2^30 fields once expanded: refused after at most MAX_QUERY_SELECTIONS steps
    expect(check(`{ dataset(urn: "x") { ...F30 } } ${frags.join(' ')}`)).toMatchObject({ limit: 'selections', extensions: { maxSelections: 5_000 } });
  });

  it('does not loop on fragments that spread themselves (validation reports those)', () => {
    expect(check('{ ...A } fragment A on Query { __typename ...B } fragment B on Query { ...A }')).toBeNull();
  });

  it('refuses a subscription with BAD_REQUEST, and leaves text that does not parse to GraphQL', () => {
    expect(check('subscription { serverInfo { version } }')).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
    expect(check('query A { __typename } subscription B { x }', 'B')).toMatchObject({ code: 'BAD_REQUEST' });
    expect(check('query A { __typename } subscription B { x }', 'A')).toBeNull();
    expect(check('{ unterminated')).toBeNull();
  });

  it('refuses nesting too deep for the parser as a depth limit, without throwing', () => {
    const deep = `{ ${'a { '.repeat(20_000)}b${' }'.repeat(20_000)} }`;
    expect(checkOperation(deep, undefined, { ...DEFAULT_QUERY_LIMITS, maxTokens: 100_000 })).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'depth' });
  });
});

describe('checkOperation with graphql-armor\'s rules run early', () => {
  let early: EarlyRules;
  beforeAll(async () => {
    early = { schema: await createSchema(), rules: validationLimitRules(DEFAULT_QUERY_LIMITS, 'throw') };
  });
  const checkEarly = (query: string) => checkOperation(query, undefined, DEFAULT_QUERY_LIMITS, early);
  const aliased = (n: number, field: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
  const nested = (levels: number) => `{ dataset(urn: "x") { ${'upstreams { '.repeat(levels)}urn${' }'.repeat(levels)} } }`;

  it('refuses more than MAX_QUERY_ALIASES aliases, counting those in fragments', () => {
    expect(checkEarly(aliased(100, 'serverInfo { version }'))).toBeNull();
    expect(checkEarly(aliased(101, 'serverInfo { version }'))).toMatchObject({
      status: 400,
      code: 'QUERY_TOO_COMPLEX',
      limit: 'aliases',
      extensions: { maxAliases: 100, found: 101 },
    });
    expect(checkEarly(`{ ...F ...G } fragment F on Query { ${aliased(60, 'serverInfo { version }').slice(1, -1)} } fragment G on Query { ${aliased(60, 'serverInfo { edition }').slice(1, -1).replace(/a(\d+):/g, 'b$1:')} }`)).toMatchObject({ limit: 'aliases' });
  });

  it('refuses more than MAX_QUERY_DIRECTIVES directives', () => {
    expect(checkEarly(`{ ${'__typename @include(if: true) '.repeat(50)}}`)).toBeNull();
    expect(checkEarly(`{ ${'__typename @include(if: true) '.repeat(51)}}`)).toMatchObject({ limit: 'directives', extensions: { maxDirectives: 50, found: 51 } });
  });

  it('keeps MAX_QUERY_DEPTH\'s meaning: top fields are level 0, fragments add no level', () => {
    expect(checkEarly(nested(11))).toBeNull(); // urn at level 12
    expect(checkEarly(nested(12))).toMatchObject({ limit: 'depth', extensions: { maxDepth: 12, found: 13 } });
    const viaFragment = `{ dataset(urn: "x") { ...F } } fragment F on Dataset { ${'upstreams { '.repeat(11)}urn${' }'.repeat(11)} }`;
    expect(checkEarly(viaFragment)).toBeNull();
  });

  it('leaves ordinary validation errors to Apollo', () => {
    expect(checkEarly('{ nope }')).toBeNull();
  });
});

describe('checkOperationFirst (the check before Apollo, on every request)', () => {
  const run = (handler: ReturnType<typeof checkOperationFirst>, body: object) => {
    let status = 0;
    let passed = false;
    const res = { req: { complete: true }, setHeader() {}, status(s: number) { status = s; return this; }, json() {} };
    handler({ method: 'POST', body } as never, res as never, () => (passed = true));
    return passed ? 'next' : status;
  };

  it('checks a text that passed once only once, a refused one every time, and tells operation names apart', () => {
    const spy = jest.spyOn(operationCheck, 'checkOperation');
    try {
      const handler = checkOperationFirst({ ...DEFAULT_QUERY_LIMITS, maxTokens: 10 }, createMetrics());
      expect(run(handler, { query: '{ a b }' })).toBe('next');
      expect(run(handler, { query: '{ a b }' })).toBe('next');
      expect(spy).toHaveBeenCalledTimes(1);
      expect(run(handler, { query: '{ a b c d e f g h i }' })).toBe(400);
      expect(run(handler, { query: '{ a b c d e f g h i }' })).toBe(400);
      expect(spy).toHaveBeenCalledTimes(3);
      // Another operation name, or a name and text that join to the same characters: checked anew.
      expect(run(handler, { query: '{ a b }', operationName: 'X' })).toBe('next');
      expect(run(handler, { query: 'query X { a b }' })).toBe('next');
      expect(run(handler, { query: '{ a b }', operationName: 'query X ' })).toBe('next');
      expect(spy).toHaveBeenCalledTimes(6);
    } finally {
      spy.mockRestore();
    }
  });
});
