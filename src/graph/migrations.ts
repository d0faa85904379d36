import type { Logger } from '../logger';
import type { Graph } from './graph';
import { backfillColumns } from './column-backfill';
import { backfillNumericMetrics } from './metrics-backfill';
import { checksum, readCypher, type Query } from './query';
import { queries } from './queries';

/** Schema migrations in the order they apply; ids are file names under cypher/migrations/. */
export const MIGRATION_IDS = ['0001_entity_urn_unique', '0002_lookup_indexes', '0003_api_tokens', '0004_aliases_on_membership', '0005_runs_of_every_kind', '0006_columns', '0007_numeric_metrics', '0008_search_index_in_background', '0009_column_sources', '0010_platform_index'] as const;

/**
 * Work a migration does after its statements, in code: what Cypher alone cannot (0006 reads the
 * schemaFields JSON of older datasets, 0007 the text metrics of older models). Each is idempotent, like the statements.
 */
const AFTER_STATEMENTS: Partial<Record<(typeof MIGRATION_IDS)[number], (graph: Graph) => Promise<number>>> = {
  '0006_columns': backfillColumns,
  '0007_numeric_metrics': backfillNumericMetrics,
};

export interface Migration {
  id: string;
  checksum: string;
  statements: Query<Record<string, never>, Record<string, never>>[];
}

/** Splits a migration file into its statements: each ends with `;` at the end of a line. */
export function loadMigration(id: string): Migration {
  const text = readCypher(`migrations/${id}`);
  const body = text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n');
  const statements = body
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((s, i) => ({ name: `migrations/${id}#${i + 1}`, text: s, params: [] }));
  return { id, checksum: checksum(text), statements };
}

export const MIGRATIONS: Migration[] = MIGRATION_IDS.map(loadMigration);

/**
 * Applies the migrations not yet recorded in the database, in order, and records each one.
 * Idempotent: every statement is (IF NOT EXISTS, or a data move that finds nothing once done), and
 * recorded migrations are skipped, so a restart (or a second replica starting at once) does no work
 * twice. Returns the ids applied by this call.
 */
export async function migrate(graph: Graph, log: Logger): Promise<string[]> {
  const applied = new Map((await graph.read(queries.migrationsApplied, {})).map((r) => [r.id, r.checksum]));
  const done: string[] = [];
  for (const m of MIGRATIONS) {
    const previous = applied.get(m.id);
    if (previous === m.checksum) continue;
    if (previous !== undefined) log.warn({ migration: m.id }, 'migration text changed since it was applied; re-applying');
    for (const statement of m.statements) await graph.autoCommit(statement, {});
    const after = AFTER_STATEMENTS[m.id as (typeof MIGRATION_IDS)[number]];
    if (after) log.info({ migration: m.id, rows: await after(graph) }, 'migration data step done');
    await graph.write(queries.migrationRecord, { id: m.id, checksum: m.checksum });
    log.info({ migration: m.id, statements: m.statements.length }, 'migration applied');
    done.push(m.id);
  }
  return done;
}
