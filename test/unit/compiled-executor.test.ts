import { buildSchema, execute, getOperationAST, GraphQLError, parse, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compiledExecutor, type Executor } from '../../src/execution/compiled-executor';
import { CompiledQueries, DEFAULT_COMPILED_QUERIES, fieldsOf, hasJitMarker, type CompiledQueriesOptions } from '../../src/execution/compiled-queries';

// The compiled executor must answer exactly as graphql-js `execute` does: data, errors with their
// paths and extensions, nulls propagated to the nearest nullable parent, leaf values serialized.

function testSchema(): GraphQLSchema {
  const schema = buildSchema(`
    enum Kind { MODEL DATASET }
    type Item { id: ID! kind: Kind! n: Int size: Float! tags: [String!]! broken: Int! huge: Int note(prefix: String): String }
    type Query {
      item(id: ID!): Item
      items(first: Int = 2, kinds: [Kind!]): [Item!]!
      strict: Item!
      echo(s: String): String
      code: String
    }`);
  const items = [
    { id: 'a', kind: 'MODEL', n: 1, size: 1.5, tags: ['x'] },
    { id: 'b', kind: 'DATASET', n: null, size: 2, tags: [] },
    { id: 'c', kind: 'MODEL', n: 3, size: 0.25, tags: ['y', 'z'] },
  ];
  const query = schema.getQueryType()!.getFields();
  query.item.resolve = (_: unknown, { id }: { id: string }) => items.find((i) => i.id === id) ?? null;
  query.items.resolve = async (_: unknown, { first, kinds }: { first: number; kinds?: string[] }) =>
    items.filter((i) => !kinds || kinds.includes(i.kind)).slice(0, first);
  query.strict.resolve = () => null;
  query.echo.resolve = (_: unknown, { s }: { s: string }) => s;
  query.code.resolve = () => {
    throw new GraphQLError('not found', { extensions: { code: 'NOT_FOUND', urn: 'x' } });
  };
  const item = schema.getTypeMap().Item as unknown as { getFields(): Record<string, { resolve?: unknown }> };
  item.getFields().broken.resolve = () => Promise.reject(new Error('boom'));
  item.getFields().huge.resolve = () => 2 ** 40;
  item.getFields().note.resolve = (i: { id: string }, { prefix }: { prefix?: string }) => `${prefix ?? ''}${i.id}`;
  return schema;
}

const options = (o: Partial<CompiledQueriesOptions>): CompiledQueriesOptions => ({ ...DEFAULT_COMPILED_QUERIES, ...o });

/** What a caller sees: JSON of data and errors (message, locations, path, extensions). */
const asJson = (r: ExecutionResult) => JSON.parse(JSON.stringify(r));

function run(executor: Executor, query: string, variables?: Record<string, unknown>, operationName?: string) {
  const document = parse(query);
  const operation = getOperationAST(document, operationName) ?? undefined;
  // The executor reads what Apollo's gateway request context carries.
  return executor({ document, operation, queryHash: query, request: { query, variables, operationName }, context: {} } as never);
}

const OPERATIONS: { name: string; query: string; variables?: Record<string, unknown> }[] = ([
  ['lookup with a variable', 'query One($id: ID!) { item(id: $id) { id kind n size tags } }', { id: 'a' }],
  ['a list with defaults, aliases, fragments and __typename', '{ items { ...F other: note(prefix: "p-") } } fragment F on Item { __typename id note }'],
  ['enum list variables', 'query ($k: [Kind!]) { items(first: 5, kinds: $k) { id kind } }', { k: ['MODEL'] }],
  ['a resolver error with extensions beside data', '{ code item(id: "b") { id n } }'],
  ['a non-null field failing nulls its nullable parent', '{ item(id: "a") { id broken } items { id } }'],
  ['a non-null list item failing nulls the whole list up to data', '{ items { id broken } }'],
  ['a non-null root field returning null', '{ strict { id } echo(s: "still here") }'],
  ['an Int out of range is a field error', '{ item(id: "c") { id huge } }'],
  ['skip and include', 'query ($no: Boolean!) { item(id: "a") { id n @skip(if: $no) tags @include(if: $no) } }', { no: true }],
  ['a bad variable is refused as graphql-js words it', 'query ($k: [Kind!]) { items(kinds: $k) { id } }', { k: ['NOPE'] }],
  ['a missing required variable', 'query ($id: ID!) { item(id: $id) { id } }', {}],
] as [string, string, Record<string, unknown>?][]).map(([name, query, variables]) => ({ name, query, variables }));

