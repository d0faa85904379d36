import { MAX_DELTA_ITEMS, queries, type Graph, type GraphTransaction, type WriteDelta } from '../../../graph';
import type { EdgeToOpen } from '../../../graph/queries';
import { NotFoundError } from '../../../errors/errors';
import type { StoredValue } from '../../../model/encode';
import { ENTITY_LABELS } from '../../../model/entity-fields';
import type { EntityType } from '../../../model/entity-type';
import type { FieldChange } from './write-plan';

/** Who writes, and what they wrote through (stored on edges and in history). */
export interface WriteAudit {
  /** Principal recorded as createdBy/updatedBy and in history. */
  actor: string;
  /** Who asserted the change: api, batch, ... */
  source: string;
}

/** The change of one locked entity: what to store, and the history record that explains it. */
export interface EntityChange {
  urn: string;
  /** Its type; needed only when the lock created it (an existing entity keeps its own). */
  type?: EntityType;
  /** Properties to set; null clears one. */
  props: Record<string, StoredValue>;
  changes: FieldChange[];
  /** Default: CREATED for an entity the lock created, else UPDATED. */
  action?: 'CREATED' | 'UPDATED' | 'STATUS_CHANGED';
  reason?: string | null;
  /** When the change became true (the write's eventTime); default: the write's own time. */
  at?: Date;
}

/** Type and status of a stored entity (both null for a URN that does not exist). */
export interface StoredRef {
  type: string | null;
  status: string | null;
}

/** Thrown inside the transaction to roll a dry run back while keeping its result. */
class DryRunRollback<T> extends Error {
  constructor(readonly result: T) {
    super('dry run');
  }
}

/**
 * One write transaction in the order every write of entities follows: look up the references,
 * lock what is written (code-unit order within each call, so concurrent writers queue rather than
 * deadlock), compare, write, record history. The body does the looking up, locking and comparing
 * and queues each real change with `record`; the changes are written with the next revision of
 * each entity and one history record each when the body returns. Locks are Neo4j's own write locks,
 * held until the transaction ends (see cypher/entities/lock.cypher).
 */
export class LockedWrite {
  /** The instant every statement of this write records. */
  readonly now = new Date();
  private readonly locked = new Map<string, Record<string, unknown> | null>();
  private readonly changes = new Map<string, EntityChange>();
  private readonly edges: EdgeToOpen[] = [];

  constructor(
    readonly tx: GraphTransaction,
    readonly audit: WriteAudit,
  ) {}

  /** Type and status of `urns`; NOT_FOUND listing the missing ones, `fieldOf(first missing)` the offending field. */
  async references(urns: string[], fieldOf: (urn: string) => string | undefined): Promise<Map<string, StoredRef>> {
    return (await this.lockAndRead([], urns, fieldOf)).refs;
  }

  /**
   * Locks `urns` (each once per write, in code-unit order; a URN nothing stores yet is created
   * bare) and returns the stored properties of each: null for one the lock created.
   */
  async lock(urns: string[]): Promise<Map<string, Record<string, unknown> | null>> {
    return (await this.lockAndRead(urns, [], () => undefined)).stored;
  }

  /**
   * {@link references} of `refs` and {@link lock} of `urns` in one statement (the references are
   * read first): a write's first step costs one round of messages to Neo4j rather than two.
   */
  async lockAndRead(
    urns: string[],
    refs: string[],
    fieldOf: (urn: string) => string | undefined,
  ): Promise<{ stored: Map<string, Record<string, unknown> | null>; refs: Map<string, StoredRef> }> {
    const fresh = [...new Set(urns)].filter((u) => !this.locked.has(u)).sort();
    const [row] = fresh.length || refs.length ? await this.tx.run(queries.entityLock, { refs, urns: fresh }) : [{ refs: [], locked: [] }];
    const missing = row.refs.filter((r) => r.type === null).map((r) => r.urn);
    if (missing.length) {
      throw new NotFoundError(`Unknown URN${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`, missing, fieldOf(missing[0]));
    }
    for (const r of row.locked) this.locked.set(r.urn, r.props);
    return {
      stored: new Map(urns.map((u) => [u, this.locked.get(u) ?? null])),
      refs: new Map(row.refs.map((r) => [r.urn, { type: r.type, status: r.status }])),
    };
  }

