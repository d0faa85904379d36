import { UnavailableError } from '../errors/errors';
import type { Logger } from '../logger';

/**
 * Remembers that Neo4j is unreachable, so that requests fail at once with UNAVAILABLE instead of
 * each one waiting out the driver's connection attempts and retries (seconds each, and longer while
 * a restarting Neo4j accepts connections before it can answer them).
 *
 * It opens when a statement that started while Neo4j was thought reachable fails UNAVAILABLE, which
 * the driver reports only after its own retries (`NEO4J_MAX_RETRY_MS`). While it is open nothing is
 * sent to Neo4j (so nothing is half-written) and a probe asks Neo4j for its server info every
 * `probeMs`; the first answer closes it. `/ready` pings report here too.
 */
export class Outage {
  private openedAt: number | null = null;
  private closedAt = 0;
  private probeTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly probe: () => Promise<void>,
    private readonly log: Logger,
    private readonly probeMs = 500,
  ) {}

  get isOpen(): boolean {
    return this.openedAt !== null;
  }

  /** Throws UNAVAILABLE while Neo4j is known to be unreachable. */
  check(): void {
    if (this.openedAt !== null) throw new UnavailableError();
  }

  /**
   * Reports a statement's failure. `startedAt` is when the statement began: a failure of one that
   * began before the last recovery is old news and does not reopen.
   */
  failed(err: unknown, startedAt: number): void {
    if (!(err instanceof UnavailableError) || this.openedAt !== null || startedAt < this.closedAt || this.stopped) return;
    this.openedAt = Date.now();
    this.log.warn('Neo4j is unreachable: failing requests at once until it answers again');
    this.scheduleProbe();
  }

  /** Reports that Neo4j answered. */
  answered(): void {
    if (this.openedAt === null) return;
    this.log.info({ unreachableMs: Date.now() - this.openedAt }, 'Neo4j answers again');
    this.openedAt = null;
    this.closedAt = Date.now();
    if (this.probeTimer) clearTimeout(this.probeTimer);
    this.probeTimer = null;
  }

  /** Stops probing (the graph is closing). */
  stop(): void {
    this.stopped = true;
    if (this.probeTimer) clearTimeout(this.probeTimer);
    this.probeTimer = null;
  }

  private scheduleProbe(): void {
    if (this.stopped || this.openedAt === null) return;
    this.probeTimer = setTimeout(async () => {
      try {
        await this.probe();
        this.answered();
      } catch {
        this.scheduleProbe();
      }
    }, this.probeMs);
    this.probeTimer.unref();
  }
}
