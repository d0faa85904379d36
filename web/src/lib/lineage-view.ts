/** Most entities per side; the server cuts there and says so (isPartial). */
export const MAX_NODES = 500;

function depth(value: string | null, fallback: number): number {
  const n = Number(value);
  return value !== null && Number.isInteger(n) && n >= 0 && n <= 20 ? n : fallback;
}

/**
 * What the lineage page of `urn` shows for the query string `search` (`up`, `down`, `asOf`): the
 * variables of its lineageGraph query and a key naming the view. The route reads it too, to ask the
 * server before the page's code has loaded.
 */
export function lineageView(urn: string, search: string) {
  const params = new URLSearchParams(search);
  const up = depth(params.get('up'), 3);
  const down = depth(params.get('down'), 3);
  const asOf = params.get('asOf');
  return {
    params,
    up,
    down,
    asOf,
    variables: { urn, upstreamDepth: up, downstreamDepth: down, asOf, maxNodes: MAX_NODES },
    viewKey: `${up}/${down}/${asOf ?? ''}`,
  };
}
