import { buildSchema, GraphQLError, parse, validate } from 'graphql';
import { Neo4jError } from 'neo4j-driver';
import pino from 'pino';
import { ArgumentValidationError } from 'type-graphql';
import { ErrorCode } from '../../src/errors/error-code';
import { BadUserInputError, NotFoundError, UnavailableError } from '../../src/errors/errors';
import { createFormatError, enumValuesOf, literalErrorField, variableErrorField } from '../../src/errors/format-error';
import { mapNeo4jError } from '../../src/graph/neo4j-errors';

const logged: unknown[] = [];
const log = pino({ level: 'error' }, { write: (line: string) => void logged.push(JSON.parse(line)) });
const formatError = createFormatError(log);

describe('mapNeo4jError', () => {
  it.each([
    ['ServiceUnavailable', ErrorCode.UNAVAILABLE],
    ['SessionExpired', ErrorCode.UNAVAILABLE],
    ['Neo.ClientError.Schema.ConstraintValidationFailed', ErrorCode.CONFLICT],
    ['Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', ErrorCode.TIMEOUT],
    ['Neo.ClientError.Security.Unauthorized', ErrorCode.UNAVAILABLE],
    ['Neo.ClientError.Security.AuthenticationRateLimit', ErrorCode.UNAVAILABLE],
    ['Neo.TransientError.General.MemoryPoolOutOfMemoryError', ErrorCode.QUERY_TOO_COMPLEX],
    ['Neo.ClientError.General.TransactionOutOfMemoryError', ErrorCode.QUERY_TOO_COMPLEX],
  ])('maps %s to %s', (neo4jCode, code) => {
    const mapped = mapNeo4jError(new Neo4jError('boom', neo4jCode, 'GQL', 'desc')) as GraphQLError;
    expect(mapped.extensions.code).toBe(code);
  });

  it('maps a connection-pool acquisition timeout to UNAVAILABLE with a Retry-After, not to an outage', () => {
    // What the driver's pool raises (neo4j-driver-core internal/pool/pool.js): no server code.
    const busy = new Neo4jError('Connection acquisition timed out in 10000 ms. Pool status: Active conn count = 100, Idle conn count = 0.', 'N/A', '50N42', 'desc');
    const mapped = mapNeo4jError(busy) as GraphQLError;
    expect(mapped.extensions).toEqual({ code: ErrorCode.UNAVAILABLE, retryAfter: 1 });
    expect(mapped.message).not.toMatch(/Pool status/);
    expect(mapped).not.toBeInstanceOf(UnavailableError); // the outage guard opens only for UnavailableError
  });

  it('says what to do about a transaction out of memory, and counts refused credentials as an outage', () => {
    const memory = mapNeo4jError(new Neo4jError('pool', 'Neo.TransientError.General.MemoryPoolOutOfMemoryError', 'GQL', 'desc')) as GraphQLError;
    expect(memory.extensions).toMatchObject({ code: ErrorCode.QUERY_TOO_COMPLEX, limit: 'transactionMemory' });
    expect(memory.message).toMatch(/fewer or smaller entities per call/);
    const auth = mapNeo4jError(new Neo4jError('no', 'Neo.ClientError.Security.Unauthorized', 'GQL', 'desc'));
    expect(auth).toBeInstanceOf(UnavailableError); // opens the outage guard: every call fails at once
    expect((auth as GraphQLError).message).toMatch(/NEO4J_PASSWORD/);
  });

  it('leaves other errors as they are (formatError masks them later)', () => {
    const original = new Neo4jError('syntax', 'Neo.ClientError.Statement.SyntaxError', 'GQL', 'desc');
    expect(mapNeo4jError(original)).toBe(original);
  });
});

