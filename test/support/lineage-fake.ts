import type { GraphTransaction, Query } from '../../src/graph';
import type { LineageLevelParams, LineageLevelRow, LineageTwoLevelsParams } from '../../src/graph/queries';
import { queries } from '../../src/graph';
import { EntityType, Status } from '../../src/model/entity-type';
import type { RelationshipType } from '../../src/model/relationship-type';
import { LINEAGE_STEPS, LineageDirection } from '../../src/modules/lineage/lineage-steps';
import type { WalkOptions } from '../../src/modules/lineage/lineage-walk';

// An in-memory stand-in for the level statements: what cypher/lineage/*-level.cypher return, computed
// from LINEAGE_STEPS over a list of stored edges (the Cypher itself is checked on Neo4j by the
// integration tests).
export interface Edge {
  start: string;
  type: RelationshipType;
  end: string;
}

export function fakeTx(edges: Edge[], status: Record<string, Status> = {}, delayMs = 0) {
  const statements: string[][] = [];
  const byNode = new Map<string, Edge[]>();
  for (const e of edges) for (const n of [e.start, e.end]) (byNode.get(n) ?? byNode.set(n, []).get(n)!).push(e);
  /** The entity at the far end of `e` when stepping from its near end, or undefined when `e` is no step from `from`. */
  const stepFrom = (from: string, e: Edge, downstream: boolean) => {
    const along = (LINEAGE_STEPS[e.type] === 'along') === downstream;
    const [a, b] = along ? [e.start, e.end] : [e.end, e.start];
    return a === from ? b : undefined;
  };
  /** One level: every entity one step from `frontier`, with the smallest (from, relationship), and whether it has a step onward. */
  const level = (frontier: string[], statuses: string[], downstream: boolean) => {
    const best = new Map<string, LineageLevelRow>();
    for (const from of frontier) {
      for (const e of byNode.get(from) ?? []) {
        const b = stepFrom(from, e, downstream);
        if (b === undefined || !statuses.includes(status[b] ?? Status.ACTIVE)) continue;
        const onward = (byNode.get(b) ?? []).some((next) => stepFrom(b, next, downstream) !== undefined);
        const row = { urn: b, type: typeOf(b), from, relationship: e.type, onward };
        const seen = best.get(b);
        if (!seen || [row.from, row.relationship] < [seen.from, seen.relationship]) best.set(b, row);
      }
    }
    return [...best.values()];
  };
  const tx: GraphTransaction = {
    async run<P extends object, R extends object>(query: Query<P, R>, params: P): Promise<R[]> {
      const { frontier, statuses } = params as unknown as LineageLevelParams;
      const downstream = query.name === queries.lineageDownstreamLevel.name || query.name === queries.lineageDownstreamTwoLevels.name;
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      if (query.name === queries.lineageDownstreamTwoLevels.name || query.name === queries.lineageUpstreamTwoLevels.name) {
        // lineage/*-two-levels: the level without `visited`, then the level of its expandable entities.
        const { visited, expandable, expandMax } = params as unknown as LineageTwoLevelsParams;
        const first = level(frontier, statuses, downstream).filter((r) => !visited.includes(r.urn));
        const expanding = first.filter((r) => expandable.includes(r.type) && r.onward).map((r) => r.urn);
        const next = expanding.length <= expandMax ? expanding : [];
        statements.push([...frontier, ...next]);
        const second = level(next, statuses, downstream);
        return [...first.map((r) => ({ ...r, depth: 1 })), ...second.map((r) => ({ ...r, depth: 2 }))] as unknown as R[];
      }
      statements.push(frontier);
      // lineage/*-level: the same rows, without `onward` (only the two-level statements ask).
      return level(frontier, statuses, downstream).map(({ onward: _, ...row }) => row) as unknown as R[];
    },
  };
  return { tx, statements };
}

/** A test entity's type: models' names start with m, the rest are datasets. */
export const typeOf = (urn: string) => (urn.startsWith('m') ? EntityType.MODEL : EntityType.DATASET);

/** A downstream walk's options with no limit in the way (no depth cap, no node cap, a minute), changed by `over`. */
export const walkOptions = (over: Partial<WalkOptions> = {}): WalkOptions => ({
  direction: LineageDirection.DOWNSTREAM,
  maxDepth: 1000,
  statuses: [Status.ACTIVE, Status.DEPRECATED],
  asOf: null,
  maxNodes: 100_000,
  budgetMs: 60_000,
  ...over,
});
