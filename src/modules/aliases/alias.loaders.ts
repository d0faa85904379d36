import DataLoader from 'dataloader';
import { queries, type Graph } from '../../graph';

/** One alias on one membership: `model` holds `alias` in `group`. */
export interface HeldAlias {
  alias: string;
  model: string;
  group: string;
}

export interface AliasLoaders {
  /** The aliases held on the open memberships of a model or of a group (by either URN), sorted by alias then model. */
  aliases: DataLoader<string, HeldAlias[]>;
}

/** Per-request alias loader: the URNs of one tick become one statement. */
export function createAliasLoaders(graph: Graph): AliasLoaders {
  return {
    aliases: new DataLoader(async (urns) => {
      const byUrn = new Map<string, HeldAlias[]>();
      for (const { urn, ...held } of await graph.read(queries.aliasesOf, { urns: [...urns] })) {
        (byUrn.get(urn) ?? byUrn.set(urn, []).get(urn)!).push(held);
      }
      return urns.map((u) =>
        (byUrn.get(u) ?? []).sort((a, b) => a.alias.localeCompare(b.alias) || a.model.localeCompare(b.model) || a.group.localeCompare(b.group)),
      );
    }),
  };
}
