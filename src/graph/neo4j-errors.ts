import { Neo4jError } from 'neo4j-driver';
import { ConflictError, TimeoutError, UnavailableError } from '../errors/errors';

const UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired']);

/**
 * The one mapping from Neo4j failures to public errors. Returns the error to throw: a typed
 * AppError for the failures a client can act on, the original error otherwise (masked later).
 */
export function mapNeo4jError(err: unknown): unknown {
  if (!(err instanceof Neo4jError)) return err;
  const code = err.code ?? '';
  if (UNAVAILABLE.has(code) || code.startsWith('Neo.TransientError.General.DatabaseUnavailable')) {
    return new UnavailableError();
  }
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new ConflictError('The write conflicts with an existing entity (its URN is already taken).');
  }
  if (
    code === 'Neo.ClientError.Transaction.TransactionTimedOut' ||
    code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration' ||
    code === 'Neo.TransientError.Transaction.TransactionTimedOut'
  ) {
    return new TimeoutError();
  }
  return err;
}
