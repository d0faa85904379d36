import type { ApolloServerPlugin } from '@apollo/server';
import { getNamedType, isLeafType, type GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context';
import { ErrorCode } from '../errors/error-code';
import { AppError } from '../errors/errors';

/** Default of MAX_RESPONSE_BYTES: 16 MiB of JSON. */
export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

class ResponseTooLargeError extends AppError {
  constructor(maxBytes: number) {
    super(
      `The answer would be larger than the allowed ${maxBytes} bytes of JSON; ask for fewer items (first) or fewer fields.`,
      ErrorCode.RESPONSE_TOO_LARGE,
      { maxBytes },
    );
  }
}

/** About the JSON size one resolved field adds to the answer: its key and its value (composites by their brackets). */
function sizeOf(info: GraphQLResolveInfo, value: unknown): number {
  const key = String(info.path.key).length + 4; // "key": and a comma
  if (isLeafType(getNamedType(info.returnType))) return key + (value === undefined ? 4 : (JSON.stringify(value)?.length ?? 4));
  return key + (Array.isArray(value) ? 2 + value.length * 3 : 2);
}

/**
 * Caps the answer's size: counts the JSON every resolved field adds while the answer is built, and
 * once past `maxBytes` fails every field still to resolve (so no more is loaded or built), then
 * answers with only a RESPONSE_TOO_LARGE error naming the limit instead of a cut answer. Memory
 * stays near `maxBytes` plus what was in flight.
 */
export function responseSizePlugin(maxBytes: number): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let bytes = 0;
      return {
        async executionDidStart() {
          return {
            willResolveField({ info }) {
              if (bytes > maxBytes) throw new ResponseTooLargeError(maxBytes);
              return (error, result) => {
                if (!error) bytes += sizeOf(info, result);
              };
            },
          };
        },
        async willSendResponse({ response }) {
          if (bytes <= maxBytes || response.body.kind !== 'single') return;
          const error = new ResponseTooLargeError(maxBytes);
          response.body.singleResult = { errors: [{ message: error.message, extensions: error.extensions }] };
        },
      };
    },
  };
}
