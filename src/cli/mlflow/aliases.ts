import type { GraphQLClient } from '../client';

/** mlgraph's alias rule (setModelAlias); MLflow allows more (upper case, longer names). */
const ALIAS = /^[a-z][a-z0-9_-]{0,63}$/;

export interface AliasChange {
  group: string;
  alias: string;
  /** The version to hold the alias; null to take it away. */
  model: string | null;
}

export interface AliasPlan {
  changes: AliasChange[];
  unchanged: number;
  seen: number;
  warnings: string[];
}

/**
 * What to do so that each group's aliases in mlgraph are exactly its registered model's aliases in
 * MLflow: set the missing or moved ones, remove the ones MLflow no longer has. MLflow does not
 * change a model's update time when an alias moves, so aliases are compared on every import.
 * `desired` maps group URN -> alias -> version URN (null when the version is not in mlgraph).
 */
export function planAliases(desired: Map<string, Map<string, string | null>>, current: Map<string, Map<string, string>>): AliasPlan {
  const plan: AliasPlan = { changes: [], unchanged: 0, seen: 0, warnings: [] };
  for (const [group, want] of desired) {
    const have = current.get(group) ?? new Map<string, string>();
    for (const [alias, model] of want) {
      plan.seen++;
      if (!ALIAS.test(alias)) {
        plan.warnings.push(`alias "${alias}" of ${group} is not a valid mlgraph alias (${ALIAS.source}); not imported`);
        continue;
      }
      if (model === null) {
        plan.warnings.push(`alias "${alias}" of ${group} points at a version that is not in mlgraph; not imported`);
        continue;
      }
      if (have.get(alias) === model) plan.unchanged++;
      else plan.changes.push({ group, alias, model });
    }
    for (const alias of have.keys()) if (!want.has(alias)) plan.changes.push({ group, alias, model: null });
  }
  return plan;
}

/** Applies alias changes one mutation each (each is its own transaction, and idempotent). */
export async function applyAliases(client: GraphQLClient, changes: readonly AliasChange[], onEach: () => void): Promise<void> {
  for (const c of changes) {
    if (c.model) {
      await client.request(
        'mutation SetAlias($g: ID!, $a: String!, $m: ID!) { setModelAlias(group: $g, alias: $a, model: $m) { changed } }',
        { g: c.group, a: c.alias, m: c.model },
      );
    } else {
      await client.request('mutation RemoveAlias($g: ID!, $a: String!) { removeModelAlias(group: $g, alias: $a) { changed } }', {
        g: c.group,
        a: c.alias,
      });
    }
    onEach();
  }
}
