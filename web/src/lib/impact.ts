import type { EntityRef } from './graph-assembly';
import { toCsv } from './csv';

export interface ImpactHop {
  from: { urn: string; name: string };
  relationship: string;
  to: { urn: string; name: string };
}

export interface ImpactItem {
  degree: number;
  entity: EntityRef;
  path: ImpactHop[];
  /** Column-level walks only: COLUMN when every hop is proven by column lineage, else DATASET. */
  precision?: 'COLUMN' | 'DATASET' | null;
}

export interface ImpactArgs {
  urn: string;
  types?: string[];
  asOf?: string;
  maxDepth?: number;
  /** Field paths of the root dataset: the walk follows only what depends on these columns. */
  columns?: string[];
}

export interface ImpactGroup {
  type: string;
  items: ImpactItem[];
}

/** Items grouped by entity type, groups largest first (then by type), items by degree then URN. */
export function groupImpact(items: readonly ImpactItem[]): ImpactGroup[] {
  const byType = new Map<string, ImpactItem[]>();
  for (const item of items) {
    const list = byType.get(item.entity.type) ?? [];
    list.push(item);
    byType.set(item.entity.type, list);
  }
  const cmp = (a: ImpactItem, b: ImpactItem) => a.degree - b.degree || (a.entity.urn < b.entity.urn ? -1 : a.entity.urn > b.entity.urn ? 1 : 0);
  return [...byType.entries()]
    .map(([type, list]) => ({ type, items: [...list].sort(cmp) }))
    .sort((a, b) => b.items.length - a.items.length || (a.type < b.type ? -1 : 1));
}

/** A path as one line: "a -DERIVED_FROM-> b -TRAINED_ON-> c". */
export function pathText(path: readonly ImpactHop[]): string {
  if (path.length === 0) return '';
  return [path[0].from.name, ...path.map((h) => `-${h.relationship}-> ${h.to.name}`)].join(' ');
}

/** The impact list as CSV: one row per item, with its path as text and as URNs. */
export function impactCsv(items: readonly ImpactItem[]): string {
  // A column-level walk adds each item's precision as a last column.
  const columnLevel = items.some((i) => i.precision);
  const header = ['degree', 'type', 'name', 'status', 'urn', 'path', 'path_urns', ...(columnLevel ? ['precision'] : [])];
  const rows = items.map((i) => [
    i.degree,
    i.entity.type,
    i.entity.name,
    i.entity.status,
    i.entity.urn,
    pathText(i.path),
    i.path.length ? [i.path[0].from.urn, ...i.path.map((h) => h.to.urn)].join(' > ') : '',
    ...(columnLevel ? [i.precision ?? ''] : []),
  ]);
  return toCsv([header, ...rows]);
}

/** The impact answer as JSON, with the question it answers, for scripts and tickets. */
export function impactJson(args: ImpactArgs, result: { total: number; isPartial: boolean; partialReason?: string | null; countsByType: { type: string; count: number }[] }, items: readonly ImpactItem[]): string {
  return `${JSON.stringify({ query: args, ...result, items }, null, 2)}\n`;
}

function impactSelection(columnLevel: boolean): string {
  return `total
    isPartial
    partialReason
    countsByType { type count }${columnLevel ? '\n    countsByPrecision { type precision count }' : ''}
    pageInfo { hasNextPage endCursor }
    items {
      degree${columnLevel ? '\n      precision' : ''}
      entity { urn type name status }
      path { from { urn name } relationship to { urn name } }
    }`;
}

function isColumnLevel(args: ImpactArgs): boolean {
  return args.columns !== undefined && args.columns.length > 0;
}

/**
 * Items per page. The server prices each item's path at the longest a walk allows (1,000 hops), so
 * 100 items with paths stay under the default MAX_QUERY_COST; later pages reuse the cached walk.
 */
export const IMPACT_PAGE_SIZE = 100;

/**
 * The impact query the view runs, page by page, written as a person would paste it into the IDE.
 * Only the arguments given are declared, so the text shows exactly the question asked.
 */
export function impactQuery(args: ImpactArgs): { query: string; variables: Record<string, unknown> } {
  const { defs, pass, variables } = declare(args);
  defs.push('$first: Int', '$after: String');
  pass.push('first: $first', 'after: $after');
  variables.first = IMPACT_PAGE_SIZE;
  return {
    query: `query Impact(${defs.join(', ')}) {\n  impact(${pass.join(', ')}) {\n    ${impactSelection(isColumnLevel(args))}\n  }\n}\n`,
    variables,
  };
}

/** The counts-only form for a CI gate: first: 0 returns total and countsByType, no items. */
export function ciGateQuery(args: ImpactArgs): { query: string; variables: Record<string, unknown> } {
  const { defs, pass, variables } = declare(args);
  return {
    query: `query ImpactGate(${defs.join(', ')}) {\n  impact(${pass.join(', ')}, first: 0) {\n    total\n    isPartial\n    countsByType { type count }\n${isColumnLevel(args) ? '    countsByPrecision { type precision count }\n' : ''}  }\n}\n`,
    variables,
  };
}

function declare(args: ImpactArgs) {
  const defs = ['$urn: ID!'];
  const pass = ['urn: $urn'];
  const variables: Record<string, unknown> = { urn: args.urn };
  if (args.types?.length) {
    defs.push('$types: [EntityType!]');
    pass.push('types: $types');
    variables.types = args.types;
  }
  if (args.asOf) {
    defs.push('$asOf: DateTime');
    pass.push('asOf: $asOf');
    variables.asOf = args.asOf;
  }
  if (isColumnLevel(args)) {
    defs.push('$columns: [String!]');
    pass.push('columns: $columns');
    variables.columns = args.columns;
  }
  if (args.maxDepth !== undefined) {
    defs.push('$maxDepth: Int!');
    pass.push('maxDepth: $maxDepth');
    variables.maxDepth = args.maxDepth;
  }
  return { defs, pass, variables };
}
