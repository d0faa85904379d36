import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../../context';
import { projectionOf } from './projection';

/**
 * Before an operation runs, tells the request's loaders which stored properties it selects on each
 * entity type (see projection.ts), so they read those and nothing else; and lets a query (not a
 * mutation) be answered from the read cache (src/graph/read-cache.ts).
 */
export const projectionPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, document, operation, operationName, schema }) {
        contextValue.scope.projection = projectionOf(schema, document, operationName);
        if (operation?.operation === 'query') contextValue.graph.cacheReads();
      },
    };
  },
};
