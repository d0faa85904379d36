import fs from 'node:fs';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { PROJECT_ROOT } from '../src/config';

const cypher = (name: string) => fs.readFileSync(path.join(PROJECT_ROOT, 'cypher', `${name}.cypher`), 'utf8');
const LEVEL = { DOWNSTREAM: cypher('lineage/downstream-level'), UPSTREAM: cypher('lineage/upstream-level') };
const BY_URNS = cypher('entities/by-urns');

export interface RawResult {
  total: number;
  countsByType: Record<string, number>;
  /** The first page: urn, degree, path length, name (hydrated). */
  items: { urn: string; degree: number; hops: number; name: string }[];
  levels: number;
}

/**
 * The same traversal as the API, written directly against the driver with the same Cypher files:
 * one statement per level in one read transaction, visited set and parents in plain maps, then
 * the first `first` items by (degree, urn) with their paths, hydrated with one statement. No
 * GraphQL, no loaders, no Graph executor: what the API costs on top of Neo4j is the difference.
 */
export async function rawWalk(driver: Driver, root: string, direction: 'DOWNSTREAM' | 'UPSTREAM', maxDepth: number, first: number): Promise<RawResult> {
  const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(async (tx) => {
      const parent = new Map<string, { from: string; degree: number; type: string }>();
      let frontier = [root];
      let levels = 0;
      for (let degree = 1; degree <= maxDepth && frontier.length; degree++) {
        levels++;
        const res = await tx.run(LEVEL[direction], { frontier, statuses: ['ACTIVE', 'DEPRECATED'], asOf: null });
        const next: string[] = [];
        for (const rec of res.records) {
          const urn = rec.get('urn') as string;
          if (urn === root || parent.has(urn)) continue;
          parent.set(urn, { from: rec.get('from'), degree, type: rec.get('type') });
          next.push(urn);
        }
        frontier = next;
      }
      const all = [...parent.entries()].sort((a, b) => a[1].degree - b[1].degree || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      const countsByType: Record<string, number> = {};
      for (const [, p] of all) countsByType[p.type] = (countsByType[p.type] ?? 0) + 1;
      const page = all.slice(0, first).map(([urn, p]) => {
        const hops: string[] = [];
        for (let at: string | undefined = urn; at && at !== root; at = parent.get(at)?.from) hops.push(at);
        return { urn, degree: p.degree, path: hops };
      });
      const show = [...new Set(page.flatMap((p) => [p.urn, ...p.path]))];
      const names = new Map<string, string>();
      for (const rec of (await tx.run(BY_URNS, { urns: show })).records) names.set(rec.get('urn'), rec.get('props').name);
      return {
        total: all.length,
        countsByType,
        items: page.map((p) => ({ urn: p.urn, degree: p.degree, hops: p.path.length, name: names.get(p.urn) ?? '' })),
        levels,
      };
    });
  } finally {
    await session.close();
  }
}
