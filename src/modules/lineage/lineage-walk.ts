import { queries, type Graph, type GraphTransaction } from '../../graph';
import type { LineageLevelRow } from '../../graph/queries';
import { ENTITY_TYPES, type EntityType, type Status } from '../../model/entity-type';
import { RelationshipType } from '../../model/relationship-type';
import { LINEAGE_MAX_DEPTH } from './lineage.config';
import { expandableTypes, LineageDirection } from './lineage-steps';

export interface WalkOptions {
  direction: LineageDirection;
  /** Levels to walk (1 = direct neighbours only). */
  maxDepth: number;
  /** Entities with another status are neither returned nor walked through. */
  statuses: readonly Status[];
  /** See the graph as it was at this instant; null: as it is now (open edges only). */
  asOf: Date | null;
  /**
   * Only edges recording this version (their `version` property) are followed out of the root;
   * later levels are not filtered. Null or absent: every edge.
   */
  version?: string | null;
  /** Server limits: past either one the walk stops and is marked partial. */
  maxNodes: number;
  budgetMs: number;
  /**
   * Statements a large level (PARALLEL_MIN entities or more) is split into and run concurrently,
   * each in its own read transaction, when the walk is given a graph for them; 1 keeps every level
   * in the walk's transaction.
   */
  parallelism?: number;
}

/** An entity the walk reached: its shortest distance from the root and the step that reached it. */
export interface Reached {
  urn: string;
  type: EntityType;
  degree: number;
  /** The entity one step closer to the root on one shortest path. */
  from: string;
  relationship: RelationshipType;
}

export interface Walk {
  root: string;
  direction: LineageDirection;
  /** Every reached entity except the root, ordered by degree, then urn. */
  reached: Map<string, Reached>;
  /** True when a server limit cut the walk; `partialReason` says which. */
  isPartial: boolean;
  partialReason: string | null;
  /** Statements sent: one per level, more for levels split by FRONTIER_CHUNK or parallelism. */
  statements: number;
}

/** Frontiers larger than this are sent in several statements, so the time budget is checked often. */
export const FRONTIER_CHUNK = 5_000;
/**
 * While a walk is this small (its frontier, and the entities sent to a level so far, which go with
 * the statement as `visited`), it walks two levels per statement: a small walk's time is its round
 * trips. Entities reached but never sent on (leaves, types that end every path) do not count.
 */
export const TWO_LEVELS_MAX_FRONTIER = 100;
export const TWO_LEVELS_MAX_VISITED = 500;
/** Smallest frontier worth splitting over concurrent statements. */
export const PARALLEL_MIN = 1_000;

/**
 * Walks lineage from `root` breadth-first, one parameterized statement per level (two levels per
 * statement while the walk is small), inside one read transaction (large levels may add concurrent
 * ones, see walkIn). Each entity is expanded once (a
 * visited set), so the cost follows the reached nodes and edges, never the number of paths; cycles
 * end because nothing is visited twice. The first level that reaches an entity gives its degree
 * (the shortest distance); among the steps of that level the smallest (from, relationship) is kept,
 * so paths are deterministic. The root itself is never an item, even when a cycle leads back to it.
 * Entities whose type ends every path in this direction (expandableTypes), and those a two-level
 * statement found to have no edge of a step in it (`onward`), are returned but not expanded: a
 * small walk that reaches hundreds of leaf datasets sends them to no further statement. (The
 * one-level statements, which walk the large levels, do not ask: on the 1M benchmark graph the
 * check made a walk of 11,207 entities a third slower.)
 */
export async function walkLineage(graph: Graph, root: string, options: WalkOptions): Promise<Walk> {
  return graph.readTransaction(`lineage${options.direction === LineageDirection.UPSTREAM ? 'Upstream' : 'Downstream'}`, (tx) =>
    walkIn(tx, root, options, graph.insideUnit()),
  );
}

/**
 * The walk inside a given transaction (the driver may retry it: all state is local). With `side`
 * and `options.parallelism` > 1, large levels are split over concurrent statements on `side`
 * (Neo4j runs each statement on one core; a level of thousands of entities then uses several);
 * `side` must be the transaction's Graph.insideUnit() view, so these never wait for their own unit.
 */
