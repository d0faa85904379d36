/** What one committed write did to the lineage graph as it is now, as far as a kept walk can follow it. */
export interface WriteDelta {
  /** The edges it opened, as stored: (from)-[type]->(to). */
  opened: readonly { from: string; type: string; to: string }[];
  /** The entities it created, with the type and status it stored for each (null: none stored). */
  created: ReadonlyMap<string, { type: string; status: string | null }>;
  /** Every entity whose stored properties it changed (the created ones too). */
  written: readonly string[];
}

interface Entry {
  /** Its place among this process's journaled commits, in the order Neo4j acknowledged them (1, 2, ...). */
  seq: number;
  /** Change records it created: how far it moved the graph's version. */
  changes: number;
  /** Null when it did something a kept walk cannot follow (closed an edge, changed a status, ...). */
  delta: WriteDelta | null;
  size: number;
}

/** Past these, the oldest entries go (a walk kept before them is walked again rather than extended). */
const MAX_ENTRIES = 2_000;
const MAX_ITEMS = 50_000;
/** Versions remembered with the commits their reads saw (seenAt). */
const MAX_VERSIONS = 256;
/** A write whose delta holds more than this (edges opened and entities written) is not followed: walking again costs less. */
export const MAX_DELTA_ITEMS = 5_000;

/**
 * The writes of entities this process committed (lockedWrite), in the order Neo4j acknowledged
 * them, and a gate that orders those commits against the version reads of kept lineage walks.
 *
 * The graph's version is the count of change records (cypher/lineage/start.cypher), which every
 * write that changes a walk moves. A walk kept under version v was read while this process had seen
 * `seen` of its own commits acknowledged, and no commit of this process was in flight: the gate
 * lets reads and commits of this process overlap only with their own kind. So when the version is
 * later read as V with `seen'` commits seen, the commits numbered seen+1..seen' are exactly this
 * process's writes in between; if their change records add up to V - v, no other writer (another
 * replica, a script on Neo4j) committed anything that moves the version, and those writes are all
 * that changed. When each of them only added entities and edges (WriteDelta), a kept walk can be
 * extended by them rather than walked again (src/modules/lineage/walk-extension.ts). Any write this
 * process commits outside the journal, any commit whose acknowledgement was lost, and every write
 * elsewhere shows as a difference in that sum, and the walk is walked again.
 */
export class WriteJournal {
  private acknowledged = 0;
  private readonly entries: Entry[] = [];
  private items = 0;
  /** The highest sequence number dropped from the journal (0: none). */
  private dropped = 0;
  private commits = 0;
  private reads = 0;
  private readonly waiting: { commit: boolean; enter: () => void }[] = [];
  private readonly versions = new Map<number, number>();

  /**
   * Runs `commit` (a transaction's COMMIT) once no gated read runs, and journals the write when it
   * succeeds: `changes` change records, and its `delta` (null when a walk cannot follow it).
   */
  async commit(commit: () => Promise<void>, changes: number, delta: WriteDelta | null): Promise<void> {
    await this.enter(true);
    try {
      await commit();
      this.record(changes, delta);
    } finally {
      this.leave(true);
    }
  }

  /**
   * Runs `read`, a statement that reads the graph's version (`versionOf` its result; undefined:
   * none read), while no commit of this process is in flight; `seen` counts the commits of this
   * process it sees, which are remembered with the version (seenAt). `read` must only run the
   * statement, on a session already open: a commit waiting here holds its session, so a read that
   * waited for one inside the gate could wait for ever (Graph.readVersioned).
   */
  async read<T>(read: () => Promise<T>, versionOf: (value: T) => number | undefined): Promise<{ value: T; seen: number }> {
    await this.enter(false);
    try {
      const seen = this.acknowledged;
      const value = await read();
      const version = versionOf(value);
      if (version !== undefined && !this.versions.has(version)) {
        this.versions.set(version, seen);
        if (this.versions.size > MAX_VERSIONS) this.versions.delete(this.versions.keys().next().value!);
      }
      return { value, seen };
    } finally {
      this.leave(false);
    }
  }

  /**
   * How many of this process's journaled commits a read of `version` saw (the first read of it
   * that the journal remembers); undefined when no gated read of it is remembered. Two reads of
   * one version saw the same writes of this process, but for writes that created no change record.
   */
  seenAt(version: number): number | undefined {
    return this.versions.get(version);
  }

  /**
   * The deltas of this process's commits after the first `from` and up to `to` (in order), when
   * they are all still journaled, each can be followed, and their change records number exactly
   * `changes` (the version's move between the two reads); else undefined.
   */
  between(from: number, to: number, changes: number): WriteDelta[] | undefined {
    if (from < this.dropped || to > this.acknowledged || to < from) return undefined;
    const first = this.entries.length - (this.acknowledged - from);
    const deltas: WriteDelta[] = [];
    let sum = 0;
    for (let i = first; i < first + (to - from); i++) {
      const entry = this.entries[i];
      if (!entry.delta) return undefined;
      sum += entry.changes;
      deltas.push(entry.delta);
    }
    return sum === changes ? deltas : undefined;
  }

  private record(changes: number, delta: WriteDelta | null): void {
    const size = delta ? delta.opened.length + delta.written.length : 0;
    const entry: Entry = { seq: ++this.acknowledged, changes, delta: size > MAX_DELTA_ITEMS ? null : delta, size: size > MAX_DELTA_ITEMS ? 0 : size };
    this.entries.push(entry);
    this.items += entry.size;
    while (this.entries.length > MAX_ENTRIES || this.items > MAX_ITEMS) {
      const old = this.entries.shift()!;
      this.items -= old.size;
      this.dropped = old.seq;
    }
  }

  /** Waits its turn: commits run together, reads together, each kind after those queued before it. */
  private enter(commit: boolean): Promise<void> {
    if (!this.waiting.length && this.open(commit)) {
      this.admit(commit);
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push({ commit, enter: resolve }));
  }

  private leave(commit: boolean): void {
    if (commit) this.commits--;
    else this.reads--;
    while (this.waiting.length && this.open(this.waiting[0].commit)) {
      const next = this.waiting.shift()!;
      this.admit(next.commit);
      next.enter();
    }
  }

  private open(commit: boolean): boolean {
    return commit ? this.reads === 0 : this.commits === 0;
  }

  private admit(commit: boolean): void {
    if (commit) this.commits++;
    else this.reads++;
  }
}