describe('formatError', () => {
  it('masks unexpected errors as INTERNAL_SERVER_ERROR without their message, and logs them', () => {
    logged.length = 0;
    const secret = new Error('password=hunter2 at bolt://db');
    const out = formatError({ message: secret.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, secret);
    expect(out.message).toBe('Internal server error');
    expect(out.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(JSON.stringify(logged)).toContain('hunter2');
  });

  it('keeps our own errors with their code and offending field', () => {
    const err = new BadUserInputError('name must start with a letter or digit', 'input.name');
    const out = formatError({ message: err.message, extensions: err.extensions }, err);
    expect(out.message).toBe(err.message);
    expect(out.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    const nf = new NotFoundError('unknown', ['urn:li:x']);
    expect(formatError({ message: nf.message }, nf).extensions).toMatchObject({ code: 'NOT_FOUND', urns: ['urn:li:x'] });
  });

  it('turns class-validator failures into BAD_USER_INPUT naming the nested field', () => {
    const err = new ArgumentValidationError([
      {
        property: 'input',
        children: [{ property: 'name', constraints: { length: 'name must be 1-255 characters' }, children: [] }],
      },
    ] as any);
    const out = formatError({ message: err.message }, err);
    expect(out.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    expect(out.message).toContain('name must be 1-255 characters');
  });

  it('names the field of variable-coercion errors (bad enum values, missing or unknown fields)', () => {
    const enumMsg = 'Variable "$input" got invalid value "DONE" at "input.runStatus"; Value "DONE" does not exist in "RunStatus" enum.';
    const out = formatError({ message: enumMsg, extensions: { code: 'BAD_USER_INPUT' } }, new GraphQLError(enumMsg));
    expect(out.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.runStatus' });
    expect(out.message).toBe(enumMsg);
    expect(
      variableErrorField('Variable "$input" got invalid value 3 at "input.sourceCode[0].url"; String cannot represent a non string value: 3'),
    ).toBe('input.sourceCode.0.url');
    expect(
      variableErrorField('Variable "$input" got invalid value { a: "x at \\"input.b\\"; " }; Field "platform" of required type "String!" was not provided.'),
    ).toBe('input.platform');
    expect(variableErrorField('Variable "$batch" got invalid value {} at "batch.models[2]"; Field "nme" is not defined by type "UpsertModelInput". Did you mean "name"?')).toBe(
      'batch.models.2.nme',
    );
    expect(variableErrorField('Variable "$input" of required type "UpsertModelInput!" was not provided.')).toBe('input');
    expect(variableErrorField('Cannot query field "x" on type "Query".')).toBeUndefined();
  });

  it('passes GraphQL request errors through', () => {
    const out = formatError({ message: 'Syntax Error', extensions: { code: 'GRAPHQL_PARSE_FAILED' } }, new GraphQLError('x'));
    expect(out.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });
});

describe('formatError without suggestions (production)', () => {
  const quiet = createFormatError(log, { suggestions: false });
  it.each([
    ['a field', 'Cannot query field "serverInf" on type "Query". Did you mean "serverInfo"?', 'Cannot query field "serverInf" on type "Query".'],
    ['several names', 'Unknown argument "frist" on field "Query.entities". Did you mean "first", "filter", or "after"?', 'Unknown argument "frist" on field "Query.entities".'],
    [
      'an enum value in a variable',
      'Variable "$s" got invalid value "ARCHIVE"; Value "ARCHIVE" does not exist in "Status" enum. Did you mean the enum value "ARCHIVED" or "ACTIVE"?',
      'Variable "$s" got invalid value "ARCHIVE"; Value "ARCHIVE" does not exist in "Status" enum.',
    ],
    ['a type', 'Unknown type "Datset". Did you mean "Dataset"?', 'Unknown type "Datset".'],
  ])('cuts the hint from %s', (_what, message, expected) => {
    const out = quiet({ message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, new GraphQLError(message));
    expect(out.message).toBe(expected);
    expect(formatError({ message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, new GraphQLError(message)).message).toBe(message);
  });
});

describe('enum errors list the valid values', () => {
  const schema = buildSchema(`enum Env { PROD DEV } type Query { f(env: Env): Int }`);
  const withValues = createFormatError(log, { suggestions: true, enumValues: enumValuesOf(schema) });
  const quietWithValues = createFormatError(log, { suggestions: false, enumValues: enumValuesOf(schema) });
  const messages = (query: string) => validate(schema, parse(query)).map((e) => e.message);

  it.each([
    ['an unknown enum literal', '{ f(env: prod) }'],
    ['a string where an enum goes', '{ f(env: "PROD") }'],
  ])('%s: graphql-js words it so that the enum is found', (_case, query) => {
    const [message] = messages(query);
    const out = withValues({ message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, new Error(message));
    expect(out.message).toBe(`${message} Valid values: PROD, DEV.`);
    expect(out.extensions?.validValues).toEqual(['PROD', 'DEV']);
  });

  it('in variables, and not without suggestions (production), nor for other errors', () => {
    const message = 'Variable "$i" got invalid value "prod" at "i.env"; Value "prod" does not exist in "Env" enum. Did you mean the enum value "PROD"?';
    const formatted = { message, extensions: { code: 'BAD_USER_INPUT' } };
    expect(withValues(formatted, new Error(message)).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'i.env', validValues: ['PROD', 'DEV'] });
    expect(quietWithValues(formatted, new Error(message)).extensions?.validValues).toBeUndefined();
    const other = { message: 'Cannot query field "g" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
    expect(withValues(other, new Error(other.message))).toEqual(other);
  });
});

describe('invalid literals in the operation name their field', () => {
  const schema = buildSchema(`
    enum Env { PROD DEV }
    input Tag { name: String! }
    input Filter { env: Env, tags: [Tag!] }
    type Query { entities(filter: Filter, first: Int): Int }`);
  const errorOf = (query: string) => validate(schema, parse(query))[0];

  it.each([
    ['an enum value in an input field', '{ entities(filter: {env: prod}) }', 'filter.env'],
    ['a wrong scalar in an argument', '{ entities(first: "ten") }', 'first'],
    ['an input object in a list without its required field', '{ entities(filter: {tags: [{name: "a"}, {}]}) }', 'filter.tags.1'],
  ])('%s', (_case, query, field) => {
    const error = errorOf(query);
    expect(literalErrorField(error)).toBe(field);
    expect(formatError({ message: error.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, error).extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', field });
  });

  it('and nothing for an error outside any argument', () => {
    expect(literalErrorField(errorOf('{ nope }'))).toBeUndefined();
  });
});
