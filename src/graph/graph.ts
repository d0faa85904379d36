import neo4j, { type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import type { Logger } from '../logger';
import { decodeRecord, toNeo4j } from './values';
import { mapNeo4jError } from './neo4j-errors';
import { Outage } from './outage';
import type { Query } from './query';

type TransactionConfig = { timeout: number; metadata: Record<string, unknown> };

export interface GraphOptions {
  database: string;
  /** Sent as the transaction timeout of every statement, so one heavy query can't hold the database. */
  queryTimeoutMs: number;
  log: Logger;
}

/** What a listener learns about each statement sent (tests count round trips with it). */
export interface StatementEvent {
  query: string;
  ms: number;
  rows: number;
}

/** Statements run inside one transaction opened by {@link Graph.writeTransaction}. */
export interface GraphTransaction {
  run<P extends object, R extends object>(query: Query<P, R>, params: P): Promise<R[]>;
}

/**
 * The only place that runs Cypher. Reads and writes go through the driver's managed transactions
 * (retried on transient errors), carry a timeout and metadata naming the query, are logged at debug
 * level, and have Neo4j errors mapped to public errors. Once Neo4j has proved unreachable, calls fail
 * at once with UNAVAILABLE until it answers again (see Outage).
 */
export class Graph {
  private readonly listeners = new Set<(e: StatementEvent) => void>();
  private readonly outage: Outage;

  constructor(
    private readonly driver: Driver,
    private readonly options: GraphOptions,
  ) {
    this.outage = new Outage(() => this.serverInfo(), options.log);
  }

  get database(): string {
    return this.options.database;
  }

  /** Runs one read statement in its own read transaction; rows come back decoded, in query order. */
  read<P extends object, R extends object>(query: Query<P, R>, params: P): Promise<R[]> {
    return this.withSession('READ', (s) => s.executeRead((tx) => this.runIn(tx, query, params), this.txConfig(query.name)));
  }

  /** Runs one write statement in its own write transaction. */
  write<P extends object, R extends object>(query: Query<P, R>, params: P): Promise<R[]> {
    return this.withSession('WRITE', (s) => s.executeWrite((tx) => this.runIn(tx, query, params), this.txConfig(query.name)));
  }

  /**
   * Runs `work` in ONE write transaction: all its statements commit together or not at all. The
   * driver may retry `work` on transient errors, so it must only read and write through `tx`.
   */
  writeTransaction<T>(name: string, work: (tx: GraphTransaction) => Promise<T>): Promise<T> {
    return this.withSession('WRITE', (s) =>
      s.executeWrite((tx) => work({ run: (q, p) => this.runIn(tx, q, p) }), this.txConfig(name)),
    );
  }

  /** Same as {@link writeTransaction} for a group of reads that must see one snapshot. */
  readTransaction<T>(name: string, work: (tx: GraphTransaction) => Promise<T>): Promise<T> {
    return this.withSession('READ', (s) =>
      s.executeRead((tx) => work({ run: (q, p) => this.runIn(tx, q, p) }), this.txConfig(name)),
    );
  }

  /**
   * Runs one statement in an auto-commit transaction: needed for schema commands and
   * `CALL { } IN TRANSACTIONS`. Not retried.
   */
  autoCommit<P extends object, R extends object>(query: Query<P, R>, params: P): Promise<R[]> {
    return this.withSession('WRITE', async (s) => {
      const started = Date.now();
      const result = await s.run(query.text, toNeo4j(params) as Record<string, unknown>, this.txConfig(query.name));
      return this.finish(query.name, started, result.records.map((r) => decodeRecord<R>(r)));
    });
  }

  /** Fails with UNAVAILABLE unless the database answers now (asked even while calls fail at once). */
  async ping(): Promise<void> {
    const started = Date.now();
    try {
      await this.serverInfo();
      this.outage.answered();
    } catch (err) {
      this.outage.failed(err, started);
      throw err;
    }
  }

  /** Subscribes to statement events; returns the unsubscribe function. */
  onStatement(listener: (e: StatementEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): Promise<void> {
    this.outage.stop();
    return this.driver.close();
  }

  private async serverInfo(): Promise<void> {
    try {
      await this.driver.getServerInfo({ database: this.options.database });
    } catch (err) {
      throw mapNeo4jError(err);
    }
  }

  private async runIn<P extends object, R extends object>(
    tx: ManagedTransaction,
    query: Query<P, R>,
    params: P,
  ): Promise<R[]> {
    const started = Date.now();
    // Built only when debug logging is on: this runs for every statement.
    if (this.options.log.isLevelEnabled('debug')) this.options.log.debug({ query: query.name, params }, 'cypher');
    const result = await tx.run(query.text, toNeo4j(params) as Record<string, unknown>);
    return this.finish(query.name, started, result.records.map((r) => decodeRecord<R>(r)));
  }

  private finish<R>(name: string, started: number, rows: R[]): R[] {
    const event = { query: name, ms: Date.now() - started, rows: rows.length };
    for (const l of this.listeners) l(event);
    return rows;
  }

  private txConfig(name: string): TransactionConfig {
    return { timeout: this.options.queryTimeoutMs, metadata: { app: 'mlgraph', query: name } };
  }

  private async withSession<T>(mode: 'READ' | 'WRITE', work: (s: Session) => Promise<T>): Promise<T> {
    this.outage.check();
    const started = Date.now();
    const session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    try {
      const result = await work(session);
      this.outage.answered();
      return result;
    } catch (err) {
      const mapped = mapNeo4jError(err);
      this.outage.failed(mapped, started);
      throw mapped;
    } finally {
      await session.close();
    }
  }
}
