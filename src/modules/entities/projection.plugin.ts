import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../../context';
import { projectionOf } from './projection';

/**
 * Before an operation runs, tells the request's loaders which stored properties it selects on each
 * entity type (see projection.ts), so they read those and nothing else.
 */
export const projectionPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, document, operationName, schema }) {
        contextValue.scope.projection = projectionOf(schema, document, operationName);
      },
    };
  },
};
