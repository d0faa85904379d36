import { defineQuery } from './query';
import type { Int, FieldsByType, ProjectedRow, RelatedRow, RelatedSliceParam, LineageLevelParams, LineageLevelRow, LineageTwoLevelsParams, LineageTwoLevelsRow, BrowseFilterParams, BrowseKey, SearchParams, ChangeRow, ColumnLevelParams, ColumnLevelRow, ColumnDownstreamLevelParams, ColumnDownstreamLevelRow, SchemaSyncRow, ColumnsCreateRow, EdgeToOpen, TimedEdgeKey } from './query-shapes';

const TWO_LEVELS_PARAMS = ['frontier', 'visited', 'expandable', 'expandMax', 'statuses', 'asOf'] as const;
/**
 * Reads the read cache may answer while the graph's version stays the same (src/graph/read-cache.ts):
 * what they read changes only through writes that record history, they read no clock, and none
 * returns a row whose columns are all null (that row marks a read with no rows: versionedText).
 */
const CACHED = { cached: true } as const;
/** The parameters of every entities(filter) count. */
const BROWSE_FILTER = ['types', 'statuses', 'platform', 'env', 'tag', 'owner', 'namePrefix'] as const;

/**
 * Every Cypher statement mlgraph runs (except migrations, listed in migrations.ts), named once with
 * its parameter and row types. The file under cypher/ is the single source of the query text.
 */
