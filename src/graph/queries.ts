import { defineQuery } from './query';

/**
 * Every Cypher statement mlgraph runs (except migrations, listed in migrations.ts), named once with
 * its parameter and row types. The file under cypher/ is the single source of the query text.
 */
export const queries = {
  serverInfo: defineQuery<Record<string, never>, { name: string; version: string; edition: string }>(
    'system/server-info',
    [],
  ),
  migrationsApplied: defineQuery<Record<string, never>, { id: string; checksum: string }>('system/migrations-applied', []),
  migrationRecord: defineQuery<{ id: string; checksum: string }, { id: string }>('system/migration-record', [
    'id',
    'checksum',
  ]),
} as const;

export type QueryName = keyof typeof queries;
