import neo4j, { type Session, type Transaction } from 'neo4j-driver';
import type { GraphTransaction } from './graph';
import type { Query } from './query';
import type { WriteDelta, WriteJournal } from './write-journal';

/** Statements of a journaled write that change nothing a walk of entities follows beyond what its note says. */
const FOLLOWED = new Set(['entities/lock', 'entities/write', 'edges/open-of']);
const followed = (name: string) => FOLLOWED.has(name) || name.startsWith('columns/');

/** What Graph.journaledWrite gives the loop below. */
export interface JournaledRun {
  session: Session;
  config: { timeout: number; metadata: Record<string, unknown> };
  journal: WriteJournal;
  /** How long transient failures are retried (NEO4J_MAX_RETRY_MS). */
  retryForMs: number;
  /** Runs one statement in `tx` as the graph module runs every statement (logged, timed, decoded). */
  run: <P extends object, R extends object>(tx: Transaction, query: Query<P, R>, params: P) => Promise<R[]>;
}

/**
 * Runs `work` in one explicit write transaction of `o.session` and commits it through the journal
 * when `work` noted what it did (WriteJournal.commit: the commit waits for no gated version read to
 * be running, and is journaled once acknowledged); the note is kept only when every statement ran
 * is one whose effect on walks it describes (FOLLOWED), else the journal records that walks cannot
 * follow the write. Transient failures (a lost connection, a deadlock, a leader switch) roll back
 * and run `work` again after a growing, jittered pause, as the driver's managed transactions do,
 * until `o.retryForMs` has passed.
 */
export async function journaledTransaction<T>(o: JournaledRun, work: (tx: GraphTransaction) => Promise<T>): Promise<T> {
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    const tx = o.session.beginTransaction(o.config);
    let ran = true;
    let noted: { changes: number; delta: WriteDelta | null } | undefined;
    try {
      const result = await work({
        run: (query, params) => {
          ran &&= followed(query.name);
          return o.run(tx, query, params);
        },
        note: (changes, delta) => {
          noted = { changes: (noted?.changes ?? 0) + changes, delta: noted ? null : delta };
        },
      });
      if (noted) await o.journal.commit(() => tx.commit(), noted.changes, ran ? noted.delta : null);
      else await tx.commit();
      return result;
    } catch (err) {
      if (tx.isOpen()) await tx.rollback().catch(() => undefined);
      if (!neo4j.isRetryableError(err) || Date.now() - started > o.retryForMs) throw err;
      await new Promise((resolve) => setTimeout(resolve, Math.min(5_000, 200 * 2 ** attempt) * (0.8 + Math.random() * 0.4)));
    }
  }
}
