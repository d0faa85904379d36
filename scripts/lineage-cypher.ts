import fs from 'node:fs';
import path from 'node:path';
import { queries } from '../src/graph';
import { CYPHER_DIR } from '../src/graph/query';
import { LINEAGE_RELATIONSHIPS, LineageDirection, stepTypes } from '../src/modules/lineage/lineage-steps';

// The lineage statements keep their relationship types as literals: Neo4j 5.26 plans a dynamic
// `[r:$any($types)]` as an untyped expand and a filter, which read 2.6 to 6 times the records on
// the 100k benchmark graph (BENCHMARKS.md). The literals are written from the kinds' declarations
// by `npm run schema:emit`, and a contract test keeps the files equal to them.

/** Relationship types of a statement's outgoing and incoming patterns. */
interface Steps {
  outgoing: string[];
  incoming: string[];
}

/**
 * Per lineage statement: the relationship types of its outgoing and its incoming patterns (only
 * those of its step variable, when it names one), or per variable when its patterns step both ways.
 */
function expectedTypes(): Record<string, (Steps & { variable?: string }) | { byVariable: Record<string, Steps> }> {
  return {
    // A kept walk's signature counts each entity's edges on both sides: `d` the downstream steps, `u` the upstream ones.
    [queries.lineageStart.name]: { byVariable: { d: stepTypes(LineageDirection.DOWNSTREAM), u: stepTypes(LineageDirection.UPSTREAM) } },
    // The column-level walks step like the entity walks; only their `r` patterns are lineage steps
    // (the others read the column layer).
    [queries.columnDownstreamLevel.name]: { ...stepTypes(LineageDirection.DOWNSTREAM), variable: 'r' },
    [queries.columnUpstreamLevel.name]: { ...stepTypes(LineageDirection.UPSTREAM), variable: 'r' },
    [queries.lineageDownstreamLevel.name]: stepTypes(LineageDirection.DOWNSTREAM),
    [queries.lineageUpstreamLevel.name]: stepTypes(LineageDirection.UPSTREAM),
    [queries.lineageDownstreamTwoLevels.name]: stepTypes(LineageDirection.DOWNSTREAM),
    [queries.lineageUpstreamTwoLevels.name]: stepTypes(LineageDirection.UPSTREAM),
    [queries.lineageDownstreamPinned.name]: stepTypes(LineageDirection.DOWNSTREAM),
    [queries.lineageUpstreamPinned.name]: stepTypes(LineageDirection.UPSTREAM),
    [queries.lineageEdgesAmong.name]: { outgoing: [...LINEAGE_RELATIONSHIPS].sort(), incoming: [] },
  };
}

/**
 * `text` (the statement `name` of cypher/lineage/, or a column-level walk) with the types of every
 * `-[r:A|B]->` and `<-[r:A|B]-` pattern (only those of its step variable, when it names one) set to
 * what LINEAGE_STEPS gives; comment lines are left as they are.
 */
export function withLineageTypes(name: string, text: string): string {
  const expected = expectedTypes()[name];
  if (!expected) throw new Error(`${name} is not a lineage statement`);
  const typesOf = (variable: string): (Steps & { variable?: string }) | undefined =>
    'byVariable' in expected ? expected.byVariable[variable] && { ...expected.byVariable[variable], variable } : expected;
  return text
    .split('\n')
    .map((line) =>
      line.trimStart().startsWith('//')
        ? line
        : line.replace(/(<?)-\[(\w*):[A-Z_|]+\]-(>?)/g, (m, left: string, variable: string, right: string) => {
            const types = typesOf(variable);
            if (!types) throw new Error(`${name}: no lineage types for the variable of "${m}"`);
            if (types.variable && variable !== types.variable) return m;
            const list = right === '>' && !left ? types.outgoing : left === '<' && !right ? types.incoming : [];
            if (!list.length) throw new Error(`${name}: no lineage types for the pattern in "${line.trim()}"`);
            return `${left}-[${variable}:${list.join('|')}]-${right}`;
          }),
    )
    .join('\n');
}

/** Rewrites the relationship types of the lineage statements from the declarations; returns the files changed. */
export function emitLineageCypher(): string[] {
  const changed: string[] = [];
  for (const name of Object.keys(expectedTypes())) {
    const file = path.join(CYPHER_DIR, `${name}.cypher`);
    const text = fs.readFileSync(file, 'utf8');
    const next = withLineageTypes(name, text);
    if (next !== text) {
      fs.writeFileSync(file, next);
      changed.push(path.relative(path.dirname(CYPHER_DIR), file));
    }
  }
  return changed;
}