export const queries = {
  serverInfo: defineQuery<Record<string, never>, { name: string; version: string; edition: string }>(
    'system/server-info',
    [],
  ),
  graphVersion: defineQuery<Record<string, never>, { graphVersion: number }>('system/graph-version', []),
  migrationsApplied: defineQuery<Record<string, never>, { id: string; checksum: string }>('system/migrations-applied', []),
  migrationRecord: defineQuery<{ id: string; checksum: string }, { id: string }>('system/migration-record', [
    'id',
    'checksum',
  ]),

  // Reading entities and their relationships (per-request DataLoaders batch these).
  entitiesByUrns: defineQuery<{ urns: string[]; fields: FieldsByType }, ProjectedRow>('entities/by-urns', ['urns', 'fields'], CACHED),
  related: defineQuery<{ slices: Omit<RelatedSliceParam, 'urns'>[]; owners: { urn: string; slices: number[] }[]; fields: FieldsByType }, RelatedRow>(
    'edges/related',
    ['slices', 'owners', 'fields'],
    CACHED,
  ),
  edgePropertiesOf: defineQuery<
    { keys: { id: string; from: string; type: string; to: string; asOf: Date | null }[] },
    { key: string; props: Record<string, unknown>; validFrom: Date; createdBy: string | null }
  >('edges/properties-of', ['keys'], CACHED),
  edgeCounts: defineQuery<{ urns: string[] }, { urn: string; type: string; outgoing: boolean; target: string; count: number }>(
    'edges/counts',
    ['urns'],
    CACHED,
  ),

  // Lineage: one breadth-first level per statement (see src/modules/lineage/lineage-walk.ts).
  lineageStart: defineQuery<
    { urn: string; urns: string[]; fields: FieldsByType; signed: string[]; downstream: boolean },
    {
      version: number;
      statusVersion: number;
      /** Per entity of `signed`: [index, revision, lineage edges on the walk's side (`downstream`)]. */
      signature: [number, number, number][];
      versionAfter: number;
      urn: string | null;
      type: string | null;
      values: unknown[];
      entities: ProjectedRow[];
    }
  >('lineage/start', ['urn', 'urns', 'fields', 'signed', 'downstream']),
  lineageDownstreamLevel: defineQuery<LineageLevelParams, LineageLevelRow>('lineage/downstream-level', [
    'frontier',
    'statuses',
    'asOf',
  ]),
  lineageUpstreamLevel: defineQuery<LineageLevelParams, LineageLevelRow>('lineage/upstream-level', [
    'frontier',
    'statuses',
    'asOf',
  ]),
  lineageDownstreamTwoLevels: defineQuery<LineageTwoLevelsParams, LineageTwoLevelsRow>('lineage/downstream-two-levels', TWO_LEVELS_PARAMS),
  lineageUpstreamTwoLevels: defineQuery<LineageTwoLevelsParams, LineageTwoLevelsRow>('lineage/upstream-two-levels', TWO_LEVELS_PARAMS),
  lineageDownstreamPinned: defineQuery<LineageLevelParams & { version: string }, LineageLevelRow>('lineage/downstream-pinned', [
    'frontier',
    'statuses',
    'asOf',
    'version',
  ]),
  lineageUpstreamPinned: defineQuery<LineageLevelParams & { version: string }, LineageLevelRow>('lineage/upstream-pinned', [
    'frontier',
    'statuses',
    'asOf',
    'version',
  ]),
  lineageEdgesAmong: defineQuery<{ urns: string[]; asOf: Date | null; edgeProps: string[] }, { from: string; relationship: string; to: string; props: unknown[] }>(
    'lineage/edges-among',
    ['urns', 'asOf', 'edgeProps'],
  ),

  // Lists, search and history (src/modules/queries/): one page per statement, totals on demand.
  browseEntitiesPage: defineQuery<BrowseFilterParams & { after: BrowseKey | null; limit: Int; fields: FieldsByType }, BrowseKey & ProjectedRow>(
    'browse/entities-page',
    ['types', 'statuses', 'platform', 'env', 'tag', 'owner', 'namePrefix', 'after', 'limit', 'fields'],
    CACHED,
  ),
  // The same page when the filter names a platform, from the (platform, type, name) index.
  browseEntitiesPageOfPlatform: defineQuery<BrowseFilterParams & { platform: string; after: BrowseKey | null; limit: Int; fields: FieldsByType }, BrowseKey & ProjectedRow>(
    'browse/entities-page-of-platform',
    ['types', 'statuses', 'platform', 'env', 'tag', 'owner', 'namePrefix', 'after', 'limit', 'fields'],
    CACHED,
  ),
  browseEntitiesCount: defineQuery<BrowseFilterParams, { total: number }>('browse/entities-count', BROWSE_FILTER, CACHED),
  // The same count when the filter names a platform, from the (platform, type, name) index.
  browseEntitiesCountOfPlatform: defineQuery<BrowseFilterParams & { platform: string }, { total: number }>('browse/entities-count-of-platform', BROWSE_FILTER, CACHED),
  searchEntitiesPage: defineQuery<SearchParams & { skip: Int; limit: Int }, { urn: string; score: number }>(
    'search/entities-page',
    ['query', 'types', 'statuses', 'skip', 'limit'],
  ),
  searchEntitiesCount: defineQuery<SearchParams, { total: number }>('search/entities-count', ['query', 'types', 'statuses']),
  historyPage: defineQuery<{ urn: string; before: number | null; limit: Int }, ChangeRow>('history/page', [
    'urn',
    'before',
    'limit',
  ], CACHED),
  historyCount: defineQuery<{ urn: string }, { total: number }>('history/count', ['urn'], CACHED),

  // Writing entities, edges and history (one transaction per mutation; see entity-writer.ts).
  /** The references' type and status (read first), and the written entities' locks with their stored properties. */
  entityLock: defineQuery<
    { refs: string[]; urns: string[] },
    { refs: { urn: string; type: string | null; status: string | null }[]; locked: { urn: string; props: Record<string, unknown> | null }[] }
  >('entities/lock', ['refs', 'urns']),
  /** The write's new edges (an edge's `at` of null is `now`: one date for the statement instead of one per edge), then its entities and their history. */
  entityWrite: defineQuery<
    {
      edges: EdgeToOpen[];
      /** One per changed entity: what to store, and its change record (`at` null: `now`). */
      rows: {
        urn: string;
        label: string;
        props: Record<string, unknown>;
        revision: number;
        created: boolean;
        action: string;
        changes: string;
        reason: string | null;
        at: Date | null;
        /** A stored entity's status changed: the record is also a StatusChange. */
        statusChanged: boolean;
      }[];
      now: Date;
      actor: string;
      source: string;
    },
    { opened: number; written: number }
  >('entities/write', ['edges', 'rows', 'now', 'actor', 'source']),
  edgesOpenOf: defineQuery<
    { urns: string[]; types: string[]; props: string[] },
    { urn: string; type: string; outgoing: boolean; other: string; otherStatus: string | null; props: unknown[]; validFrom: Date | null }
  >('edges/open-of', ['urns', 'types', 'props']),
  edgesClose: defineQuery<{ edges: TimedEdgeKey[]; now: Date; actor: string }, { closed: number }>('edges/close', [
    'edges',
    'now',
    'actor',
  ]),
  edgesMoveStart: defineQuery<{ edges: TimedEdgeKey[] }, { moved: number }>('edges/move-start', ['edges']),

  // Columns of datasets and column lineage, written with the entity that sets them (src/modules/columns/).
  columnsSchemaSync: defineQuery<{ rows: SchemaSyncRow[]; now: Date }, { opened: number; closed: number }>('columns/schema-sync', ['rows', 'now']),
  columnsCreate: defineQuery<{ rows: ColumnsCreateRow[]; now: Date }, { opened: number }>('columns/create', ['rows', 'now']),
  columnsEnsure: defineQuery<{ columns: { urn: string; dataset: string; field: string }[] }, { columns: number }>('columns/ensure', ['columns']),
  columnDownstreamLevel: defineQuery<ColumnDownstreamLevelParams, ColumnDownstreamLevelRow>('columns/downstream-level', ['frontier', 'known', 'statuses', 'asOf']),
  columnUpstreamLevel: defineQuery<ColumnLevelParams, ColumnLevelRow>('columns/upstream-level', ['frontier', 'statuses', 'asOf']),
  columnsOfDatasets: defineQuery<
    { datasets: string[]; asOf: Date | null; after: string; limit: Int },
    { dataset: string; urn: string; field: string; type: string | null; description: string | null; columns: number; datasets: number; features: number; models: number }
  >('columns/of-datasets', ['datasets', 'asOf', 'after', 'limit'], CACHED),
  columnsKnown: defineQuery<{ dataset: string; fields: string[] }, { field: string }>('columns/known', ['dataset', 'fields']),
  columnsBackfillPage: defineQuery<{ after: string; limit: Int }, { urn: string; schemaFields: string; since: Date | null }>(
    'columns/backfill-page',
    ['after', 'limit'],
  ),
  columnLinksOf: defineQuery<
    { datasets: string[]; readers: string[] },
    { owner: string; field: string | null; dataset: string; input: string; transformations: string | null; validFrom: Date | null }
  >('columns/links-of', ['datasets', 'readers']),
  columnMoveStart: defineQuery<{ links: { owner: string; from: string | null; to: string; at: Date }[] }, { moved: number }>('columns/move-start', ['links']),
  // Column edges take the time their fact became true (`at`: the write's eventTime, else its now;
  // null in the opening statements: $now, so that the usual write sends no date per edge).
  columnDerivedClose: defineQuery<{ links: { from: string; to: string; at: Date }[] }, { closed: number }>('columns/derived-close', ['links']),
  columnDerivedOpen: defineQuery<{ links: { from: string; to: string; transformations: string; at: Date | null }[]; now: Date }, { opened: number }>(
    'columns/derived-open',
    ['links', 'now'],
  ),
  columnSourcesSet: defineQuery<{ rows: { urn: string; datasets: string[] }[] }, { written: number }>('columns/sources-set', ['rows']),
  columnReadsClose: defineQuery<{ links: { owner: string; to: string; at: Date }[] }, { closed: number }>('columns/reads-close', ['links']),
  columnReadsOpen: defineQuery<{ links: { owner: string; to: string; at: Date | null }[]; now: Date }, { opened: number }>('columns/reads-open', ['links', 'now']),

  // Model aliases, held on open MEMBER_OF edges (one alias per group, see modules/aliases).
  aliasesOf: defineQuery<{ urns: string[] }, { urn: string; alias: string; model: string; group: string }>('aliases/of', ['urns'], CACHED),
  aliasMembers: defineQuery<{ group: string }, { model: string; aliases: string[] }>('aliases/members', ['group']),
  aliasesSet: defineQuery<{ group: string; rows: { model: string; aliases: string[] }[] }, { written: number }>(
    'aliases/set',
    ['group', 'rows'],
  ),

  // Versions of model groups, ordered by the server (src/kinds/model-group/version-order.ts).
  groupVersions: defineQuery<
    { groups: string[]; statuses: string[]; asOf: Date | null },
    { group: string; urn: string; version: string | null; sortId: string | null; createdAt: Date | null }
  >('models/group-versions', ['groups', 'statuses', 'asOf'], CACHED),
  // Migration 0007: numeric metrics from the text trainingMetrics of older models.
  metricsBackfillPage: defineQuery<{ after: string; limit: Int }, { urn: string; trainingMetrics: string }>('models/metrics-backfill-page', [
    'after',
    'limit',
  ]),
  metricsBackfillWrite: defineQuery<{ rows: { urn: string; metrics: string }[] }, { written: number }>('models/metrics-backfill-write', ['rows']),

  // API tokens (stored by hash only).
  tokenByHash: defineQuery<{ hash: string }, { id: string; principal: string; role: string }>('auth/token-by-hash', ['hash']),
  tokenCreate: defineQuery<
    { id: string; principal: string; role: string; hash: string; actor: string; now: Date },
    { id: string; principal: string; role: string; createdAt: Date }
  >('auth/token-create', ['id', 'principal', 'role', 'hash', 'actor', 'now']),
  tokenRevoke: defineQuery<{ id: string; actor: string; now: Date }, { id: string; revokedAt: Date }>('auth/token-revoke', [
    'id',
    'actor',
    'now',
  ]),
  liveTokensCount: defineQuery<Record<string, never>, { live: number }>('auth/live-tokens-count', []),
  tokensList: defineQuery<
    Record<string, never>,
    { id: string; principal: string; role: string; createdAt: Date; createdBy: string; revokedAt: Date | null }
  >('auth/tokens-list', []),
} as const;

export type { FieldsByType, ProjectedRow, RelatedRow, RelatedSliceParam, LineageLevelParams, LineageLevelRow, LineageTwoLevelsParams, LineageTwoLevelsRow, BrowseFilterParams, BrowseKey, SearchParams, ChangeRow, ColumnLevelParams, ColumnLevelRow, ColumnDownstreamLevelParams, ColumnDownstreamLevelRow, SchemaSyncRow, ColumnsCreateRow, EdgeKey, EdgeToOpen, TimedEdgeKey } from './query-shapes';

export type QueryName = keyof typeof queries;
