import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import { execute, getVariableValues } from 'graphql';
import type { CompiledQueries } from './compiled-queries';

/** Which engine runs operations (GRAPHQL_EXECUTOR): graphql-jit's compiled code, or graphql-js's `execute`. */
export type ExecutorName = 'compiled' | 'graphql-js';

type Gateway = ApolloServerOptionsWithGateway<never>['gateway'];
export type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;

/**
 * Runs an operation through its compiled form when `queries` has one (an operation seen before),
 * through graphql-js `execute` otherwise; both answer the same. Apollo has already parsed, validated
 * and resolved the operation and run its plugins; this only executes.
 *
 * Variables are coerced by graphql-js: its errors are the API's (Apollo makes them BAD_USER_INPUT,
 * formatError names the field), and graphql-jit 0.8.9 words its own differently and refuses an
 * omitted non-null input field that has a default (`primaryUsers: [String!]! = []`) where the spec
 * and graphql-js take the default. The compiled query is given graphql-js's coerced values, which it
 * coerces once more without change: every enum value of the schema is its own name and DateTime
 * takes a Date (test/contract/compiled-variables.test.ts).
 */
export function compiledExecutor(queries: CompiledQueries): Executor {
  const { schema } = queries;
  return async ({ document, request, operation, queryHash, context }) => {
    const { operationName, variables } = request;
    // Without a resolved operation graphql-js words the error (no operation, or which one?).
    const compiled = operation && queryHash ? queries.get(`${operationName ?? ''}:${queryHash}`, document, operationName) : undefined;
    if (!operation || !compiled) return execute({ schema, document, contextValue: context, variableValues: variables, operationName });
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, { maxErrors: 50 });
    if (coerced.errors) return { errors: coerced.errors };
    return compiled.query(undefined, context, coerced.coerced);
  };
}

/**
 * Apollo Server's way to take over execution: a gateway that serves the one schema of `queries` (it
 * never changes) and the executor above. Plugins, validation rules and formatError apply as they do
 * without it.
 */
export function compiledGateway(queries: CompiledQueries): Gateway {
  const executor = compiledExecutor(queries);
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: queries.schema, coreSupergraphSdl: '' });
      return () => {};
    },
    load: async () => ({ executor }),
    stop: async () => {},
  };
}
