/** Client-side routes of the explorer. URNs travel as one encoded path segment. */
export function entityPath(urn: string, view?: 'lineage' | 'impact'): string {
  return `/entity/${encodeURIComponent(urn)}${view ? `/${view}` : ''}`;
}

/** The URN of a route parameter (the router may have decoded part of it already). */
export function urnParam(param: string): string {
  try {
    return decodeURIComponent(param);
  } catch {
    return param;
  }
}

/** A link that opens the GraphQL IDE with a query and its variables (in the fragment, never sent to the server). */
export function idePath(query: string, variables: Record<string, unknown>): string {
  const params = new URLSearchParams({ query, variables: JSON.stringify(variables, null, 2) });
  return `/graphql#${params.toString()}`;
}
