import type { Context } from '../../context';
import type { EntityRecord } from '../entities/entity.loaders';

/**
 * Loads the entities behind a page of URNs through the request's entity loader (one batched
 * statement, shared with every other field of the request) and pairs each with its row. A row
 * whose entity is gone is dropped rather than returned as a null node.
 */
export async function hydrate<R extends { urn: string }>(ctx: Context, rows: R[]): Promise<{ row: R; node: EntityRecord }[]> {
  const nodes = await ctx.loaders.entity.loadMany(rows.map((r) => r.urn));
  const out: { row: R; node: EntityRecord }[] = [];
  rows.forEach((row, i) => {
    const node = nodes[i];
    if (node instanceof Error) throw node;
    if (node) out.push({ row, node });
  });
  return out;
}
