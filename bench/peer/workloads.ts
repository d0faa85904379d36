// The workloads of the side-by-side benchmark (bench/peer.ts): the same question asked of mlgraph
// and of the peer (@neo4j/graphql), and how each answer is normalised so that equal answers compare
// equal (order of lists, JSON text against decoded JSON, time formats).

/** A GraphQL request: query and variables. */
export interface Operation {
  query: string;
  variables?: Record<string, unknown>;
}

export interface Workload {
  name: string;
  /** What a reader of BENCHMARKS.md sees. */
  label: string;
  mlgraph: (i: number) => Operation;
  peer: (i: number) => Operation;
  /** The answer as comparable JSON, from the response's `data`. */
  normalizeMlgraph: (data: any) => unknown;
  normalizePeer: (data: any) => unknown;
}

const MODEL_ROW = `urn name version status createdAt trainingMetrics
  groups { urn name }
  features { urn name dataType }
  trainingRuns { urn name runStatus inputs { urn name platform } }
  deployments { urn name deploymentStatus }`;

/**
 * mlgraph's row: the same fields, with `first` on the relationship lists as a UI showing tabs would
 * ask (mlgraph's cost model counts a list without `first` at its cap of 1,000 items and refuses the
 * page otherwise); the caps are above what the generated graph holds, so the answers stay equal.
 */
const MLGRAPH_MODEL_ROW = MODEL_ROW.replace('trainingMetrics', 'trainingMetrics { name value }')
  .replace('groups {', 'groups(first: 10) {')
  .replace('features {', 'features(first: 20) {')
  .replace('trainingRuns {', 'trainingRuns(first: 10) {')
  .replace('inputs {', 'inputs(first: 20) {')
  .replace('deployments {', 'deployments(first: 10) {');

/** The UI page: 100 model versions with their groups, features, runs with inputs, deployments. */
export const UI_PAGE: Workload = {
  name: 'page',
  label: 'UI page: 100 models with groups, features, runs and their inputs, deployments',
  mlgraph: () => ({
    query: `query Page { entities(filter: { types: [MODEL] }, first: 100) { edges { node { ... on Model {
      ${MLGRAPH_MODEL_ROW} } } } } }`,
  }),
  peer: () => ({
    query: `query Page { models(where: { status: { in: ["ACTIVE", "DEPRECATED"] } }, sort: [{ name: ASC }], limit: 100) { ${MODEL_ROW} } }`,
  }),
  normalizeMlgraph: (d) => normalize(d.entities.edges.map((e: any) => e.node)),
  normalizePeer: (d) => normalize(d.models),
};

/** One model version by URN with its groups and deployments; `urns` are cycled through. */
export function lookup(urns: string[]): Workload {
  const pick = (i: number) => urns[i % urns.length];
  const row = 'urn name version groups { urn name } deployments { urn name }';
  return {
    name: 'lookup',
    label: 'one model by URN with groups and deployments',
    mlgraph: (i) => ({ query: `query One($urn: ID!) { model(urn: $urn) { ${row} } }`, variables: { urn: pick(i) } }),
    peer: (i) => ({ query: `query One($urn: ID!) { models(where: { urn: { eq: $urn } }) { ${row} } }`, variables: { urn: pick(i) } }),
    normalizeMlgraph: (d) => normalize(d.model),
    normalizePeer: (d) => normalize(d.models[0] ?? null),
  };
}

/** Impact types asked for: which models and deployments break. */
const IMPACT_TYPES = ['MODEL', 'DEPLOYMENT'];

/**
 * The depth mlgraph's impact is asked to walk: the cost model counts each item's path at its
 * `maxDepth` (1,000 by default), so a page of 500 items with paths needs a bound to be accepted.
 * The generated graph is about 10 steps deep; the equal-answers check would catch a cut.
 */
const IMPACT_DEPTH = 50;

/** mlgraph's impact page: counts, and items with degree, entity and path. */
export function mlgraphImpact(urn: string, first: number, after: string | null = null): Operation {
  return {
    query: `query Impact($urn: ID!, $first: Int, $after: String) {
      impact(urn: $urn, types: [${IMPACT_TYPES.join(', ')}], first: $first, after: $after, maxDepth: ${IMPACT_DEPTH}) {
        total isPartial partialReason countsByType { type count } pageInfo { hasNextPage endCursor }
        items { degree entity { urn name } path { relationship from { urn } to { urn } } } } }`,
    variables: { urn, first, after },
  };
}

const peerImpact = (urn: string): Operation => ({
  query: `query Impact($urn: ID!) { datasets(where: { urn: { eq: $urn } }) { impact(types: ${JSON.stringify(IMPACT_TYPES)}) { __typename urn name } } }`,
  variables: { urn },
});

const impactItems = (items: { entity: { urn: string; name: string } }[]) => normalize(items.map((i) => ({ urn: i.entity.urn, name: i.entity.name })));

/** Impact of `urn` (reach about `reach`) in one page of at most 500 items. */
export function impact(urn: string, reach: number): Workload {
  return {
    name: `impact-${reach}`,
    label: `impact, reach ${reach}`,
    mlgraph: () => mlgraphImpact(urn, 500),
    peer: () => peerImpact(urn),
    normalizeMlgraph: (d) => {
      if (d.impact.isPartial) throw new Error(`impact of ${urn} was cut by a server limit: ${d.impact.partialReason}`);
      if (d.impact.pageInfo.hasNextPage) throw new Error(`impact of ${urn} does not fit one page`);
      return impactItems(d.impact.items);
    },
    normalizePeer: (d) => normalize(d.datasets[0].impact.map((e: any) => ({ urn: e.urn, name: e.name }))),
  };
}

/** The peer side of the whole-answer impact: one query. */
export const peerWholeImpact = peerImpact;
export const normalizeWholeImpactItems = impactItems;

/**
 * Comparable form of an answer: lists of objects sorted by urn (the peer's relationship lists have
 * no order), JSON text parsed, times as ISO instants, __typename dropped (mlgraph's queries above do
 * not ask for it), object keys sorted.
 */
export function normalize(v: unknown): unknown {
  if (Array.isArray(v)) {
    const items = v.map(normalize);
    return items.every((x) => x && typeof x === 'object' && 'urn' in (x as object))
      ? items.sort((a: any, b: any) => (a.urn < b.urn ? -1 : a.urn > b.urn ? 1 : 0))
      : items;
  }
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v)
        .filter((k) => k !== '__typename')
        .sort()
        .map((k) => [k, normalize((v as Record<string, unknown>)[k])]),
    );
  }
  if (typeof v === 'string') {
    if (/^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v))) return new Date(v).toISOString();
    if ((v.startsWith('[') || v.startsWith('{')) && v.length > 1) {
      try {
        return normalize(JSON.parse(v));
      } catch {
        return v;
      }
    }
  }
  return v;
}
