import { E_TIMEOUT, Semaphore, withTimeout, type SemaphoreInterface } from 'async-mutex';
import { BusyError } from '../errors/errors';

/** How much of Neo4j one request, and the whole process, may hold at once (README, "Configuration"). */
export interface FairUseLimits {
  /** Units of work (transactions, with the reads they fan out to) one request runs at once; more wait their turn. */
  sessionsPerRequest: number;
  /** Lineage walks one request runs at once; more wait their turn. */
  walksPerRequest: number;
  /** Lineage walks in flight in the whole process. */
  walks: number;
  /** How long a walk waits for a process-wide slot before the request is told UNAVAILABLE (Retry-After). */
  walkQueueMs: number;
}

export const DEFAULT_FAIR_USE: FairUseLimits = { sessionsPerRequest: 4, walksPerRequest: 1, walks: 8, walkQueueMs: 5_000 };

/**
 * What the whole process shares: the walk slots and the counters operators watch. One per Graph;
 * every request's {@link RequestShare} draws on it.
 */
export class FairUse {
  private readonly walkSlots: SemaphoreInterface;
  private sessions = 0;
  private walks = 0;

  constructor(readonly limits: FairUseLimits = DEFAULT_FAIR_USE) {
    this.walkSlots = withTimeout(new Semaphore(limits.walks), limits.walkQueueMs, E_TIMEOUT);
  }

  /** Sessions (transactions or auto-commit statements) open on Neo4j now, in this process. */
  get statementsInFlight(): number {
    return this.sessions;
  }

  /** Lineage walks running now, in this process. */
  get walksInFlight(): number {
    return this.walks;
  }

  /** A fresh share for one request. */
  forRequest(): RequestShare {
    return new RequestShare(this);
  }

  /** Counts one open session around `work`. */
  async session<T>(work: () => Promise<T>): Promise<T> {
    this.sessions++;
    try {
      return await work();
    } finally {
      this.sessions--;
    }
  }

  /** Runs `work` in a process-wide walk slot; BusyError (UNAVAILABLE, Retry-After) when none frees up in time. */
  async walk<T>(work: () => Promise<T>): Promise<T> {
    let release: () => void;
    try {
      [, release] = await this.walkSlots.acquire();
    } catch (err) {
      if (err === E_TIMEOUT) {
        throw new BusyError(`The server runs ${this.limits.walks} lineage walks at once and none finished within ${this.limits.walkQueueMs} ms; retry shortly.`);
      }
      throw err;
    }
    this.walks++;
    try {
      return await work();
    } finally {
      this.walks--;
      release();
    }
  }
}

/**
 * One request's share of Neo4j: at most `sessionsPerRequest` units of work and `walksPerRequest`
 * walks at once, the rest queued in order. Whatever a unit starts itself (the concurrent reads a
 * large lineage level fans out to, see lineage-walk.ts) belongs to it and must not queue behind its
 * own request, or a unit could wait for itself: such reads go through Graph.insideUnit(), which
 * skips the request's share (an explicit view rather than AsyncLocalStorage, whose promise hooks
 * cost every request of the process several percent of its CPU on Node 20).
 */
export class RequestShare {
  private readonly units: Semaphore;
  private readonly walks: Semaphore;

  constructor(private readonly shared: FairUse) {
    this.units = new Semaphore(shared.limits.sessionsPerRequest);
    this.walks = new Semaphore(shared.limits.walksPerRequest);
  }

  /** Runs `work` as one unit of this request. */
  unit<T>(work: () => Promise<T>): Promise<T> {
    return this.units.runExclusive(work);
  }

  /** Runs a lineage walk: first a slot of this request, then a process-wide one. */
  walk<T>(work: () => Promise<T>): Promise<T> {
    return this.walks.runExclusive(() => this.shared.walk(work));
  }
}