describe('compiled executor', () => {
  const schema = testSchema();

  it.each(OPERATIONS)('$name: answers as graphql-js execute does, once compiled', async ({ query, variables }) => {
    const queries = new CompiledQueries(schema, options({ max: 10, compileAfter: 0 }));
    const compiled = await run(compiledExecutor(queries), query, variables);
    const expected = await execute({ schema, document: parse(query), variableValues: variables, contextValue: {} });
    expect(asJson(compiled)).toEqual(asJson(expected));
    expect(queries.compiled).toBe(1);
  });

  it('runs an operation through graphql-js until it has been seen compileAfter times', async () => {
    const queries = new CompiledQueries(schema, options({ max: 10, compileAfter: 1 }));
    const executor = compiledExecutor(queries);
    const query = '{ item(id: "a") { id } }';
    expect(asJson(await run(executor, query))).toEqual({ data: { item: { id: 'a' } } });
    expect(queries.compiled).toBe(0);
    expect(asJson(await run(executor, query))).toEqual({ data: { item: { id: 'a' } } });
    expect(queries.compiled).toBe(1);
  });

  it('keeps at most max operations, dropping the least recently run', () => {
    const queries = new CompiledQueries(schema, options({ max: 2, compileAfter: 0 }));
    const doc = (id: string) => parse(`{ item(id: "${id}") { id } }`);
    const a = queries.get('a', doc('a'), undefined);
    queries.get('b', doc('b'), undefined);
    const c = queries.get('c', doc('c'), undefined);
    expect(queries.size).toBe(2);
    // "a" was dropped when "c" came: it is compiled anew, and "b" (now the oldest) goes.
    const again = queries.get('a', doc('a'), undefined);
    expect(again).toBeDefined();
    expect(again).not.toBe(a);
    expect(queries.get('c', doc('c'), undefined)).toBe(c);
    expect(queries.size).toBe(2);
  });

  it('counts the fields of an operation with its fragments expanded, up to a cap', () => {
    const doc = parse('query A { items { ...F other: items { ...F } } } query B { code } fragment F on Item { id n tags }');
    expect(fieldsOf(doc, 'A', 100)).toBe(1 + 3 + 1 + 3);
    expect(fieldsOf(doc, 'B', 100)).toBe(1);
    expect(fieldsOf(doc, 'A', 5)).toBe(6);
  });

  it('leaves an operation with more than maxFields fields to graphql-js', async () => {
    const queries = new CompiledQueries(schema, options({ compileAfter: 0, maxFields: 3 }));
    const executor = compiledExecutor(queries);
    expect(asJson(await run(executor, '{ item(id: "a") { id n tags } }'))).toEqual({ data: { item: { id: 'a', n: 1, tags: ['x'] } } });
    expect(queries.compiled).toBe(0);
    await run(executor, '{ item(id: "a") { id n } }');
    expect(queries.compiled).toBe(1);
  });

  it('keeps at most budgetFields fields of compiled operations, dropping the least recently run', () => {
    const queries = new CompiledQueries(schema, options({ compileAfter: 0, budgetFields: 5 }));
    const doc = (id: string) => parse(`{ item(id: "${id}") { id n } }`);
    for (const id of ['a', 'b']) queries.get(id, doc(id), undefined);
    // Each is 3 fields: the second pushed the first out.
    expect(queries.compiledFields).toBe(3);
    expect(queries.compiled).toBe(1);
    expect(queries.size).toBe(1);
  });

  it('tells apart the operations of one document by name', async () => {
    const queries = new CompiledQueries(schema, options({ max: 10, compileAfter: 0 }));
    const executor = compiledExecutor(queries);
    const query = 'query A { item(id: "a") { id } } query B { item(id: "b") { id } }';
    expect(asJson(await run(executor, query, undefined, 'A'))).toEqual({ data: { item: { id: 'a' } } });
    expect(asJson(await run(executor, query, undefined, 'B'))).toEqual({ data: { item: { id: 'b' } } });
    expect(queries.compiled).toBe(2);
  });

  describe('an operation graphql-jit must not compile', () => {
    // graphql-jit 0.8.9 turns a string literal starting with its date marker into code: this one
    // would set globalThis.__jitInjected if it were compiled.
    const payload = '__MAGIC_DATE__33a9e76d_02e0_4128_8e92_3530ad3da74d0)+(globalThis.__jitInjected=1)+(0';
    const query = `{ echo(s: ${JSON.stringify(payload)}) }`;

    it('is recognised by the marker in any string literal', () => {
      expect(hasJitMarker(parse(query))).toBe(true);
      expect(hasJitMarker(parse('query ($s: String = "a __MAGIC_NAN__ b") { echo(s: $s) }'))).toBe(true);
      expect(hasJitMarker(parse('{ echo(s: """block __MAGIC_ text""") }'))).toBe(true);
      expect(hasJitMarker(parse('{ echo(s: "__MAGIC") item(id: "a") { id } }'))).toBe(false);
    });

    it('answers through graphql-js, the string as it was sent, and runs no code of it', async () => {
      const queries = new CompiledQueries(schema, options({ max: 10, compileAfter: 0 }));
      const executor = compiledExecutor(queries);
      expect(asJson(await run(executor, query))).toEqual({ data: { echo: payload } });
      expect(asJson(await run(executor, query))).toEqual({ data: { echo: payload } });
      expect(queries.compiled).toBe(0);
      expect((globalThis as { __jitInjected?: unknown }).__jitInjected).toBeUndefined();
    });
  });
});
