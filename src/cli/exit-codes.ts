/**
 * The CLI's exit codes, documented in README.md ("CLI reference") and in `mlgraph --help`. CI
 * scripts branch on them, so they never change meaning; new ones are added at the end.
 */
export enum ExitCode {
  /** Done; for `impact`, no --fail-if rule matched. */
  OK = 0,
  /** `impact --fail-if` matched at least one entity: the gate failed. */
  GATE_FAILED = 1,
  /** Bad command line or an unreadable file; nothing was sent. */
  USAGE = 2,
  /** mlgraph (or MLflow) could not be reached, timed out, or failed (UNAVAILABLE, TIMEOUT, 5xx). */
  SERVER = 3,
  /** The server refused the request: invalid input (BAD_USER_INPUT), unknown URNs (NOT_FOUND), CONFLICT, QUERY_TOO_COMPLEX, RESPONSE_TOO_LARGE. */
  REFUSED = 4,
  /** No valid token, or the token's role may not do this (UNAUTHENTICATED, FORBIDDEN). */
  AUTH = 5,
}

/** An error that ends the command with `code`; its message is printed without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly code: ExitCode,
    /** Extra lines printed after the message (e.g. every error of a batch). */
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** The exit code for a GraphQL error code from `extensions.code`. */
export function exitCodeFor(graphqlCode: string | undefined): ExitCode {
  switch (graphqlCode) {
    case 'UNAUTHENTICATED':
    case 'FORBIDDEN':
      return ExitCode.AUTH;
    case 'UNAVAILABLE':
    case 'TIMEOUT':
    case 'INTERNAL_SERVER_ERROR':
    case undefined:
      return ExitCode.SERVER;
    default:
      // BAD_USER_INPUT, NOT_FOUND, CONFLICT, QUERY_TOO_COMPLEX and Apollo's validation codes: the
      // request itself was refused.
      return ExitCode.REFUSED;
  }
}
