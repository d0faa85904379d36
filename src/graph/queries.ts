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

  // Reading entities and their relationships (per-request DataLoaders batch these).
  entitiesByUrns: defineQuery<{ urns: string[] }, { urn: string; props: Record<string, unknown> }>('entities/by-urns', [
    'urns',
  ]),
  relatedOut: defineQuery<{ keys: { urn: string; type: string }[] }, { urn: string; type: string; other: string }>(
    'edges/related-out',
    ['keys'],
  ),
  relatedIn: defineQuery<{ keys: { urn: string; type: string }[] }, { urn: string; type: string; other: string }>(
    'edges/related-in',
    ['keys'],
  ),

  // Writing entities, edges and history (one transaction per mutation; see entity-writer.ts).
  entityRefs: defineQuery<{ urns: string[] }, { urn: string; type: string | null; status: string | null }>(
    'entities/refs',
    ['urns'],
  ),
  entityLock: defineQuery<{ urns: string[] }, { urn: string; props: Record<string, unknown> | null }>('entities/lock', [
    'urns',
  ]),
  entityWrite: defineQuery<
    { rows: { urn: string; label: string; props: Record<string, unknown>; revision: number; created: boolean }[]; now: Date; actor: string },
    { written: number }
  >('entities/write', ['rows', 'now', 'actor']),
  entityUnlock: defineQuery<{ urns: string[] }, { unlocked: number }>('entities/unlock', ['urns']),
  edgesOpenOf: defineQuery<
    { urns: string[]; types: string[] },
    { urn: string; type: string; outgoing: boolean; other: string }
  >('edges/open-of', ['urns', 'types']),
  edgesClose: defineQuery<{ edges: EdgeKey[]; now: Date; actor: string }, { closed: number }>('edges/close', [
    'edges',
    'now',
    'actor',
  ]),
  edgesOpen: defineQuery<{ edges: EdgeKey[]; now: Date; actor: string; source: string }, { opened: number }>(
    'edges/open',
    ['edges', 'now', 'actor', 'source'],
  ),
  historyRecord: defineQuery<
    {
      changes: { urn: string; revision: number; action: string; changes: string; reason: string | null }[];
      now: Date;
      actor: string;
      source: string;
    },
    { recorded: number }
  >('history/record', ['changes', 'now', 'actor', 'source']),
} as const;

/** One stored edge, by its endpoints and type. */
export interface EdgeKey {
  from: string;
  type: string;
  to: string;
}

export type QueryName = keyof typeof queries;
