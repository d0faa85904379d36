import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context';
import { ResponseTooLargeError } from '../limits/answer-budget';

/**
 * Caps the answer's size: the request's AnswerBudget (context `scope.answer`) counts the data as it
 * enters the answer and fails every field past `maxBytes`; the response is then only a
 * RESPONSE_TOO_LARGE error naming the limit, never a cut answer. Memory stays near `maxBytes` plus
 * what was in flight.
 *
 * Counting where data enters (the entity loader, history) rather than per resolved field keeps
 * Apollo from wrapping every field's resolver (`willResolveField`), which cost about 15% of the
 * server's CPU on a UI page (BENCHMARKS.md).
 */
export function responseSizePlugin(maxBytes: number): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      contextValue.scope.answer.maxBytes = maxBytes;
      return {
        async willSendResponse({ response }) {
          if (!contextValue.scope.answer.exceeded || response.body.kind !== 'single') return;
          const error = new ResponseTooLargeError(maxBytes);
          response.body.singleResult = { errors: [{ message: error.message, extensions: error.extensions }] };
        },
      };
    },
  };
}
