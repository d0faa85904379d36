/**
 * The public error codes found in `extensions.code`. Clients may rely on these strings; add new ones,
 * never rename. Apollo's own codes (GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED,
 * BAD_REQUEST) pass through unchanged.
 */
export enum ErrorCode {
  /** An argument or input field is invalid; `extensions.field` names it. */
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  /** A referenced URN does not exist (`extensions.urns` lists them), or nothing is served at an HTTP path (404). */
  NOT_FOUND = 'NOT_FOUND',
  /** The write conflicts with stored data (e.g. a duplicate URN). */
  CONFLICT = 'CONFLICT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  /** The query exceeds a server limit (depth, cost, page size). */
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  /** The answer would exceed MAX_RESPONSE_BYTES; `extensions.maxBytes` names the limit. Nothing partial is sent. */
  RESPONSE_TOO_LARGE = 'RESPONSE_TOO_LARGE',
  /** Neo4j cannot be reached right now, or the server is busy (`extensions.retryAfter`, and a Retry-After header); retrying later may succeed. */
  UNAVAILABLE = 'UNAVAILABLE',
  /** The database transaction ran past its time limit. */
  TIMEOUT = 'TIMEOUT',
  /** Anything unexpected; details are logged, never sent. */
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}
