import DataLoader from 'dataloader';
import { queries, type Graph } from '../../graph';
import { declaredEdgeProps } from '../../model/edge-properties';
import type { RelationshipType } from '../../model/relationship-type';

/** One stored edge as stored (from)-[type]->(to), open at `asOf` (null: open now). */
export interface EdgeKeyAt {
  from: string;
  type: RelationshipType;
  to: string;
  asOf: Date | null;
}

/** What an edge records: its declared properties (see src/model/edge-properties.ts) and when it opened. */
export interface EdgeRecord {
  properties: Record<string, string>;
  validFrom: Date;
  createdBy: string | null;
}

export interface EdgeLoaders {
  /** An edge's record; null when no such edge is open at that instant. */
  edge: DataLoader<EdgeKeyAt, EdgeRecord | null, string>;
}

/** The per-request edge loader: each tick's `load()` calls become one statement. */
export function createEdgeLoaders(graph: Graph): EdgeLoaders {
  const edge = new DataLoader<EdgeKeyAt, EdgeRecord | null, string>(
    async (keys) => {
      const params = keys.map((k) => ({ id: edgeKeyId(k), from: k.from, type: k.type, to: k.to, asOf: k.asOf }));
      const found = new Map<string, EdgeRecord>();
      for (const row of await graph.read(queries.edgePropertiesOf, { keys: params })) {
        found.set(row.key, { properties: declaredEdgeProps(row.props), validFrom: row.validFrom, createdBy: row.createdBy });
      }
      return keys.map((k) => found.get(edgeKeyId(k)) ?? null);
    },
    { cacheKeyFn: edgeKeyId },
  );
  return { edge };
}

function edgeKeyId(k: EdgeKeyAt): string {
  return JSON.stringify([k.from, k.type, k.to, k.asOf?.toISOString() ?? null]);
}
