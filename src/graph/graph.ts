import neo4j, { type Driver, type ManagedTransaction, type Record as Neo4jRecord, type Session } from 'neo4j-driver';
import { decodeRecord } from './values';
import { KeptReads } from './kept-reads';
import { queries } from './queries';
import { VersionReads, type ReadCache } from './read-cache';
import { FairUse, type RequestShare } from './fair-use';
import type { BookmarkEvent, StatementEvent } from './graph-events';
import type { Query } from './query';
import type { GraphOptions, GraphTransaction } from './graph-types';
import { Sessions } from './sessions';
import { journaledTransaction } from './journaled-write';
import { WriteJournal } from './write-journal';

export type { BookmarkEvent, StatementEvent } from './graph-events';
export type { WriteDelta } from './write-journal';
export type { GraphOptions, GraphTransaction } from './graph-types';

/**
 * The only place that runs Cypher. Reads and writes go through the driver's managed transactions
 * (retried on transient errors; writes of entities through explicit ones retried the same way, so
 * that their commits can be journaled: journaledWrite), carry a timeout and metadata naming the query, are logged at debug
 * level, and have Neo4j errors mapped to public errors. Once Neo4j has proved unreachable, calls fail
 * at once with UNAVAILABLE until it answers again (see Outage). Sessions and statements: sessions.ts.
 *
 * Every session shares one bookmark manager, so a read that follows a write in this process (a
 * mutation's re-read, the next request) waits until the server it reads from has applied that write,
 * even when a cluster routes reads to followers. Health checks go over a driver of their own (`probe`),
 * so a busy pool never makes a healthy Neo4j look down. {@link forRequest} gives a request its
 * bounded share of the pool.
 */
export class Graph {
  private readonly sessions: Sessions;
  private readonly fairUse: FairUse;
  /** Set on the per-request views made by {@link forRequest}. */
  private readonly share?: RequestShare;
  /** The graph itself; views made with Object.create inherit it. */
  private readonly root: Graph = this;
  /** Kept answers of cached reads and the version reads that find them (kept-reads.ts), shared by every request. */
  private readonly kept?: KeptReads;
  /** This process's writes of entities and the gate that orders them against version reads (write-journal.ts). */
  private readonly writes = new WriteJournal();
  /** The version reads that kept walks extend to (walkVersion). */
  private readonly walkVersions: VersionReads<{ version: number; seen: number }>;
  /** Set by {@link cacheReads} on a request's view: the graph's version, read once per request. */
  private readonly versionNow?: () => Promise<number>;

  constructor(
    driver: Driver,
    private readonly options: GraphOptions,
    probe: Driver = driver,
  ) {
    this.sessions = new Sessions(driver, options, probe);
    this.fairUse = new FairUse(options.fairUse);
    if (options.readCache && options.readCache.entries > 0) this.kept = new KeptReads(options.readCache, (q, p, d) => this.runRead(q, p, d));
    this.walkVersions = new VersionReads(async () => {
      const { value, seen } = await this.readVersioned(queries.graphVersion, {}, (rows) => rows[0]?.graphVersion);
      return { version: value[0].graphVersion, seen };
    });
  }

  /** The read cache's kept answers (for metrics); undefined when it is off. */
  get readCache(): ReadCache | undefined {
    return this.root.kept?.cache;
  }

  /**
   * A view of this graph for one request (same driver, listeners and counters): at most
   * `sessionsPerRequest` of its units of work and `walksPerRequest` of its walks run at once, the
   * rest wait their turn, so one request can hold only a bounded share of the connection pool.
   */
  forRequest(): Graph {
    const view = Object.create(this) as Graph;
    Object.defineProperty(view, 'share', { value: this.fairUse.forRequest() });
    return view;
  }

  /**
   * Lets this request's cached reads be answered from the read cache (read-cache.ts): set for query
   * operations, never for mutations, whose reads must see their own writes. The request asks the
   * graph's version once, when it first finds a kept answer (with the other requests that ask in
   * the same turn: VersionReads); a kept answer of that version is the answer, anything else is
   * read (and kept) again.
   */
  cacheReads(): void {
    if (!this.share || !this.root.kept || this.versionNow) return;
    Object.defineProperty(this, 'versionNow', { value: this.root.kept.versionOfRequest() });
  }

  /** The graph's version as this request's cached reads read it (see cacheReads); undefined when they are not cached. */
  sharedVersion(): Promise<number> | undefined {
    return this.versionNow?.();
  }

  /**
   * Runs a lineage walk (`work`, which opens its own transaction) within the walk limits: this
   * request's, then the process's. UNAVAILABLE with a Retry-After when no process-wide slot frees
   * up within `walkQueueMs`.
   */
  walk<T>(work: () => Promise<T>): Promise<T> {
    return this.share ? this.share.walk(work) : this.fairUse.walk(work);
  }

  /**
   * A view for the reads a unit of work starts itself (the concurrent statements of a large lineage
   * level): they still count as open sessions, but never wait for a unit of their own request,
   * which is busy running them.
   */
  insideUnit(): Graph {
    if (!this.share) return this;
    const view = Object.create(this) as Graph;
    Object.defineProperty(view, 'share', { value: undefined });
    return view;
  }

  /**
   * The graph's version read with no commit of this process in flight, and how many of them it saw
   * (WriteJournal.read), for kept walks to be extended to: one read for the requests that ask in
   * the same turn of the event loop. Not the read cache's version read (sharedVersion), which other
   * reads wait for and which must not wait for commits.
   */
  walkVersion(): Promise<{ version: number; seen: number }> {
    return this.root.walkVersions.next();
  }

