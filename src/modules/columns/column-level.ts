import { queries, type GraphTransaction } from '../../graph';
import type { ColumnLevelRow } from '../../graph/queries';
import type { Status } from '../../model/entity-type';
import { columnUrn } from '../../model/columns';
import { LineageDirection } from '../lineage/lineage-steps';
import { compare } from '../lineage/lineage-walk';
import type { Carried } from './column-step';

/** A frontier entity of the proven side and what of it is affected. */
export interface ProvenFrontier {
  urn: string;
  carried: Carried;
}

/**
 * The proven side of one level of a column walk: for every frontier entity, one row per entity one
 * step away with the column edges that bear on the step (column-step.ts decides from them).
 * Downstream, what the affected columns feed is read from the columns' side
 * (cypher/columns/downstream-level.cypher: index seeks on the affected columns' URNs, so the cost
 * follows the column edges that matter, not all columns of every reached entity), and each row
 * says which affected datasets the reached entity has any mapping from; the links of a row are
 * then only those from affected columns. Upstream, cypher/columns/upstream-level.cypher.
 */
export async function provenLevel(
  tx: GraphTransaction,
  direction: LineageDirection,
  frontier: ProvenFrontier[],
  params: { statuses: Status[]; asOf: Date | null },
): Promise<ColumnLevelRow[]> {
  if (direction === LineageDirection.UPSTREAM) {
    return tx.run(queries.columnUpstreamLevel, { ...params, frontier: frontier.map((f) => ({ urn: f.urn, datasets: datasetsOf(f.carried) })) });
  }
  const rows = await tx.run(queries.columnDownstreamLevel, { ...params, frontier: frontier.map(downstreamEntry) });
  const out: ColumnLevelRow[] = [];
  for (const row of rows) {
    const fed = new Map<string, ColumnLevelRow['links']>();
    for (const [to, link] of row.fed) (fed.get(to) ?? fed.set(to, []).get(to)!).push(link);
    for (const [relationship, urn, type, mapped] of row.steps) {
      out.push({ from: row.from, relationship, urn, type, links: fed.get(urn) ?? [], viaFeatures: [], mapped });
    }
  }
  return out;
}

function downstreamEntry(f: ProvenFrontier): { urn: string; datasets: string[]; columns: string[]; all: string[] } {
  const datasets = datasetsOf(f.carried);
  const columns: string[] = [];
  const all: string[] = [];
  if (f.carried !== 'WHOLE') {
    for (const d of datasets) {
      const fields = f.carried.get(d)!;
      if (fields === 'ALL') all.push(d);
      else for (const field of [...fields].sort()) columns.push(columnUrn(d, field));
    }
  }
  return { urn: f.urn, datasets, columns, all };
}

/** The datasets whose columns an entity carries, sorted ([] when it is affected as a whole). */
export function datasetsOf(c: Carried): string[] {
  return c === 'WHOLE' ? [] : [...c.keys()].sort(compare);
}
