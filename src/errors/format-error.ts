import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import type { ValidationError } from 'class-validator';
import { ErrorCode } from './error-code';
import { AppError } from './errors';
import type { Logger } from '../logger';

const PASSTHROUGH_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Apollo's formatError: keeps our own errors and GraphQL's request errors as they are, turns
 * class-validator failures into BAD_USER_INPUT naming the first offending field, and masks anything
 * else as INTERNAL_SERVER_ERROR (logging the original). Never throws.
 */
export function createFormatError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    try {
      const original = unwrapResolverError(error);
      if (original instanceof ArgumentValidationError) {
        const fields = flattenValidation(original.extensions.validationErrors as ValidationError[]);
        const first = fields[0];
        return {
          ...formatted,
          message: first ? `Invalid value for ${first.field}: ${first.messages.join('; ')}` : formatted.message,
          extensions: { code: ErrorCode.BAD_USER_INPUT, field: first?.field, fields },
        };
      }
      if (original instanceof AppError) return { ...formatted, extensions: { ...original.extensions } };
      const code = formatted.extensions?.code;
      if (typeof code === 'string' && PASSTHROUGH_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
        return formatted;
      }
      log.error({ err: original, path: formatted.path }, 'unexpected error in GraphQL operation');
      return {
        message: 'Internal server error',
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
      };
    } catch {
      return { message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
    }
  };
}

/** One entry per invalid field, with dotted paths for nested inputs (e.g. `input.owners.0.id`). */
export function flattenValidation(
  errors: ValidationError[] = [],
  prefix = '',
): { field: string; messages: string[] }[] {
  const out: { field: string; messages: string[] }[] = [];
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints) out.push({ field, messages: Object.values(e.constraints) });
    out.push(...flattenValidation(e.children ?? [], field));
  }
  return out;
}
