import DataLoader from 'dataloader';
import { queries, type Graph } from '../../graph';
import { newestFirst, type VersionKey } from './version-order';

/** The versions of one group to list: members with these statuses, over edges valid at `asOf` (null: now). */
export interface GroupVersionsKey {
  group: string;
  statuses: readonly string[];
  asOf: Date | null;
}

export interface ModelVersionLoaders {
  /** A group's member versions, newest first (see compareVersions); [] for an unknown group. */
  groupVersions: DataLoader<GroupVersionsKey, VersionKey[], string>;
}

const filterId = (k: GroupVersionsKey) => `${[...k.statuses].sort().join(',')}|${k.asOf?.toISOString() ?? ''}`;

/**
 * Per-request loader of groups' versions: the groups of one tick that share statuses and `asOf`
 * become one statement. Rows are re-keyed by group (UNWIND promises no order) and sorted here.
 */
export function createModelVersionLoaders(graph: Graph): ModelVersionLoaders {
  return {
    groupVersions: new DataLoader<GroupVersionsKey, VersionKey[], string>(
      async (keys) => {
        const found = new Map<string, VersionKey[]>();
        const byFilter = new Map<string, GroupVersionsKey[]>();
        for (const k of keys) (byFilter.get(filterId(k)) ?? byFilter.set(filterId(k), []).get(filterId(k))!).push(k);
        await Promise.all(
          [...byFilter].map(async ([filter, batch]) => {
            const { statuses, asOf } = batch[0];
            const rows = await graph.read(queries.groupVersions, { groups: [...new Set(batch.map((k) => k.group))], statuses: [...statuses], asOf });
            for (const { group, ...key } of rows) {
              const id = `${filter}|${group}`;
              (found.get(id) ?? found.set(id, []).get(id)!).push(key);
            }
          }),
        );
        return keys.map((k) => newestFirst(found.get(`${filterId(k)}|${k.group}`) ?? []));
      },
      { cacheKeyFn: (k) => `${filterId(k)}|${k.group}` },
    ),
  };
}
