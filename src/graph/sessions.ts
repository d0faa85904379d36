import neo4j, { type BookmarkManager, type Driver, type Record as Neo4jRecord, type Session } from 'neo4j-driver';
import { decodeAll, decodeRecord, toNeo4j } from './values';
import { FirstRuns } from './first-runs';
import { GraphEvents } from './graph-events';
import { mapNeo4jError } from './neo4j-errors';
import { Outage } from './outage';
import { askServerVersion } from './probe';
import { withoutCallerStack } from './caller-stack';
import type { Query } from './query';
import type { GraphOptions, TransactionConfig } from './graph-types';

/**
 * Sessions on Neo4j and the statements run in them, for Graph: every session starts from the one
 * bookmark manager; a failure is mapped to a public error and counted by the outage watch (after
 * which calls fail at once with UNAVAILABLE until Neo4j answers again), an answer closes the
 * outage; every statement carries the transaction timeout and metadata naming it, is logged at
 * debug level and timed for the statement listeners.
 */
export class Sessions {
  readonly events = new GraphEvents();
  /** Reads of a statement not yet run wait for its first run, planned once (first-runs.ts). */
  readonly firstRuns = new FirstRuns();
  private readonly outage: Outage;
  private readonly bookmarks: BookmarkManager = neo4j.bookmarkManager();

  constructor(
    private readonly driver: Driver,
    private readonly options: GraphOptions,
    private readonly probe: Driver,
  ) {
    this.outage = new Outage(() => this.serverInfo(), options.log);
  }

  /** Throws UNAVAILABLE at once while Neo4j is known to be down. */
  check(): void {
    this.outage.check();
  }

  /** Runs `work` in a new session of `mode`, closed after it. */
  async open<T>(mode: 'READ' | 'WRITE', work: (s: Session) => Promise<T>): Promise<T> {
    const started = Date.now();
    const session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager: this.events.bookmarksOf(this.bookmarks, mode),
    });
    try {
      const result = await work(session);
      this.answered();
      return result;
    } catch (err) {
      throw this.failure(err, started);
    } finally {
      await session.close();
    }
  }

  /** Runs `query` through `run` (a transaction's, or a session's auto-commit): logged, timed, rows decoded. */
  async run<P extends object, R extends object>(
    run: (text: string, values: Record<string, unknown>) => Promise<{ records: Neo4jRecord[] }>,
    query: Query<P, R>,
    params: P,
    decode: (record: Neo4jRecord) => R | undefined = decodeRecord,
  ): Promise<R[]> {
    const started = Date.now();
    // Built only when debug logging is on: this runs for every statement.
    if (this.options.log.isLevelEnabled('debug')) this.options.log.debug({ query: query.name, params }, 'cypher');
    const values = toNeo4j(params) as Record<string, unknown>;
    const result = await withoutCallerStack(() => run(query.text, values));
    const rows = decodeAll(result.records, decode);
    this.events.statement({ query: query.name, ms: Date.now() - started, rows: rows.length, params, result: rows });
    return rows;
  }

  txConfig(name: string): TransactionConfig {
    return { timeout: this.options.queryTimeoutMs, metadata: { app: 'mlgraph', query: name } };
  }

  /**
   * Neo4j's version and edition, asked now over the probe driver (never queued behind requests, and
   * even while calls fail at once); UNAVAILABLE when Neo4j does not answer.
   */
  async health(): Promise<{ version: string; edition: string }> {
    const started = Date.now();
    try {
      const info = await askServerVersion(this.probe, this.options.database);
      this.answered();
      return info;
    } catch (err) {
      throw this.failure(err, started);
    }
  }

  async close(): Promise<void> {
    this.outage.stop();
    await this.driver.close();
    if (this.probe !== this.driver) await this.probe.close();
  }

  private async serverInfo(): Promise<void> {
    try {
      await this.probe.getServerInfo({ database: this.options.database });
    } catch (err) {
      throw mapNeo4jError(err);
    }
  }

  /** A call that began at `started` failed: the public error for it, counted by the outage watch. */
  private failure(err: unknown, started: number): unknown {
    const mapped = mapNeo4jError(err);
    this.outage.failed(mapped, started);
    return mapped;
  }

  /** Neo4j answered: closes an outage, after which its plan cache may be empty (a restart). */
  private answered(): void {
    if (this.outage.isOpen) this.firstRuns.reset();
    this.outage.answered();
  }
}
