import fs from 'node:fs';
import path from 'node:path';
import { queries } from '../../src/graph';
import { CYPHER_DIR } from '../../src/graph/query';
import { LINEAGE_RELATIONSHIPS, LineageDirection, NOT_LINEAGE, stepTypes } from '../../src/modules/lineage/lineage-steps';
import { withLineageTypes } from '../../scripts/lineage-cypher';

// The lineage files keep literal relationship types (a typed expand reads far fewer records than a
// dynamic one), written from LINEAGE_STEPS by `npm run schema:emit`; this keeps them equal to it.

const code = (name: string) =>
  fs
    .readFileSync(path.join(CYPHER_DIR, `${name}.cypher`), 'utf8')
    .split('\n')
    .filter((l) => !l.trimStart().startsWith('//'))
    .join('\n');

/**
 * Relationship patterns of a Cypher text: `(a)-[r:A|B]->(b)` is outgoing, `(a)<-[r:A]-(b)` incoming;
 * with `variable`, only the patterns naming that variable ('' for anonymous ones).
 */
function patterns(text: string, variable?: string): { outgoing: string[]; incoming: string[]; untyped: string[] } {
  const out = { outgoing: [] as string[], incoming: [] as string[], untyped: [] as string[] };
  for (const m of text.matchAll(/(<?)-\[([^\]]*)\]-(>?)/g)) {
    const [, left, body, right] = m;
    if (variable !== undefined && /^\w*/.exec(body.trim())![0] !== variable) continue;
    const typed = /^\w*:([A-Z_|]+)/.exec(body.trim());
    if (!typed) {
      out.untyped.push(m[0]);
      continue;
    }
    const types = typed[1].split('|');
    if (right === '>' && !left) out.outgoing.push(...types);
    else if (left === '<' && !right) out.incoming.push(...types);
    else out.untyped.push(m[0]);
  }
  return { outgoing: [...out.outgoing].sort(), incoming: [...out.incoming].sort(), untyped: out.untyped };
}

describe('cypher/lineage follows LINEAGE_STEPS', () => {
  it.each([
    [queries.lineageDownstreamLevel.name, LineageDirection.DOWNSTREAM],
    [queries.lineageUpstreamLevel.name, LineageDirection.UPSTREAM],
    [queries.lineageDownstreamPinned.name, LineageDirection.DOWNSTREAM],
    [queries.lineageUpstreamPinned.name, LineageDirection.UPSTREAM],
  ])('%s expands exactly the %s steps, each in its direction', (name, direction) => {
    const found = patterns(code(name), 'r');
    const expected = stepTypes(direction);
    expect(patterns(code(name)).untyped).toEqual([]);
    expect(found.outgoing).toEqual(expected.outgoing);
    expect(found.incoming).toEqual(expected.incoming);
  });

  it.each([
    [queries.lineageDownstreamTwoLevels.name, LineageDirection.DOWNSTREAM, 2],
    [queries.lineageUpstreamTwoLevels.name, LineageDirection.UPSTREAM, 2],
  ])("%s asks whether a reached entity has a step onward over exactly the %s steps (%s times)", (name, direction, times) => {
    const onward = patterns(code(name), '');
    const expected = stepTypes(direction);
    const repeated = (types: string[]) => types.flatMap((t) => Array(times).fill(t)).sort();
    expect(onward).toEqual({ outgoing: repeated(expected.outgoing), incoming: repeated(expected.incoming), untyped: [] });
  });

  it.each([
    [queries.lineageDownstreamTwoLevels.name, LineageDirection.DOWNSTREAM],
    [queries.lineageUpstreamTwoLevels.name, LineageDirection.UPSTREAM],
  ])('%s expands exactly the %s steps in each of its two levels', (name, direction) => {
    const hops = code(name).split(/CALL \(n\) \{/).slice(1);
    expect(hops).toHaveLength(2);
    for (const hop of hops) {
      const found = patterns(hop, 'r');
      expect(found).toEqual({ ...stepTypes(direction), untyped: [] });
    }
  });

  it.each([
    [queries.columnDownstreamLevel.name, LineageDirection.DOWNSTREAM],
    [queries.columnUpstreamLevel.name, LineageDirection.UPSTREAM],
  ])('%s steps over exactly the %s steps (its `r` patterns), each in its direction', (name, direction) => {
    const steps = code(name)
      .split('\n')
      .filter((l) => /-\[r:/.test(l))
      .join('\n');
    const expected = stepTypes(direction);
    expect(patterns(steps)).toEqual({ ...expected, untyped: [] });
  });

  it.each([
    [LineageDirection.DOWNSTREAM, 'd'],
    [LineageDirection.UPSTREAM, 'u'],
  ])("the start's signature counts exactly the %s steps' edges (its `%s` patterns), each in its direction", (direction, variable) => {
    const steps = code(queries.lineageStart.name)
      .split('\n')
      .flatMap((l) => l.match(new RegExp(`<?-\\[${variable}:[A-Z_|]+\\]->?`, 'g')) ?? [])
      .join('\n');
    expect(patterns(steps)).toEqual({ ...stepTypes(direction), untyped: [] });
  });

  it('edges-among reads every lineage type in its stored direction, and nothing else', () => {
    const found = patterns(code(queries.lineageEdgesAmong.name));
    expect(found).toEqual({ outgoing: [...LINEAGE_RELATIONSHIPS].sort(), incoming: [], untyped: [] });
  });

  it.each([
    queries.lineageDownstreamLevel.name,
    queries.lineageUpstreamLevel.name,
    queries.lineageDownstreamTwoLevels.name,
    queries.lineageUpstreamTwoLevels.name,
    queries.lineageDownstreamPinned.name,
    queries.lineageUpstreamPinned.name,
    queries.lineageEdgesAmong.name,
    queries.columnDownstreamLevel.name,
    queries.columnUpstreamLevel.name,
    queries.lineageStart.name,
  ])(
    '%s is what `npm run schema:emit` writes from the declarations',
    (name) => {
      const text = fs.readFileSync(path.join(CYPHER_DIR, `${name}.cypher`), 'utf8');
      expect(withLineageTypes(name, text)).toBe(text);
    },
  );

  it('schema:emit rewrites a stale list of types, in each direction', () => {
    const stale = 'MATCH (n)-[r:INPUT_OF]->(m)\nMATCH (n)<-[r:TRAINED_BY]-(m)';
    expect(withLineageTypes(queries.lineageDownstreamLevel.name, stale)).toBe(
      `MATCH (n)-[r:${stepTypes(LineageDirection.DOWNSTREAM).outgoing.join('|')}]->(m)\nMATCH (n)<-[r:${stepTypes(LineageDirection.DOWNSTREAM).incoming.join('|')}]-(m)`,
    );
  });

  it('no lineage statement mentions a grouping relationship', () => {
    const files = fs.readdirSync(path.join(CYPHER_DIR, 'lineage'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const text = code(`lineage/${f.replace(/\.cypher$/, '')}`);
      for (const t of NOT_LINEAGE) expect(text).not.toContain(t);
    }
  });

  it('lineage code builds no query text: every statement comes from a registered file', () => {
    const dir = path.join(__dirname, '..', '..', 'src', 'modules', 'lineage');
    for (const f of fs.readdirSync(dir)) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      expect({ f, cypher: /\b(MATCH|MERGE|UNWIND)\s*\(/.test(text) || /\.run\(\s*['`]/.test(text) }).toEqual({ f, cypher: false });
    }
  });
});
