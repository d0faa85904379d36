/**
 * Answers of read statements kept per server, each under the graph's version it was read at
 * (cypher/system/graph-version.cypher: how many change records exist). A query operation asks the
 * version once, when it first finds a kept answer, and takes kept answers of that version as they
 * are: the same statement with the same parameters under the same version reads the same rows.
 * Any write that changes what a read sees records history and moves the version, so nothing kept
 * is served after a write, on this server or another one (every replica reads the version from
 * Neo4j). Only statements marked `cached` in the registry are kept (src/graph/queries.ts).
 *
 * Kept rows are shared by every request that reads them: their readers never change them.
 * Bounded by entries and by rows, a row counting as many as its longest list holds (a row of
 * `edges/related` holds up to 25 entities); the least recently used go first. One answer larger
 * than a quarter of the bound is not kept.
 */
export class ReadCache {
  private readonly kept = new Map<string, Kept>();
  private weight = 0;
  /** The newest version any read of this server has seen. */
  private newest = 0;
  hits = 0;
  misses = 0;

  constructor(private readonly limits: ReadCacheLimits) {}

  /** The rows kept for `key` under `version`; undefined when none are (or an older read's are, which go). */
  get(key: string, version: number): object[] | undefined {
    const kept = this.kept.get(key);
    if (kept?.version !== version) return undefined;
    // Most recently used last.
    this.kept.delete(key);
    this.kept.set(key, kept);
    return kept.rows;
  }

  /**
   * Whether an answer of `key` is kept that may still be current: one of at least the newest
   * version this server has seen. Only then is the version worth asking; an answer of an older
   * version is certainly stale (versions only grow), and goes.
   */
  mayHave(key: string): boolean {
    const kept = this.kept.get(key);
    if (!kept) return false;
    if (kept.version >= this.newest) return true;
    this.kept.delete(key);
    this.weight -= kept.weight;
    return false;
  }

  /** The graph's version as some read saw it: what is kept of older versions is stale. */
  saw(version: number): void {
    if (version > this.newest) this.newest = version;
  }

  set(key: string, version: number, rows: object[]): void {
    this.saw(version);
    const weight = weightOf(rows);
    const old = this.kept.get(key);
    if (old) {
      // A newer read replaces an older one, never the other way (two requests may race).
      if (old.version > version) return;
      this.kept.delete(key);
      this.weight -= old.weight;
    }
    if (weight > this.limits.rows / 4) return;
    this.kept.set(key, { version, rows, weight });
    this.weight += weight;
    for (const [k, e] of this.kept) {
      if (this.kept.size <= this.limits.entries && this.weight <= this.limits.rows) break;
      this.kept.delete(k);
      this.weight -= e.weight;
    }
  }

  get size(): number {
    return this.kept.size;
  }
}

export interface ReadCacheLimits {
  /** Most answers kept (READ_CACHE_ENTRIES; 0: no cache). */
  entries: number;
  /** Most rows kept over all answers, a row counting as its longest list (READ_CACHE_ROWS). */
  rows: number;
}

export const DEFAULT_READ_CACHE: ReadCacheLimits = { entries: 5_000, rows: 100_000 };

interface Kept {
  version: number;
  rows: object[];
  weight: number;
}

/** How many rows, each counted as its longest list (the related statement's rows of entities). */
function weightOf(rows: object[]): number {
  let weight = 0;
  for (const row of rows) {
    let most = 1;
    for (const v of Object.values(row)) if (Array.isArray(v) && v.length > most) most = v.length;
    weight += most;
  }
  return weight;
}

/** The key of a read: the statement and its parameters. */
export function readKey(name: string, params: object): string {
  return `${name}\n${JSON.stringify(params)}`;
}

/**
 * The graph's version for the requests that need it, one statement for all that ask in the same
 * turn of the event loop: the statement is sent on the next turn, after every request that joined
 * it began, so it counts every write committed before any of them (a request never joins a read
 * already sent, which may have left before it began and missed such a write). Under concurrent
 * queries this saves a round trip per request, most of a repeated query's cost.
 */
export class VersionReads<T = number> {
  private pending?: Promise<T>;

  constructor(private readonly read: () => Promise<T>) {}

  next(): Promise<T> {
    this.pending ??= new Promise<T>((resolve, reject) => {
      setImmediate(() => {
        // Sent now: later requests start another read.
        this.pending = undefined;
        this.read().then(resolve, reject);
      });
    });
    return this.pending;
  }
}

/**
 * A cached read: the rows kept for `key` when they are of the version the request reads
 * (`versionNow`, asked only when something is kept that may still be current), else `read`'s,
 * kept under the version it read first (src/graph/query.ts, versionedText; none: not kept).
 */
export async function readThrough<R extends object>(
  cache: ReadCache,
  key: string,
  versionNow: () => Promise<number>,
  read: () => Promise<{ rows: R[]; version: number | undefined }>,
): Promise<R[]> {
  if (cache.mayHave(key)) {
    const kept = cache.get(key, await versionNow());
    if (kept) {
      cache.hits++;
      return kept as R[];
    }
  }
  cache.misses++;
  const { rows, version } = await read();
  if (version !== undefined) cache.set(key, version, rows);
  return rows;
}
