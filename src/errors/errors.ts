import { GraphQLError } from 'graphql';
import { ErrorCode } from './error-code';

/** Base of the errors mlgraph raises on purpose; their message and extensions reach the client. */
export class AppError extends GraphQLError {
  constructor(message: string, code: ErrorCode, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extensions } });
    this.name = new.target.name;
  }
}

export class BadUserInputError extends AppError {
  constructor(message: string, field?: string, extra: Record<string, unknown> = {}) {
    super(message, ErrorCode.BAD_USER_INPUT, field === undefined ? extra : { field, ...extra });
  }
}

export class NotFoundError extends AppError {
  constructor(message: string, urns: string[] = [], field?: string) {
    super(message, ErrorCode.NOT_FOUND, field === undefined ? { urns } : { urns, field });
  }
}

export class ConflictError extends AppError {
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super(message, ErrorCode.CONFLICT, extra);
  }
}

/**
 * A request refused by a server limit before anything ran: QUERY_TOO_COMPLEX, with `limit` naming
 * the limit (tokens, aliases, directives, depth, repeatedFields, selections, cost) and the limit's
 * value under its own name (e.g. `maxAliases: 100`).
 */
export class LimitError extends AppError {
  constructor(message: string, limit: string, extra: Record<string, unknown> = {}) {
    super(message, ErrorCode.QUERY_TOO_COMPLEX, { limit, ...extra, http: { status: 400 } });
  }
}

export class UnavailableError extends AppError {
  constructor(message = 'The metadata database is unavailable; try again shortly.') {
    super(message, ErrorCode.UNAVAILABLE);
  }
}

/**
 * The server (or its Neo4j connection pool) is busy, not broken: retrying after `retryAfter`
 * seconds may succeed. Code UNAVAILABLE; the HTTP response carries a `Retry-After` header.
 */
export class BusyError extends AppError {
  constructor(message = 'The server is busy; try again shortly.', retryAfter = 1) {
    super(message, ErrorCode.UNAVAILABLE, { retryAfter });
  }
}

export class TimeoutError extends AppError {
  constructor(message = 'The query took longer than the server allows.') {
    super(message, ErrorCode.TIMEOUT);
  }
}

/** Text that is not well-formed Unicode (an unpaired surrogate) cannot be stored unchanged. */
export function malformedTextError(field: string): BadUserInputError {
  return new BadUserInputError(`${field || 'a value'} is not valid Unicode text (it has an unpaired surrogate)`, field || undefined);
}
