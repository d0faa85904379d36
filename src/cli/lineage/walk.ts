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
  /** One shortest path from the root, hops in walk order. */
  path: { from: string; relationship: string; to: string }[];
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
    path { relationship from { urn } to { urn } }
  }`;

const IMPACT = `query Impact($urn: ID!, $types: [EntityType!], $maxDepth: Int!, $asOf: DateTime, $first: Int, $after: String) {
  walk: impact(urn: $urn, types: $types, maxDepth: $maxDepth, asOf: $asOf, first: $first, after: $after) {${SELECTION}
  }
}`;

const LINEAGE = `query Lineage($urn: ID!, $direction: LineageDirection!, $types: [EntityType!], $maxDepth: Int!, $asOf: DateTime, $first: Int, $after: String) {
  walk: lineage(urn: $urn, direction: $direction, types: $types, maxDepth: $maxDepth, asOf: $asOf, first: $first, after: $after) {${SELECTION}
  }
}`;

/** Largest page the server serves for lineage items. */
const PAGE = 500;

/**
 * Runs `impact` (no depth limit by default) or `lineage` and reads every page, of at most 500
 * items, fewer when the server's cost limit asks for it (see fitToCost). The server keeps a walk
 * for its later pages. Throws what the client throws (e.g. NOT_FOUND for an unknown URN).
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
  let size = PAGE;
  for (;;) {
    // Deep walks return long paths: a page of 500 may cost more than the server allows.
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
        path: it.path.map((h: any) => ({ from: h.from.urn, relationship: h.relationship, to: h.to.urn })),
      });
    }
    if (!page.pageInfo.hasNextPage) {
      const { root, total, countsByType, isPartial, partialReason } = page;
      return { root, total, countsByType, isPartial, partialReason, items };
    }
    after = page.pageInfo.endCursor;
  }
}
