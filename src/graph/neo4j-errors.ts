import { Neo4jError } from 'neo4j-driver';
import { BusyError, ConflictError, LimitError, TimeoutError, UnavailableError } from '../errors/errors';

const UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired']);

/**
 * The driver's error when every pooled connection stays busy for `connectionAcquisitionTimeout`:
 * a Neo4jError without a server code (code "N/A"), recognised by its message
 * ("Connection acquisition timed out in 10000 ms. Pool status: ..."). Neo4j itself is fine.
 */
const POOL_TIMEOUT = /^Connection acquisition timed out/;

/** Neo4j refused the credentials mlgraph connects with (or stopped trying them): nothing a client can fix. */
const CREDENTIALS = new Set(['Neo.ClientError.Security.Unauthorized', 'Neo.ClientError.Security.AuthenticationRateLimit']);

/**
 * A transaction that needed more memory than Neo4j lets it have: one transaction's limit
 * (`db.memory.transaction.max`) or the pool all running transactions share
 * (`dbms.memory.transaction.total.max`, 70% of the heap by default).
 */
const TRANSACTION_MEMORY = new Set(['Neo.ClientError.General.TransactionOutOfMemoryError', 'Neo.TransientError.General.MemoryPoolOutOfMemoryError']);

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
  if (CREDENTIALS.has(code)) {
    return new UnavailableError('The metadata database refused the server\'s credentials (NEO4J_USER, NEO4J_PASSWORD); an operator must fix them.');
  }
  if (TRANSACTION_MEMORY.has(code)) {
    return new LimitError(
      'The request needed more memory than Neo4j allows its transactions (alone or with the others running now): send fewer or smaller entities per call, or give Neo4j more heap.',
      'transactionMemory',
    );
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
