import type { GraphTransaction } from '../../graph';
import type { ColumnLevelRow } from '../../graph/queries';
import { EntityType, type Status } from '../../model/entity-type';
import type { RelationshipType } from '../../model/relationship-type';
import { expandableTypes, LineageDirection } from '../lineage/lineage-steps';
import { compare } from '../lineage/lineage-walk';
import { levelRows, type MappingMemo } from './column-level';
import { decide, type Carried, type Decision, type HopLink } from './column-step';

/** How an item of a column walk was reached: every hop proven at column level, or not. */
export enum Precision {
  COLUMN = 'COLUMN',
  DATASET = 'DATASET',
}

export interface ColumnWalkOptions {
  direction: LineageDirection;
  maxDepth: number;
  statuses: readonly Status[];
  asOf: Date | null;
  maxNodes: number;
  budgetMs: number;
}

/** A step of a reported path, walk order, with the column edges that prove it (none on a DATASET hop). */
export interface ColumnHop {
  from: string;
  to: string;
  relationship: RelationshipType;
  precision: Precision;
  links: HopLink[];
}

/** What the walk knows of one reached entity. */
export interface ColumnNode {
  urn: string;
  type: EntityType;
  /** Set when reached by a proven path: what of it is affected (see Carried). */
  carried?: Carried;
  proven?: ColumnHop;
  /** A run reached downstream from a dataset it reads, not yet shown to pass the columns on. */
  tentative?: boolean;
  /** The run was expanded (a tentative run's verdict is due then). */
  expanded?: boolean;
  /** Reached by a path with a hop that had no column mapping. */
  fallback?: ColumnHop;
  /** Its fallback side needs no expansion (a tentative run judged DATASET by what it feeds). */
  fallbackDone?: boolean;
}

export interface ColumnWalk {
  root: string;
  direction: LineageDirection;
  nodes: Map<string, ColumnNode>;
  isPartial: boolean;
  partialReason: string | null;
  statements: number;
}

/**
 * Walks lineage from `root` at column level (README, "Columns"): from the root's columns (a
 * dataset root) or the whole root (a feature or model), one level per round (levelRows,
 * column-level.ts: downstream one statement per level, upstream one per side): the proven side
 * reads the column edges that bear on every step; past a hop without column mapping (the fallback
 * side) every consumer counts, with DATASET precision. An entity is expanded again only
 * when what is affected of it grows, so the walk ends on cycles and costs what the reached
 * subgraph and its column edges cost. Server limits as in walkLineage; a tentative run that the
 * walk could not judge (depth or a limit) counts as DATASET.
 */
