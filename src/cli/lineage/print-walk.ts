import { printTable } from '../output';
import type { WalkResult } from './walk';

/** Prints a walk as a summary line and a table: degree, type, name, env, aliases, the last hop, URN. */
export function printWalk(title: string, r: WalkResult): void {
  const counts = r.countsByType.map((c) => `${c.count} ${c.type}`).join(', ');
  process.stdout.write(`${title} ${r.root.name} (${r.root.type}): ${r.total} entit${r.total === 1 ? 'y' : 'ies'}${counts ? ` (${counts})` : ''}\n`);
  if (r.isPartial) process.stdout.write(`the walk was cut: ${r.partialReason ?? 'a server limit was reached'}\n`);
  if (!r.items.length) return;
  printTable(
    ['DEGREE', 'TYPE', 'NAME', 'ENV', 'ALIASES', 'VIA', 'URN'],
    r.items.map((i) => {
      const hop = i.path[i.path.length - 1];
      const via = hop ? `${hop.relationship} ${hop.fromName}` : '';
      return [String(i.degree), i.type, i.name, i.env ?? '', i.aliases.join(','), via, i.urn];
    }),
  );
}
