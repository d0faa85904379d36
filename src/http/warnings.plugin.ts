import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context';

/** Copies the warnings resolvers collected (e.g. a DEPRECATED input) into `extensions.warnings`. */
export const warningsPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        if (response.body.kind !== 'single' || contextValue.warnings.length === 0) return;
        const result = response.body.singleResult;
        result.extensions = { ...result.extensions, warnings: contextValue.warnings };
      },
    };
  },
};
