import type { GraphQLClient } from '../client';
import { fitToCost } from '../fit-cost';

/** What mlgraph holds of one imported entity: its custom properties (and, for groups, aliases). */
export interface StoredEntity {
  properties: Map<string, string>;
  /** alias -> URN of the version holding it (model groups only). */
  aliases: Map<string, string>;
}

const FIELDS: Record<'experiment' | 'modelGroup' | 'model' | 'entity', string> = {
  experiment: 'customProperties { key value }',
  modelGroup: 'customProperties { key value } aliases { alias model { urn } }',
  model: 'customProperties { key value }',
  entity: 'urn',
};

/** URNs per request at most (fewer when the server's cost limit asks for it). */
const PER_REQUEST = 100;

/**
 * Reads entities by URN, many per request (one aliased field each; the query text holds only
 * indices, the URNs travel as variables). Missing URNs are absent from the map.
 */
export async function readStored(
  client: GraphQLClient,
  field: keyof typeof FIELDS,
  urns: readonly string[],
): Promise<Map<string, StoredEntity>> {
  const out = new Map<string, StoredEntity>();
  const unique = [...new Set(urns)];
  let size = PER_REQUEST;
  for (let start = 0; start < unique.length; ) {
    const fitted = await fitToCost(size, (n) => {
      const slice = unique.slice(start, start + n);
      const vars = slice.map((_, i) => `$u${i}: ID!`).join(', ');
      const body = slice.map((_, i) => `e${i}: ${field}(urn: $u${i}) { ${FIELDS[field]} }`).join('\n  ');
      const variables = Object.fromEntries(slice.map((u, i) => [`u${i}`, u]));
      return client.request<Record<string, any>>(`query ReadStored(${vars}) {\n  ${body}\n}`, variables);
    });
    size = fitted.size;
    const data = fitted.result;
    const slice = unique.slice(start, start + size);
    start += size;
    slice.forEach((urn, i) => {
      const e = data[`e${i}`];
      if (!e) return;
      out.set(urn, {
        properties: new Map((e.customProperties ?? []).map((p: { key: string; value: string }) => [p.key, p.value])),
        aliases: new Map((e.aliases ?? []).map((a: { alias: string; model: { urn: string } }) => [a.alias, a.model.urn])),
      });
    });
  }
  return out;
}
