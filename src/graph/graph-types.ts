import type { Logger } from '../logger';
import type { FairUseLimits } from './fair-use';
import type { Query } from './query';
import type { ReadCacheLimits } from './read-cache';
import type { WriteDelta } from './write-journal';

// The shapes the graph module's callers see: its options, and a transaction's statements.

export type TransactionConfig = { timeout: number; metadata: Record<string, unknown> };

export interface GraphOptions {
  database: string;
  /** Sent as the transaction timeout of every statement, so one heavy query can't hold the database. */
  queryTimeoutMs: number;
  log: Logger;
  /** Shares of Neo4j per request and for the process (see fair-use.ts); defaults when absent. */
  fairUse?: FairUseLimits;
  /** Answers of reads kept while the graph's version stays the same (read-cache.ts); none when absent or 0 entries. */
  readCache?: ReadCacheLimits;
  /** How long a journaled write is retried on transient errors (the driver's maxTransactionRetryTime; default 5 s). */
  maxRetryMs?: number;
}

/** Statements run inside one transaction opened by Graph.writeTransaction. */
export interface GraphTransaction {
  run<P extends object, R extends object>(query: Query<P, R>, params: P): Promise<R[]>;
  /**
   * In a Graph.journaledWrite: what the write did, journaled when it commits (the change
   * records it created, and what it added to the lineage graph). Absent elsewhere.
   */
  note?(changes: number, delta: WriteDelta | null): void;
}