  /**
   * Queues new edges: they are opened by the write's last statement, with the entities' changes.
   * (A loop, not `push(...edges)`: spread arguments overflow the stack past about 120,000 edges.)
   */
  open(edges: EdgeToOpen[]): void {
    for (const edge of edges) this.edges.push(edge);
  }

  /** Queues the change of a locked entity (one per entity); returns the revision it will have. */
  record(change: EntityChange): number {
    if (!this.locked.has(change.urn)) throw new Error(`${change.urn} is changed without its lock`);
    if (this.changes.has(change.urn)) throw new Error(`${change.urn} is changed twice in one write`);
    this.changes.set(change.urn, change);
    return this.revisionOf(change.urn) + 1;
  }

  /** Opens the queued edges and writes the queued changes and their history, in one statement. */
  async finish(): Promise<void> {
    const rows = [...this.changes.values()].map((c) => {
      const stored = this.locked.get(c.urn) ?? null;
      const type = (stored?.type as EntityType | undefined) ?? c.type;
      if (!type) throw new Error(`${c.urn} is created without a type`);
      return { change: c, label: ENTITY_LABELS[type], created: stored === null, revision: this.revisionOf(c.urn) + 1 };
    });
    const { actor, source } = this.audit;
    if (rows.length || this.edges.length) {
      const [done] = await this.tx.run(queries.entityWrite, {
        edges: this.edges,
        now: this.now,
        actor,
        source,
        rows: rows.map((r) => ({
          urn: r.change.urn,
          label: r.label,
          props: r.change.props,
          revision: r.revision,
          created: r.created,
          action: r.change.action ?? (r.created ? 'CREATED' : 'UPDATED'),
          changes: JSON.stringify(r.change.changes),
          reason: r.change.reason ?? null,
          at: atOrNull(r.change.at, this.now),
          statusChanged: !r.created && 'status' in r.change.props,
        })),
      });
      this.tx.note?.(done?.written ?? 0, this.delta(rows));
    }
  }

  /**
   * What this write adds to the lineage graph, for the walks kept across it (WriteJournal); null
   * when it changes a stored entity's status, creates an entity without a type (which a walk
   * cannot follow without reading the graph), or is too large to be worth following.
   */
  private delta(rows: { change: EntityChange; created: boolean }[]): WriteDelta | null {
    if (rows.length + this.edges.length > MAX_DELTA_ITEMS) return null;
    const created = new Map<string, { type: string; status: string | null }>();
    for (const { change, created: isNew } of rows) {
      if (!isNew) {
        if ('status' in change.props) return null;
        continue;
      }
      const { type, status } = change.props;
      if (typeof type !== 'string') return null;
      created.set(change.urn, { type, status: typeof status === 'string' ? status : null });
    }
    return { opened: this.edges, created, written: rows.map((r) => r.change.urn) };
  }

  private revisionOf(urn: string): number {
    return (this.locked.get(urn)?.revision as number | undefined) ?? 0;
  }
}

/**
 * `at` for a statement that reads null as its `$now`: null when the write gives no time of its own
 * or the same instant. The driver converts every date it sends with 64-bit integer arithmetic
 * (0.45 s of CPU per 10,000-entity batch, one date per edge and per change record), so the usual
 * case sends none.
 */
export function atOrNull(at: Date | undefined, now: Date): Date | null {
  return at === undefined || at.getTime() === now.getTime() ? null : at;
}

/**
 * Runs `body` as one write transaction through a LockedWrite (see there), all of it or nothing.
 * With `dryRun` everything runs, then the transaction is rolled back and `body`'s result returned.
 */
export async function lockedWrite<T>(
  graph: Graph,
  name: string,
  audit: WriteAudit & { dryRun?: boolean },
  body: (write: LockedWrite) => Promise<T>,
): Promise<T> {
  try {
    return await graph.journaledWrite(name, async (tx) => {
      const write = new LockedWrite(tx, audit);
      const result = await body(write);
      await write.finish();
      if (audit.dryRun) throw new DryRunRollback(result);
      return result;
    });
  } catch (err) {
    if (err instanceof DryRunRollback) return err.result as T;
    throw err;
  }
}
