import fs from 'node:fs';
import path from 'node:path';
import { getVariableValues, isEnumType, parse, type GraphQLScalarType, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { compileVariableParsing } from 'graphql-jit/dist/variables';
import { PROJECT_ROOT } from '../../src/config';
import { createSchema } from '../../src/schema';

// The compiled executor coerces variables with graphql-js and hands the coerced values to the
// compiled query, which coerces them once more (src/execution/compiled-executor.ts). That second
// coercion must change nothing, or the two executors would see different arguments.

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await createSchema();
});

/** graphql-js's coerced variables of `operation`, then graphql-jit's coercion of those. */
function coerceTwice(operation: string, variables: Record<string, unknown>) {
  const definitions = (parse(operation).definitions[0] as OperationDefinitionNode).variableDefinitions ?? [];
  const once = getVariableValues(schema, definitions, variables);
  if (once.errors) throw once.errors[0];
  const twice = compileVariableParsing(schema, definitions)(once.coerced);
  return { once: once.coerced, twice };
}

describe('graphql-jit keeps what graphql-js coerced', () => {
  it('every enum value of the schema is its own name (graphql-jit coerces enum variables by name)', () => {
    const renamed = Object.values(schema.getTypeMap())
      .filter(isEnumType)
      .flatMap((e) => e.getValues().filter((v) => v.value !== v.name).map((v) => `${e.name}.${v.name}`));
    expect(renamed).toEqual([]);
  });

  it('DateTime takes back the Date it made', () => {
    const dateTime = schema.getType('DateTime') as GraphQLScalarType;
    const date = dateTime.parseValue('2024-06-01T10:00:00.000Z') as Date;
    expect(dateTime.parseValue(date)).toEqual(date);
  });

  it('an ingest batch (examples/ci-batch.json) comes out as it went in', () => {
    const batch = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'examples', 'ci-batch.json'), 'utf8'));
    const { once, twice } = coerceTwice('mutation ($b: IngestBatchInput!) { ingest(batch: $b) { created } }', { b: batch });
    expect(twice).toEqual({ errors: undefined, coerced: once });
  });

  it('a model card with omitted defaults, enums, times and lists comes out as it went in', () => {
    const input = {
      platform: 'p',
      name: 'churn',
      env: 'DEV',
      eventTime: '2024-05-01T08:00:00Z',
      intendedUse: { primaryUses: ['rank customers'] },
      metrics: [{ name: 'loss', value: 1, step: 10, timestamp: '2024-06-01T10:00:00.000Z' }],
      customProperties: [{ key: 'team', value: 'growth' }],
    };
    const { once, twice } = coerceTwice('mutation ($input: UpsertModelInput!, $at: DateTime = "2024-01-01T00:00:00Z") { upsertModel(input: $input) { urn } }', { input });
    expect(twice).toEqual({ errors: undefined, coerced: once });
    // graphql-js filled in the defaults graphql-jit would have refused to (non-null fields with one).
    expect((once.input as { intendedUse: unknown }).intendedUse).toEqual({ primaryUses: ['rank customers'], primaryUsers: [], outOfScopeUses: [] });
  });
});
