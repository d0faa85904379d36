import DataLoader from 'dataloader';
import { queries, type Graph } from '../../graph';
import { decodeEntity } from '../../model/encode';
import type { Direction, RelationshipType } from '../../model/relationship-type';

/** A decoded entity as the GraphQL types read it. */
export type EntityRecord = Record<string, unknown> & { urn: string; type: string };

export interface RelatedKey {
  urn: string;
  type: RelationshipType;
  direction: Direction;
}

export interface EntityLoaders {
  /** Entity by URN; null when absent. */
  entity: DataLoader<string, EntityRecord | null>;
  /** URNs at the other end of an entity's open edges of one type and direction, sorted; [] when none. */
  related: DataLoader<RelatedKey, string[], string>;
  /** How many open edges an entity has, by relationship type, direction and type at the other end. */
  edgeCounts: DataLoader<string, EdgeCount[]>;
}

export interface EdgeCount {
  type: RelationshipType;
  direction: Direction;
  target: string;
  count: number;
}

/**
 * Builds the per-request loaders. Each tick's `load()` calls become one statement per loader
 * (two for `related`: one per direction), whatever the page size.
 */
export function createEntityLoaders(graph: Graph): EntityLoaders {
  return {
    entity: new DataLoader(async (urns) => {
      const rows = await graph.read(queries.entitiesByUrns, { urns: [...urns] });
      const byUrn = new Map(rows.map((r) => [r.urn, decodeEntity(r.props) as EntityRecord]));
      return urns.map((u) => byUrn.get(u) ?? null);
    }),
    related: new DataLoader(
      async (keys) => {
        const result = new Map<string, string[]>();
        for (const direction of ['out', 'in'] as const) {
          const batch = keys.filter((k) => k.direction === direction).map((k) => ({ urn: k.urn, type: k.type }));
          if (!batch.length) continue;
          const query = direction === 'out' ? queries.relatedOut : queries.relatedIn;
          for (const row of await graph.read(query, { keys: batch })) {
            const k = relatedKeyId({ urn: row.urn, type: row.type as RelationshipType, direction });
            (result.get(k) ?? result.set(k, []).get(k)!).push(row.other);
          }
        }
        return keys.map((k) => result.get(relatedKeyId(k)) ?? []);
      },
      { cacheKeyFn: relatedKeyId },
    ),
    edgeCounts: new DataLoader(async (urns) => {
      const byUrn = new Map<string, EdgeCount[]>();
      for (const r of await graph.read(queries.edgeCounts, { urns: [...urns] })) {
        const count: EdgeCount = { type: r.type as RelationshipType, direction: r.outgoing ? 'out' : 'in', target: r.target, count: r.count };
        (byUrn.get(r.urn) ?? byUrn.set(r.urn, []).get(r.urn)!).push(count);
      }
      return urns.map((u) => byUrn.get(u) ?? []);
    }),
  };
}

export function relatedKeyId(k: RelatedKey): string {
  return `${k.direction}|${k.type}|${k.urn}`;
}
