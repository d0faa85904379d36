import fs from 'node:fs';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { PROJECT_ROOT } from '../src/config';
import { ENTITY_TYPES, type EntityType } from '../src/model/entity-type';
import { expandableTypes, LineageDirection } from '../src/modules/lineage/lineage-steps';

const cypher = (name: string) => fs.readFileSync(path.join(PROJECT_ROOT, 'cypher', `${name}.cypher`), 'utf8');
const LEVEL = { DOWNSTREAM: cypher('lineage/downstream-level'), UPSTREAM: cypher('lineage/upstream-level') };
const BY_URNS = cypher('entities/by-urns');
/** The projection of entities/by-urns that reads names only. */
const NAME_ONLY = Object.fromEntries(ENTITY_TYPES.map((t) => [t, ['name']]));

export interface RawResult {
  total: number;
  countsByType: Record<string, number>;
  /** The first page: urn, degree, path length, name (hydrated). */
  items: { urn: string; degree: number; hops: number; name: string }[];
  levels: number;
}

/**
 * The same traversal as the API, written directly against the driver with the same Cypher files:
 * one statement per level in one read transaction (a level of 1,000 entities or more split in
 * `parallelism` concurrent statements on their own sessions, as the API does by default), visited
 * set and parents in plain maps, then the first `first` items by (degree, urn) with their paths,
 * hydrated with one statement. No GraphQL, no loaders, no Graph executor: what the API costs on top
 * of Neo4j is the difference.
 */
export async function rawWalk(
  driver: Driver,
  root: string,
  direction: 'DOWNSTREAM' | 'UPSTREAM',
  maxDepth: number,
  first: number,
  parallelism = 2,
): Promise<RawResult> {
  const expandable = expandableTypes(direction as LineageDirection);
  const params = { statuses: ['ACTIVE', 'DEPRECATED'], asOf: null };
  const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(async (tx) => {
      const parent = new Map<string, { from: string; degree: number; type: string }>();
      let frontier = [root];
      let levels = 0;
      for (let degree = 1; degree <= maxDepth && frontier.length; degree++) {
        levels++;
        const records =
          frontier.length >= 1000 && parallelism > 1
            ? (await Promise.all(split(frontier, parallelism).map((part) => side(driver, LEVEL[direction], { ...params, frontier: part })))).flat()
            : (await tx.run(LEVEL[direction], { ...params, frontier })).records;
        const next: string[] = [];
        for (const rec of records) {
          const urn = rec.get('urn') as string;
          if (urn === root || parent.has(urn)) continue; // (the API also keeps the smallest parent across parts)
          parent.set(urn, { from: rec.get('from'), degree, type: rec.get('type') });
          if (expandable.has(rec.get('type') as EntityType)) next.push(urn);
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
      for (const rec of (await tx.run(BY_URNS, { urns: show, fields: NAME_ONLY })).records) names.set(rec.get('urn'), rec.get('values')[0]);
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

function split<T>(xs: T[], parts: number): T[][] {
  const size = Math.ceil(xs.length / parts);
  return Array.from({ length: parts }, (_, i) => xs.slice(i * size, (i + 1) * size));
}

async function side(driver: Driver, text: string, params: Record<string, unknown>) {
  return (await driver.executeQuery(text, params, { database: 'neo4j', routing: neo4j.routing.READ })).records;
}