export async function walkIn(tx: GraphTransaction, root: string, options: WalkOptions, side?: Pick<Graph, 'read'>): Promise<Walk> {
  const started = Date.now();
  const query = options.direction === LineageDirection.UPSTREAM ? queries.lineageUpstreamLevel : queries.lineageDownstreamLevel;
  const pinned = options.direction === LineageDirection.UPSTREAM ? queries.lineageUpstreamPinned : queries.lineageDownstreamPinned;
  const twoLevels = options.direction === LineageDirection.UPSTREAM ? queries.lineageUpstreamTwoLevels : queries.lineageDownstreamTwoLevels;
  const params = { statuses: [...options.statuses], asOf: options.asOf };
  const expandable = expandableTypes(options.direction);
  const reached = new Map<string, Reached>();
  const walk: Walk = { root, direction: options.direction, reached, isPartial: false, partialReason: null, statements: 0 };
  const cut = (reason: string) => {
    walk.isPartial = true;
    walk.partialReason = reason;
  };

  // Every entity sent to a level so far, the root first: what a two-level statement must not expand
  // again (`visited`). An entity that is never sent on can come back as a row, which keep() drops.
  const sentOn: string[] = [root];
  /** Keeps a level's rows (one per entity, not yet reached) as `degree`, within the node cap; returns the next frontier. */
  const keep = (found: Iterable<LineageLevelRow>, degree: number): string[] => {
    const level = [...found].filter((row) => row.urn !== root && !reached.has(row.urn)).sort((a, b) => compare(a.urn, b.urn));
    const room = options.maxNodes - reached.size;
    if (level.length > room) {
      level.length = Math.max(room, 0);
      cut(`node cap of ${options.maxNodes} entities reached`);
    }
    for (const row of level) {
      // A kept walk holds this for as long as it is kept: `from` is the string already held for that
      // entity (reached before, or the root), type and relationship one string per name, not a
      // copy per row as the driver decodes them (two fifths of what a kept walk's entity cost).
      reached.set(row.urn, {
        urn: row.urn,
        type: interned(row.type) as EntityType,
        degree,
        from: reached.get(row.from)?.urn ?? (row.from === root ? root : row.from),
        relationship: interned(row.relationship) as RelationshipType,
      });
    }
    const next = level.filter((r) => r.onward !== false && expandable.has(r.type as EntityType)).map((r) => r.urn);
    for (const urn of next) sentOn.push(urn); // a level may hold 100,000 (too many to spread as arguments)
    return next;
  };

  let frontier = [root];
  for (let degree = 1; degree <= options.maxDepth && frontier.length > 0 && !walk.isPartial; degree++) {
    if (Date.now() - started > options.budgetMs) {
      cut(`time budget of ${options.budgetMs} ms spent after ${reached.size} entities`);
      break;
    }
    const pinnedRoot = degree === 1 && options.version != null;
    if (!pinnedRoot && degree < options.maxDepth && frontier.length <= TWO_LEVELS_MAX_FRONTIER && sentOn.length < TWO_LEVELS_MAX_VISITED) {
      // A small walk: this level and the next in one statement (half the round trips).
      walk.statements++;
      const rows = await tx.run(twoLevels, { ...params, frontier, visited: sentOn, expandable: [...expandable], expandMax: TWO_LEVELS_MAX_FRONTIER });
      frontier = keep(
        rows.filter((r) => r.depth === 1),
        degree,
      );
      // The statement expanded the new level only when it is small (the same test as here).
      if (walk.isPartial || frontier.length > TWO_LEVELS_MAX_FRONTIER) continue;
      degree++;
      frontier = keep(
        rows.filter((r) => r.depth === 2),
        degree,
      );
      continue;
    }
    const found = new Map<string, LineageLevelRow>();
    const parts = side && frontier.length >= PARALLEL_MIN ? Math.max(1, options.parallelism ?? 1) : 1;
    const size = Math.min(FRONTIER_CHUNK, Math.ceil(frontier.length / parts));
    const chunks = Array.from({ length: Math.ceil(frontier.length / size) }, (_, i) => frontier.slice(i * size, (i + 1) * size));
    for (let i = 0; i < chunks.length; i += parts) {
      if (i > 0 && Date.now() - started > options.budgetMs) {
        cut(`time budget of ${options.budgetMs} ms spent after ${reached.size + found.size} entities`);
        break;
      }
      const round = chunks.slice(i, i + parts);
      if (pinnedRoot) {
        walk.statements++;
        const rows = await tx.run(pinned, { ...params, frontier: [root], version: options.version! });
        for (const row of rows) if (row.urn !== root) found.set(row.urn, row);
        continue;
      }
      walk.statements += round.length;
      const results =
        round.length > 1
          ? await Promise.all(round.map((chunk) => side!.read(query, { ...params, frontier: chunk })))
          : [await tx.run(query, { ...params, frontier: round[0] })];
      for (const row of results.flat()) {
        if (row.urn === root || reached.has(row.urn)) continue;
        const seen = found.get(row.urn);
        if (!seen || viaBefore(row, seen)) found.set(row.urn, row);
      }
    }
    frontier = keep(found.values(), degree);
  }
  // The server's depth cap, unlike a smaller maxDepth the client chose, cuts the answer: say so when
  // one more level would have reached anything (a single statement, only on walks this deep).
  for (let i = 0; !walk.isPartial && options.maxDepth >= LINEAGE_MAX_DEPTH && i < frontier.length; i += FRONTIER_CHUNK) {
    walk.statements++;
    const beyond = await tx.run(query, { ...params, frontier: frontier.slice(i, i + FRONTIER_CHUNK) });
    if (beyond.some((row) => row.urn !== root && !reached.has(row.urn))) {
      cut(`depth cap of ${LINEAGE_MAX_DEPTH} steps reached; entities lie further away`);
    }
  }
  return walk;
}

/** The declared entity type and relationship names: one string each, held by every kept walk. */
const NAMES = new Map<string, string>([...ENTITY_TYPES, ...Object.values(RelationshipType)].map((n) => [n, n]));
function interned(name: string): string {
  return NAMES.get(name) ?? name;
}

/** Code-unit order, as Cypher compares strings (localeCompare would not agree with it). */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function viaBefore(a: LineageLevelRow, b: LineageLevelRow): boolean {
  return compare(a.from, b.from) < 0 || (a.from === b.from && compare(a.relationship, b.relationship) < 0);
}
