import { migrate, type Graph } from '../graph';
import type { Logger } from '../logger';
import type { Neo4jInfo } from '../modules/system/system.service';

export type ReadyState = { ready: true; neo4j: Neo4jInfo } | { ready: false; reason: string };

/**
 * Brings the database schema up to date as soon as Neo4j answers, retrying in the background while
 * it does not, and tells whether the server can serve (Neo4j reachable and migrated).
 */
export class Readiness {
  private migrated = false;
  private stopped = false;
  private lastError = 'migrations have not run yet';

  constructor(
    private readonly graph: Graph,
    private readonly log: Logger,
    private readonly retryMs = 2_000,
  ) {}

  /** Resolves once migrations have been applied, or when {@link stop} is called. */
  async migrateWhenReachable(): Promise<void> {
    for (let attempt = 1; !this.stopped; attempt++) {
      try {
        await migrate(this.graph, this.log);
        this.migrated = true;
        return;
      } catch (err) {
        this.lastError = err instanceof Error ? err.message : String(err);
        this.log.warn({ attempt, err: this.lastError }, 'cannot migrate the database yet; retrying');
        await new Promise((r) => setTimeout(r, this.retryMs).unref());
      }
    }
  }

  stop(): void {
    this.stopped = true;
  }

  /** Checks Neo4j now; never throws. */
  async check(): Promise<ReadyState> {
    if (!this.migrated) return { ready: false, reason: `not migrated: ${this.lastError}` };
    try {
      // Over the graph's own probe connection: fails fast, and never waits behind busy requests.
      return { ready: true, neo4j: await this.graph.health() };
    } catch (err) {
      return { ready: false, reason: err instanceof Error ? err.message : String(err) };
    }
  }
}