export async function walkColumns(tx: GraphTransaction, root: string, rootType: EntityType, rootColumns: readonly string[], options: ColumnWalkOptions): Promise<ColumnWalk> {
  const started = Date.now();
  const expandable = expandableTypes(options.direction);
  const params = { statuses: [...options.statuses], asOf: options.asOf };
  const nodes = new Map<string, ColumnNode>();
  const walk: ColumnWalk = { root, direction: options.direction, nodes, isPartial: false, partialReason: null, statements: 0 };
  const rootNode: ColumnNode = {
    urn: root,
    type: rootType,
    carried: rootType === EntityType.DATASET ? new Map([[root, new Set(rootColumns)]]) : 'WHOLE',
  };

  const memo: MappingMemo = new Map();
  let proven = new Set<string>([root]);
  let fallback = new Set<string>();
  const nodeOf = (urn: string, type: string): ColumnNode | null => {
    if (urn === root) return null;
    let n = nodes.get(urn);
    if (!n) {
      if (nodes.size >= options.maxNodes) {
        walk.isPartial = true;
        walk.partialReason = `node cap of ${options.maxNodes} entities reached`;
        return null;
      }
      nodes.set(urn, (n = { urn, type: type as EntityType }));
    }
    return n;
  };
  const at = (urn: string) => (urn === root ? rootNode : nodes.get(urn)!);

  for (let level = 1; level <= options.maxDepth && (proven.size || fallback.size) && !walk.isPartial; level++) {
    if (Date.now() - started > options.budgetMs) {
      walk.isPartial = true;
      walk.partialReason = `time budget of ${options.budgetMs} ms spent after ${nodes.size} entities`;
      break;
    }
    const nextProven = new Set<string>();
    const nextFallback = new Set<string>();
    const markFallback = (n: ColumnNode, hop: ColumnHop) => {
      if (n.fallback) return;
      n.fallback = hop;
      if (expandable.has(n.type)) nextFallback.add(n.urn);
    };

    const frontier = [...proven].map((urn) => ({ urn, carried: at(urn).carried! }));
    const rows = await levelRows(tx, options.direction, frontier, [...fallback], memo, params);
    walk.statements += rows.statements;
    if (proven.size) {
      const byFrom = new Map<string, ColumnLevelRow[]>();
      for (const r of rows.proven) (byFrom.get(r.from) ?? byFrom.set(r.from, []).get(r.from)!).push(r);
      for (const from of [...proven].sort(compare)) {
        const x = at(from);
        x.expanded = true;
        const decisions: Decision[] = [];
        for (const row of (byFrom.get(from) ?? []).sort((a, b) => compare(a.urn, b.urn))) {
          const d = decide(options.direction, x.type, x.carried!, from, row);
          decisions.push(d);
          if (d.kind === 'none') continue;
          const y = nodeOf(row.urn, row.type);
          if (!y) continue;
          const hop: ColumnHop = { from, to: y.urn, relationship: row.relationship as RelationshipType, precision: d.kind === 'proven' ? Precision.COLUMN : Precision.DATASET, links: d.links };
          if (d.kind === 'fallback') {
            markFallback(y, hop);
            continue;
          }
          const grown = mergeCarried(y, d.carried);
          if (!y.proven) y.proven = hop;
          if (d.tentative === false || (y.tentative && !d.tentative)) y.tentative = false;
          else if (y.tentative === undefined) y.tentative = d.tentative;
          if (grown && expandable.has(y.type)) nextProven.add(y.urn);
        }
        if (x.tentative) judgeRun(x, decisions, markFallbackOf(x, markFallback));
      }
    }
    for (const row of rows.fallback) {
      const y = nodeOf(row.urn, row.type);
      if (!y) continue;
      markFallback(y, { from: row.from, to: row.urn, relationship: row.relationship as RelationshipType, precision: Precision.DATASET, links: [] });
    }
    proven = nextProven;
    fallback = new Set([...nextFallback].filter((u) => !at(u).fallbackDone));
  }
  // Runs the walk could not judge: their consumers were not looked at, so they may pass the columns on.
  for (const n of nodes.values()) {
    if (n.tentative && !n.expanded && !n.fallback) n.fallback = { ...n.proven!, precision: Precision.DATASET, links: [] };
  }
  return walk;
}

/** A tentative run's verdict after its expansion (README, "Columns": runs pass columns on). */
function judgeRun(run: ColumnNode, decisions: Decision[], fallback: (hop: ColumnHop) => void): void {
  if (decisions.some((d) => d.kind === 'proven')) run.tentative = false;
  else if (!decisions.length || decisions.some((d) => d.kind === 'fallback')) {
    fallback({ ...run.proven!, precision: Precision.DATASET, links: [] });
    run.fallbackDone = true;
  }
}

const markFallbackOf = (n: ColumnNode, mark: (n: ColumnNode, hop: ColumnHop) => void) => (hop: ColumnHop) => mark(n, hop);

/** Adds `more` to what is affected of `n`; true when that grew (so `n` is expanded again). */
function mergeCarried(n: ColumnNode, more: Carried): boolean {
  if (!n.carried) {
    n.carried = more;
    return true;
  }
  if (n.carried === 'WHOLE') return false;
  if (more === 'WHOLE') {
    n.carried = 'WHOLE';
    return true;
  }
  let grown = false;
  for (const [dataset, fields] of more) {
    const had = n.carried.get(dataset);
    if (had === 'ALL') continue;
    if (fields === 'ALL') {
      n.carried.set(dataset, 'ALL');
      grown = true;
      continue;
    }
    const set = had ?? new Set<string>();
    for (const f of fields) if (!set.has(f)) {
      set.add(f);
      grown = true;
    }
    if (!had && set.size) {
      n.carried.set(dataset, set);
      grown = true;
    }
  }
  return grown;
}
