import { migrate, warmWalkPlans, type Graph } from '../graph';
import { ErrorCode } from '../errors/error-code';
import type { Logger } from '../logger';
import type { Neo4jInfo } from '../modules/system/system.service';

/** Why the server is not ready, as /ready says it: generic on purpose; the log has the details. */
export type NotReadyReason = 'migrations pending' | 'Neo4j is unreachable';

export type ReadyState = { ready: true; neo4j: Neo4jInfo } | { ready: false; reason: NotReadyReason };

/**
 * Brings the database schema up to date as soon as Neo4j answers, retrying in the background while
 * it does not, and tells whether the server can serve (Neo4j reachable and migrated).
 */
export class Readiness {
  private migrated = false;
  private stopped = false;
  private lastError = 'migrations have not run yet';
  /** Whether the last attempt to migrate found Neo4j unreachable (or refusing the credentials). */
  private unreachable = false;
  private lastLogged: string | undefined;

  constructor(
    private readonly graph: Graph,
    private readonly log: Logger,
    private readonly retryMs = 2_000,
  ) {}

  /** Resolves once migrations have been applied and the walk statements planned (ready from then on), or when {@link stop} is called. */
  async migrateWhenReachable(): Promise<void> {
    for (let attempt = 1; !this.stopped; attempt++) {
      try {
        await migrate(this.graph, this.log);
        // Ready only once the walk statements are planned: planning them cold takes seconds of
        // Neo4j's CPU (9 s for the column walk's level on a busy 2-core machine), which the first
        // questions after a start would otherwise wait behind; a failure to plan is logged and
        // does not keep the server unready.
        if (!this.stopped) await warmWalkPlans(this.graph, this.log);
        this.migrated = true;
        return;
      } catch (err) {
        this.lastError = err instanceof Error ? err.message : String(err);
        this.unreachable = (err as { extensions?: { code?: unknown } } | null)?.extensions?.code === ErrorCode.UNAVAILABLE;
        this.log.warn({ attempt, err: this.lastError }, 'cannot migrate the database yet; retrying');
        await new Promise((r) => setTimeout(r, this.retryMs).unref());
      }
    }
  }

  stop(): void {
    this.stopped = true;
  }

  /**
   * Checks Neo4j now; never throws. The reason of a "not ready" is generic (a load balancer's
   * health page is no place for driver internals); the detail is logged once each time it changes.
   */
  async check(): Promise<ReadyState> {
    if (!this.migrated) return { ready: false, reason: this.unreachable ? 'Neo4j is unreachable' : 'migrations pending' };
    try {
      // Over the graph's own probe connection: fails fast, and never waits behind busy requests.
      const neo4j = await this.graph.health();
      this.lastLogged = undefined;
      return { ready: true, neo4j };
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      if (detail !== this.lastLogged) this.log.warn({ err: detail }, 'not ready: Neo4j is unreachable');
      this.lastLogged = detail;
      return { ready: false, reason: 'Neo4j is unreachable' };
    }
  }
}
