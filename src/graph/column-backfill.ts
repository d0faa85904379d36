import { columnUrn } from '../model/columns';
import { int } from './connect';
import type { Graph } from './graph';
import { queries } from './queries';
import { inUrnPages } from './urn-pages';

const PAGE = 500;

/**
 * Creates the column nodes of datasets stored before columns existed (migration 0006) from their
 * schemaFields, a page of datasets per transaction, in the schema from the dataset's last change. Idempotent: datasets that have columns are skipped. Returns the datasets done.
 */
export function backfillColumns(graph: Graph): Promise<number> {
  return inUrnPages(
    (after) => graph.read(queries.columnsBackfillPage, { after, limit: int(PAGE) }),
    async (page) => {
      const rows = page.map((d) => {
        const fields = parseFields(d.schemaFields);
        // A name given twice keeps its first entry, as the writer does (src/modules/columns/column-input.ts).
        const unique = fields.filter((f, i) => fields.findIndex((g) => g.name === f.name) === i);
        return {
          dataset: d.urn,
          since: d.since,
          fields: unique.map((f) => ({ urn: columnUrn(d.urn, f.name), fieldPath: f.name, type: f.type ?? 'unknown', description: f.description ?? null })),
        };
      });
      await graph.write(queries.columnsSchemaSync, { rows, now: new Date() });
      return page.length;
    },
  );
}

function parseFields(text: string): { name: string; type?: string; description?: string | null }[] {
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? v.filter((f) => f && typeof f.name === 'string' && f.name.length > 0) : [];
  } catch {
    return []; // not JSON: nothing to make columns of
  }
}