  /** This process's journal of committed writes (write-journal.ts), shared by every view. */
  get journal(): WriteJournal {
    return this.root.writes;
  }

  /** The process-wide graph behind the views made by {@link forRequest} (itself otherwise): the key of process-wide caches. */
  get origin(): Graph {
    return this.root;
  }

  /** Sessions open on Neo4j now, in this process (for metrics). */
  get statementsInFlight(): number {
    return this.fairUse.statementsInFlight;
  }

  /** Lineage walks running now, in this process (for metrics). */
  get walksInFlight(): number {
    return this.fairUse.walksInFlight;
  }

  get database(): string {
    return this.options.database;
  }

  /**
   * Runs one read statement in its own read transaction; rows come back decoded, in query order.
   * The first attempt is an auto-commit transaction (one message to Neo4j and one round trip,
   * where a managed transaction sends BEGIN, RUN and COMMIT, each flushed on its own); a failure
   * the driver would retry (a lost connection, a leader change) is retried as a managed read
   * transaction, with the driver's retries.
   */
  read<P extends object, R extends object>(query: Query<P, R>, params: P): Promise<R[]> {
    if (query.versioned && this.versionNow) return this.root.kept!.read(query, params, this.versionNow, (q, p, d) => this.runRead(q, p, d));
    return this.runRead(query, params);
  }

  /**
   * {@link read} of a statement that reads the graph's version (`versionOf` its rows), run through
   * the write journal's gate (WriteJournal.read) once its session is open and its first run planned,
   * so that the wait for this process's commits holds nothing a commit could be waiting for; `seen`
   * counts the commits it saw. (Its connection is taken from the pool as the statement runs: were
   * every pooled connection held by commits waiting at the gate, it would fail after the pool's
   * acquisition timeout, 10 s, and let them through.)
   */
  async readVersioned<P extends object, R extends object>(query: Query<P, R>, params: P, versionOf: (rows: R[]) => number | undefined): Promise<{ value: R[]; seen: number }> {
    let seen = 0;
    const value = await this.runRead(query, params, (record) => decodeRecord<R>(record), async (run) => {
      const read = await this.root.writes.read(run, versionOf);
      seen = read.seen;
      return read.value;
    });
    return { value, seen };
  }

  /** One read statement; `decode` may leave a record out (undefined); `around` runs the statement once the session is open. */
  private runRead<P extends object, R extends object>(
    query: Query<P, R>,
    params: P,
    decode: (record: Neo4jRecord) => R | undefined = decodeRecord,
    around: (run: () => Promise<R[]>) => Promise<R[]> = (run) => run(),
  ): Promise<R[]> {
    // Keyed by text: a cached read's versioned text is planned apart from its plain one.
    return this.sessions.firstRuns.run(query.text, () =>
      this.withSession('READ', async (s) => {
        try {
          return await around(() => this.sessions.run((text, values) => s.run(text, values, this.txConfig(query.name)), query, params, decode));
        } catch (err) {
          if (!neo4j.isRetryableError(err)) throw err;
          return s.executeRead((tx) => around(() => this.sessions.run((text, values) => tx.run(text, values), query, params, decode)), this.txConfig(query.name));
        }
      }),
    );
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

  /**
   * {@link writeTransaction} for writes of entities: `work` may `note` what it did, and the write
   * is journaled when Neo4j acknowledges its commit (WriteJournal: the commit waits for no version
   * read of a kept walk to be running). Its note is kept only when every statement it ran is one
   * whose effect on walks the note describes; else the journal knows that walks cannot follow it.
   * An explicit transaction rather than the driver's managed one, so that the commit can be gated;
   * retried as the driver retries its own (transient errors, lost connections; NEO4J_MAX_RETRY_MS).
   */
  journaledWrite<T>(name: string, work: (tx: GraphTransaction) => Promise<T>): Promise<T> {
    return this.withSession('WRITE', (session) =>
      journaledTransaction(
        {
          session,
          config: this.txConfig(name),
          journal: this.root.writes,
          retryForMs: this.options.maxRetryMs ?? 5_000,
          run: (tx, query, params) => this.sessions.run((text, values) => tx.run(text, values), query, params),
        },
        work,
      ),
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
    return this.withSession('WRITE', (s) => this.sessions.run((text, values) => s.run(text, values, this.txConfig(query.name)), query, params));
  }

  /**
   * Neo4j's version and edition, asked now over the probe driver (never queued behind requests, and
   * even while calls fail at once); UNAVAILABLE when Neo4j does not answer.
   */
  health(): Promise<{ version: string; edition: string }> {
    return this.sessions.health();
  }

  /** Subscribes to statement events; returns the unsubscribe function. */
  onStatement(listener: (e: StatementEvent) => void): () => void {
    return this.sessions.events.onStatement(listener);
  }

  /** Subscribes to the bookmarks every session starts with and receives; returns the unsubscribe function. */
  onBookmarks(listener: (e: BookmarkEvent) => void): () => void {
    return this.sessions.events.onBookmarks(listener);
  }

  close(): Promise<void> {
    return this.sessions.close();
  }

  private runIn<P extends object, R extends object>(tx: ManagedTransaction, query: Query<P, R>, params: P): Promise<R[]> {
    return this.sessions.run((text, values) => tx.run(text, values), query, params);
  }

  private txConfig(name: string) {
    return this.sessions.txConfig(name);
  }

  private withSession<T>(mode: 'READ' | 'WRITE', work: (s: Session) => Promise<T>): Promise<T> {
    this.sessions.check();
    const open = () => this.fairUse.session(() => this.sessions.open(mode, work));
    return this.share ? this.share.unit(open) : open();
  }
}
