import type { Logger } from '../logger';
import type { Graph } from './graph';
import { queries } from './queries';
import type { Query } from './query';

/** A URN no entity has: the statements below find nothing for it and return at once. */
const NOBODY = 'urn:li:mlgraph:plan-warmup';
const STATUSES = ['ACTIVE', 'DEPRECATED'];

/** A statement with parameters of its declared type (so a change of type fails to compile here). */
const planned = <P extends object, R extends object>(query: Query<P, R>, params: P) => [query as unknown as Query<object, object>, params] as const;

/**
 * The walk statements, with parameters of the types requests send (Neo4j keeps a plan per
 * statement text and parameter types). Planned cold, on a Neo4j that has just started, the column
 * walk's downstream level takes 3.5 s and the others up to a second each on a 2-core machine: the
 * first lineage or impact question after a start would pay it (BENCHMARKS.md, "Column-level
 * impact").
 */
const WALK_STATEMENTS = [
  planned(queries.lineageDownstreamLevel, { frontier: [NOBODY], statuses: STATUSES, asOf: null }),
  planned(queries.lineageUpstreamLevel, { frontier: [NOBODY], statuses: STATUSES, asOf: null }),
  planned(queries.lineageDownstreamTwoLevels, { frontier: [NOBODY], visited: [NOBODY], expandable: [NOBODY], expandMax: 100, statuses: STATUSES, asOf: null }),
  planned(queries.lineageUpstreamTwoLevels, { frontier: [NOBODY], visited: [NOBODY], expandable: [NOBODY], expandMax: 100, statuses: STATUSES, asOf: null }),
  planned(queries.columnDownstreamLevel, { frontier: [{ urn: NOBODY, fallback: false, datasets: [NOBODY], columns: [NOBODY], all: [] }], known: {}, statuses: STATUSES, asOf: null }),
  planned(queries.columnUpstreamLevel, { frontier: [{ urn: NOBODY, datasets: [NOBODY] }], statuses: STATUSES, asOf: null }),
];

/**
 * Runs each walk statement once on a URN nobody has, so Neo4j plans them before the first question
 * instead of during it. Called in the background after the migrations; a failure is logged and
 * changes nothing (the first real question plans what is missing). Returns how long it took.
 */
export async function warmWalkPlans(graph: Graph, log: Logger): Promise<number> {
  const started = Date.now();
  for (const [query, params] of WALK_STATEMENTS) {
    try {
      await graph.read(query, params);
    } catch (err) {
      log.warn({ query: query.name, err: err instanceof Error ? err.message : String(err) }, 'could not plan a walk statement ahead');
    }
  }
  const ms = Date.now() - started;
  log.info({ statements: WALK_STATEMENTS.length, ms }, 'walk statements planned');
  return ms;
}
