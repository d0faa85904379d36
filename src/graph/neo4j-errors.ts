import { Neo4jError } from 'neo4j-driver';
import { BusyError, ConflictError, TimeoutError, UnavailableError } from '../errors/errors';

const UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired']);

/**
 * The driver's error when every pooled connection stays busy for `connectionAcquisitionTimeout`:
 * a Neo4jError without a server code (code "N/A"), recognised by its message
 * ("Connection acquisition timed out in 10000 ms. Pool status: ..."). Neo4j itself is fine.
 */
const POOL_TIMEOUT = /^Connection acquisition timed out/;

/**
 * The one mapping from Neo4j failures to public errors (a busy pool is UNAVAILABLE with a
 * Retry-After, and does not count as Neo4j being down). Returns the error to throw: a typed
 * AppError for the failures a client can act on, the original error otherwise (masked later).
 */
export function mapNeo4jError(err: unknown): unknown {
  if (!(err instanceof Neo4jError)) return err;
  const code = err.code ?? '';
  if (POOL_TIMEOUT.test(err.message)) return new BusyError('Every connection to Neo4j is busy; try again shortly.');
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
