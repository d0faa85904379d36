import { queries, type GraphTransaction } from '../../graph';
import type { ColumnDownstreamLevelParams, ColumnLevelRow, LineageLevelRow } from '../../graph/queries';
import { EntityType, type Status } from '../../model/entity-type';
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
 * What a walk has learnt of column mappings: by affected dataset, whether each entity reached from
 * it has any column mapping from it. The same pair comes up again at later levels (a run that
 * reads a dataset leads to the models trained on it), and is then not asked again.
 */
export type MappingMemo = Map<string, Map<string, boolean>>;

const MAPPED_TYPES = new Set<string>([EntityType.DATASET, EntityType.FEATURE, EntityType.MODEL]);

/** One level's rows: the proven side's steps (column-step.ts decides them) and the fallback side's reached entities. */
export interface LevelRows {
  proven: ColumnLevelRow[];
  /** One row per entity reached from the fallback frontier, with the smallest (from, relationship) reaching it. */
  fallback: LineageLevelRow[];
  statements: number;
}

/**
 * One level of a column walk: for every proven frontier entity, one row per entity one step away
 * with the column edges that bear on the step; for the fallback frontier (entities past a hop
 * without column mapping), every entity one step away, as the entity walk reaches it.
 * Downstream, one statement serves both sides (cypher/columns/downstream-level.cypher): what the
 * affected columns feed is read from the columns' side (index seeks on the affected columns'
 * URNs, so the cost follows the column edges that matter, not all columns of every reached
 * entity), and each row says which affected datasets the reached entity has any mapping from; the
 * links of a row are then only those from affected columns; fallback entries carry no columns, so
 * their rows are the plain steps. Upstream, cypher/columns/upstream-level.cypher for the proven
 * side and the entity walk's level statement for the fallback side.
 */
export async function levelRows(
  tx: GraphTransaction,
  direction: LineageDirection,
  proven: ProvenFrontier[],
  fallback: string[],
  memo: MappingMemo,
  params: { statuses: Status[]; asOf: Date | null },
): Promise<LevelRows> {
  if (direction === LineageDirection.UPSTREAM) {
    const out: LevelRows = { proven: [], fallback: [], statements: 0 };
    if (proven.length) {
      out.statements++;
      out.proven = await tx.run(queries.columnUpstreamLevel, { ...params, frontier: proven.map((f) => ({ urn: f.urn, datasets: datasetsOf(f.carried) })) });
    }
    if (fallback.length) {
      out.statements++;
      out.fallback = await tx.run(queries.lineageUpstreamLevel, { ...params, frontier: fallback });
    }
    return out;
  }
  const frontier = [...proven.map(downstreamEntry), ...fallback.map((urn) => ({ urn, fallback: true, datasets: [], columns: [], all: [] }))];
  const out: LevelRows = { proven: [], fallback: [], statements: frontier.length ? 1 : 0 };
  if (!frontier.length) return out;
  const known: Record<string, true> = {};
  for (const d of new Set(frontier.flatMap((f) => f.datasets))) for (const m of memo.get(d)?.keys() ?? []) known[`${m}\n${d}`] = true;
  const datasetsOfEntry = new Map(frontier.filter((f) => !f.fallback).map((f) => [f.urn, f.datasets]));
  const reached = new Map<string, LineageLevelRow>();
  for (const row of await tx.run(queries.columnDownstreamLevel, { ...params, frontier, known })) {
    if (row.fallback) {
      // The entity walk's choice (lineage/downstream-level.cypher): the smallest [from, relationship].
      for (const [relationship, urn, type] of row.steps) {
        const seen = reached.get(urn);
        const via = { urn, type, from: row.from, relationship };
        if (!seen || compare(row.from, seen.from) < 0 || (row.from === seen.from && compare(relationship, seen.relationship) < 0)) reached.set(urn, via);
      }
      continue;
    }
    const fed = new Map<string, ColumnLevelRow['links']>();
    const add = (to: string, link: ColumnLevelRow['links'][number]) => (fed.get(to) ?? fed.set(to, []).get(to)!).push(link);
    for (const [sd, sf, derived, readers] of row.fed) {
      for (const [to, field, transformations] of derived) add(to, [sd, sf, to, field, transformations]);
      for (const to of readers) add(to, [sd, sf, null, null, null]);
    }
    const datasets = datasetsOfEntry.get(row.from)!;
    for (const [relationship, urn, type, asked] of row.steps) {
      const links = fed.get(urn) ?? [];
      // The statement asks for a mapping only of an entity no affected column feeds, and leaves out pairs already known.
      const mapped = links.length || !MAPPED_TYPES.has(type) ? asked : datasets.filter((d) => remember(memo, d, urn, asked));
      out.proven.push({ from: row.from, relationship, urn, type, links, viaFeatures: [], mapped });
    }
  }
  out.fallback = [...reached.values()];
  return out;
}

/** Whether `m` has a column mapping from `d`: from the memo when known, else from `asked` (the statement's answer), kept. */
function remember(memo: MappingMemo, d: string, m: string, asked: string[]): boolean {
  const of = memo.get(d) ?? memo.set(d, new Map()).get(d)!;
  const known = of.get(m);
  if (known !== undefined) return known;
  const mapped = asked.includes(d);
  of.set(m, mapped);
  return mapped;
}

function downstreamEntry(f: ProvenFrontier): ColumnDownstreamLevelParams['frontier'][number] {
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
  return { urn: f.urn, fallback: false, datasets, columns, all };
}

/** The datasets whose columns an entity carries, sorted ([] when it is affected as a whole). */
export function datasetsOf(c: Carried): string[] {
  return c === 'WHOLE' ? [] : [...c.keys()].sort(compare);
}
