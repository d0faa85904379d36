import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context';
import { ErrorCode } from '../errors/error-code';

/**
 * Sets the `Retry-After` HTTP header (seconds) when an error says the server is busy: an
 * UNAVAILABLE error carrying `extensions.retryAfter` (a full connection pool, every lineage walk
 * slot taken). The longest wait asked for wins. The status stays as GraphQL over HTTP gives it.
 */
export const retryAfterPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const waits = (response.body.singleResult.errors ?? [])
          .filter((e) => e.extensions?.code === ErrorCode.UNAVAILABLE && typeof e.extensions.retryAfter === 'number')
          .map((e) => e.extensions!.retryAfter as number);
        if (waits.length) response.http.headers.set('retry-after', String(Math.max(...waits)));
      },
    };
  },
};
