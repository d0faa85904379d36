import DataLoader from 'dataloader';
import { int, queries, type Graph } from '../../graph';
import type { RowOf } from '../../graph/query';

/** One dataset's column list to read: as of `asOf` (null: now), after field path `after`, at most `limit`. */
export interface DatasetColumnsKey {
  urn: string;
  asOf: Date | null;
  after: string;
  limit: number;
}

export type DatasetColumnRow = RowOf<typeof queries.columnsOfDatasets>;

export interface ColumnLoaders {
  /** A dataset's columns in field-path order, with their direct downstream counts; [] for none. */
  datasetColumns: DataLoader<DatasetColumnsKey, DatasetColumnRow[], string>;
}

const sliceId = (k: DatasetColumnsKey) => JSON.stringify([k.asOf?.toISOString() ?? null, k.after, k.limit]);

/** Per-request loader: the datasets of one tick asking the same slice become one statement; rows re-keyed by dataset. */
export function createColumnLoaders(graph: Graph): ColumnLoaders {
  return {
    datasetColumns: new DataLoader<DatasetColumnsKey, DatasetColumnRow[], string>(
      async (keys) => {
        const found = new Map<string, DatasetColumnRow[]>();
        const bySlice = new Map<string, DatasetColumnsKey[]>();
        for (const k of keys) (bySlice.get(sliceId(k)) ?? bySlice.set(sliceId(k), []).get(sliceId(k))!).push(k);
        await Promise.all(
          [...bySlice].map(async ([slice, batch]) => {
            const { asOf, after, limit } = batch[0];
            const rows = await graph.read(queries.columnsOfDatasets, { datasets: [...new Set(batch.map((k) => k.urn))], asOf, after, limit: int(limit) });
            for (const row of rows) {
              const id = `${slice}|${row.dataset}`;
              (found.get(id) ?? found.set(id, []).get(id)!).push(row);
            }
          }),
        );
        return keys.map((k) => (found.get(`${sliceId(k)}|${k.urn}`) ?? []).sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0)));
      },
      { cacheKeyFn: (k) => `${sliceId(k)}|${k.urn}` },
    ),
  };
}
