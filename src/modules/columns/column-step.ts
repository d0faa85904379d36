import type { ColumnLevelRow } from '../../graph/queries';
import { EntityType } from '../../model/entity-type';
import { LineageDirection } from '../lineage/lineage-steps';

/**
 * What of an entity a column walk found affected (downstream) or contributing (upstream): 'WHOLE'
 * for an entity that is not a dataset (or a run passing on a whole entity), else the columns of
 * each dataset it carries: a dataset its own, a run those of the datasets it reads (downstream) or
 * writes (upstream); 'ALL' when every column of that dataset counts.
 */
export type Carried = 'WHOLE' | Map<string, Set<string> | 'ALL'>;

/** A column edge that proves a hop, walk order: `from` on the nearer side; null where that end is an entity (a reader, a run). */
export interface HopLink {
  from: { dataset: string; field: string } | null;
  to: { dataset: string; field: string } | null;
  transformations: string | null;
}

/** What one step does: reach the entity proven (carrying `carried`), reach it with DATASET precision, or not at all. */
export type Decision =
  | { kind: 'proven'; carried: Carried; links: HopLink[]; tentative: boolean }
  | { kind: 'fallback'; links: HopLink[] }
  | { kind: 'none'; links: HopLink[] };

type Link = ColumnLevelRow['links'][number];

const linkKey = (l: HopLink) => [l.from?.dataset ?? '', l.from?.field ?? '', l.to?.dataset ?? '', l.to?.field ?? ''];
/** Code-unit order of the first differing key. */
const compareKeys = (a: string[], b: string[]) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
};

const affects = (carried: Map<string, Set<string> | 'ALL'>, dataset: string | null, field: string | null) => {
  if (dataset === null || field === null) return false;
  const fields = carried.get(dataset);
  return fields === 'ALL' || Boolean(fields?.has(field));
};

/**
 * The decision for one step of a column walk from `x` (of type `xType`, carrying `carried`) to the
 * entity of `row`, from the column edges the level statement found (README, "Columns"):
 * - from a WHOLE entity downstream everything it feeds is affected (a dataset with ALL columns);
 *   upstream, a feature or model that reads columns of a dataset names them, a model reading it
 *   only through features reaches it through them, and any other step into a dataset has no
 *   column mapping (DATASET);
 * - from carried columns, a step into a dataset, feature or model is proven by column edges that
 *   start (downstream) or end (upstream) at carried columns, is not taken when the entity has
 *   column edges for the carried dataset but none of the carried columns (it does not depend on
 *   them), and has no mapping otherwise (DATASET, unless every column of the dataset counts);
 * - a run that reads an affected dataset is tentative: it carries the columns on and is reported
 *   when something it writes or trains is reached through it (column-walk.ts judges it); upstream,
 *   the run that wrote the columns carries them to its inputs.
 */
export function decide(direction: LineageDirection, xType: EntityType, carried: Carried, x: string, row: ColumnLevelRow): Decision {
  const y = row.type as EntityType;
  const down = direction === LineageDirection.DOWNSTREAM;
  if (carried === 'WHOLE') {
    if (down) return { kind: 'proven', carried: y === EntityType.DATASET ? new Map([[row.urn, 'ALL']]) : 'WHOLE', links: [], tentative: false };
    if (y !== EntityType.DATASET) return { kind: 'proven', carried: 'WHOLE', links: [], tentative: false };
    const read = row.links.filter((l) => l[2] === null);
    if (read.length) {
      const links = read.map((l) => ({ from: null, to: { dataset: l[0], field: l[1] }, transformations: null }));
      return { kind: 'proven', carried: new Map([[row.urn, new Set(read.map((l) => l[1]))]]), links, tentative: false };
    }
    return row.viaFeatures.includes(row.urn) ? { kind: 'none', links: [] } : { kind: 'fallback', links: [] };
  }

  // x carries columns: a dataset, or a run passing its datasets' columns on.
  if (down && y === EntityType.RUN && xType === EntityType.DATASET) {
    const fields = carried.get(x)!;
    const links = fields === 'ALL' ? [] : [...fields].sort().map((f) => ({ from: { dataset: x, field: f }, to: null, transformations: null }));
    return { kind: 'proven', carried: new Map([[x, fields]]), links, tentative: fields !== 'ALL' };
  }
  if (!down && y === EntityType.RUN) return { kind: 'proven', carried: new Map(carried), links: [], tentative: false };
  if (y !== EntityType.DATASET && y !== EntityType.FEATURE && y !== EntityType.MODEL) return { kind: 'fallback', links: [] };

  // Which carried dataset each link concerns, and whether it touches a carried column.
  const carriedEnd = (l: Link) => (down ? [l[0], l[1]] : [l[2], l[3]]) as [string | null, string | null];
  const hit = row.links.filter((l) => {
    const [d, f] = carriedEnd(l);
    return down ? affects(carried, d, f) : d === null ? false : affects(carried, d, f);
  });
  const mapped = new Set(row.links.map((l) => carriedEnd(l)[0]).filter((d): d is string => d !== null));
  for (const d of row.viaFeatures) mapped.add(d);
  for (const d of row.mapped ?? []) mapped.add(d);
  // Upstream, a reader's own links (output end null) belong to the frontier entity, not to carried columns.
  const unmapped = [...carried].filter(([d]) => !mapped.has(d));
  // Sorted: the statements return column edges in no set order (it follows Neo4j's plan).
  const links = hit
    .map((l) =>
      down
        ? { from: { dataset: l[0], field: l[1] }, to: l[2] === null ? null : { dataset: l[2], field: l[3]! }, transformations: l[4] }
        : { from: { dataset: l[2]!, field: l[3]! }, to: { dataset: l[0], field: l[1] }, transformations: l[4] },
    )
    .sort((a, b) => compareKeys(linkKey(a), linkKey(b)));
  if (hit.length) {
    const next: Carried = y === EntityType.DATASET ? new Map([[row.urn, new Set(hit.map((l) => (down ? l[3]! : l[1])))]]) : 'WHOLE';
    return { kind: 'proven', carried: next, links, tentative: false };
  }
  if (unmapped.some(([, f]) => f === 'ALL')) {
    return { kind: 'proven', carried: y === EntityType.DATASET ? new Map([[row.urn, 'ALL']]) : 'WHOLE', links: [], tentative: false };
  }
  return unmapped.length ? { kind: 'fallback', links: [] } : { kind: 'none', links: [] };
}
