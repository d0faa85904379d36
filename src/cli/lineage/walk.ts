import type { GraphQLClient } from '../client';
import { fitToCost } from '../fit-cost';
import { parseUrn } from '../urn';

/** One entity a walk reached, flattened for tables, gates and --json. */
export interface WalkItem {
  degree: number;
  urn: string;
  type: string;
  name: string;
  status: string;
  env?: string;
  platform?: string;
  aliases: string[];
  tags: string[];
  /** One shortest path from the root, hops in walk order; `fromName` is the name of the hop's `from`. */
  path: { from: string; fromName: string; relationship: string; to: string }[];
}

export interface WalkResult {
  root: { urn: string; type: string; name: string };
  total: number;
  countsByType: { type: string; count: number }[];
  isPartial: boolean;
  partialReason: string | null;
  items: WalkItem[];
}

export interface WalkArgs {
  urn: string;
  direction: 'UPSTREAM' | 'DOWNSTREAM' | 'IMPACT';
  types?: string[];
  maxDepth?: number;
  asOf?: string;
}

const SELECTION = `
  root { urn type name }
  total isPartial partialReason
  countsByType { type count }
  pageInfo { hasNextPage endCursor }
  items {
    degree
    entity { urn type name status tags ... on Model { aliases } }
    path { relationship from { urn name } to { urn } }
  }`;

export const IMPACT = `query Impact($urn: ID!, $types: [EntityType!], $maxDepth: Int!, $asOf: DateTime, $first: Int, $after: String) {
  walk: impact(urn: $urn, types: $types, maxDepth: $maxDepth, asOf: $asOf, first: $first, after: $after) {${SELECTION}
  }
}`;

export const LINEAGE = `query Lineage($urn: ID!, $direction: LineageDirection!, $types: [EntityType!], $maxDepth: Int!, $asOf: DateTime, $first: Int, $after: String) {
  walk: lineage(urn: $urn, direction: $direction, types: $types, maxDepth: $maxDepth, asOf: $asOf, first: $first, after: $after) {${SELECTION}
  }
}`;

/** Largest page the server serves for lineage items. */
export const PAGE = 500;
/**
 * A walk deeper than this starts with pages of DEEP_PAGE: the server prices every item's path at
 * `maxDepth` hops, so 500 items of a walk without a depth limit (impact's 1,000) are refused under
 * the default MAX_QUERY_COST. Both sizes fit it (test/contract/cli-queries.test.ts).
 */
export const SHALLOW_DEPTH = 100;
export const DEEP_PAGE = 150;

/** The page size a walk to `maxDepth` starts with; fitToCost lowers it for a server with a lower limit. */
export function firstPageSize(maxDepth: number): number {
  return maxDepth > SHALLOW_DEPTH ? DEEP_PAGE : PAGE;
}

/**
 * Runs `impact` (no depth limit by default) or `lineage` and reads every page, of at most 500
 * items (150 for walks deeper than 100), fewer when the server's cost limit asks for it (see
 * fitToCost). The server keeps a walk for its later pages. Throws what the client throws (e.g.
 * NOT_FOUND for an unknown URN).
 */
export async function walk(client: GraphQLClient, args: WalkArgs): Promise<WalkResult> {
  const query = args.direction === 'IMPACT' ? IMPACT : LINEAGE;
  const variables: Record<string, unknown> = {
    urn: args.urn,
    types: args.types?.length ? args.types : null,
    maxDepth: args.maxDepth ?? (args.direction === 'IMPACT' ? 1000 : 3),
    asOf: args.asOf ?? null,
    ...(args.direction === 'IMPACT' ? {} : { direction: args.direction }),
  };
  const items: WalkItem[] = [];
  let after: string | null = null;
  let size = firstPageSize(variables.maxDepth as number);
  for (;;) {
    const fitted = await fitToCost(size, (first) => client.request<{ walk: any }>(query, { ...variables, first, after }));
    size = fitted.size;
    const page = fitted.result.walk;
    for (const it of page.items) {
      const key = parseUrn(it.entity.urn)?.key ?? {};
      items.push({
        degree: it.degree,
        urn: it.entity.urn,
        type: it.entity.type,
        name: it.entity.name,
        status: it.entity.status,
        env: key.env,
        platform: key.platform,
        aliases: it.entity.aliases ?? [],
        tags: it.entity.tags ?? [],
        path: it.path.map((h: any) => ({ from: h.from.urn, fromName: h.from.name, relationship: h.relationship, to: h.to.urn })),
      });
    }
    if (!page.pageInfo.hasNextPage) {
      const { root, total, countsByType, isPartial, partialReason } = page;
      return { root, total, countsByType, isPartial, partialReason, items };
    }
    after = page.pageInfo.endCursor;
  }
}
