import fs from 'node:fs';
import path from 'node:path';
import { MIGRATIONS, queries } from '../../src/graph';
import { CYPHER_DIR, paramsUsed, withoutCommentLines } from '../../src/graph/query';
import { EDGE_PROPERTY_LIST } from '../../src/model/edge-properties';
import { LINEAGE_RELATIONSHIPS } from '../../src/modules/lineage/lineage-steps';

function cypherFiles(dir = CYPHER_DIR): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return cypherFiles(full);
    return e.name.endsWith('.cypher') ? [path.relative(CYPHER_DIR, full).replace(/\.cypher$/, '')] : [];
  });
}

/** The `// params:` header line, e.g. "$id, $checksum" or "none". */
function declaredInHeader(text: string): string[] | undefined {
  const m = /^\/\/ params: (.*)$/m.exec(text);
  if (!m) return undefined;
  return m[1].trim() === 'none' ? [] : m[1].split(',').map((p) => p.trim().replace(/^\$/, '')).sort();
}

describe('cypher/ and the query registry', () => {
  const registered = new Map<string, readonly string[]>(Object.values(queries).map((q) => [q.name, q.params]));
  const migrationFiles = new Set(MIGRATIONS.map((m) => `migrations/${m.id}`));

  it('every .cypher file is registered exactly once (as a query or a migration)', () => {
    const files = cypherFiles();
    expect(files.length).toBeGreaterThan(0);
    const unregistered = files.filter((f) => !registered.has(f) && !migrationFiles.has(f));
    expect(unregistered).toEqual([]);
    const names = Object.values(queries).map((q) => q.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('sends each file without its whole-line comments and blank lines, and nothing else changed', () => {
    for (const q of Object.values(queries)) {
      const file = fs.readFileSync(path.join(CYPHER_DIR, `${q.name}.cypher`), 'utf8');
      const code = file.split('\n').filter((l) => l.trim() && !l.trimStart().startsWith('//'));
      expect({ name: q.name, lines: q.text.split('\n') }).toEqual({ name: q.name, lines: code });
      expect({ name: q.name, params: paramsUsed(q.text) }).toEqual({ name: q.name, params: paramsUsed(file) });
    }
    expect(withoutCommentLines('// a\n\nMATCH (n) // kept\n  // indented\nRETURN n')).toBe('MATCH (n) // kept\nRETURN n');
  });

  it.each([...registered.entries()])("%s: declared params equal the file's $params and its header", (name, params) => {
    const text = fs.readFileSync(path.join(CYPHER_DIR, `${name}.cypher`), 'utf8');
    expect([...params].sort()).toEqual(paramsUsed(text));
    expect(declaredInHeader(text)).toEqual([...params].sort());
    expect(text).toMatch(/^\/\/ returns: /m);
  });

  it('migrations register every lineage relationship type (a level statement naming an unknown type pays per row)', () => {
    const registered = MIGRATIONS.flatMap((m) => m.statements.map((s) => /^CALL db\.createRelationshipType\('([A-Z_]+)'\)$/.exec(s.text)?.[1])).filter(Boolean);
    expect([...LINEAGE_RELATIONSHIPS].filter((t) => !registered.includes(t))).toEqual([]);
  });

  it('entities/write sets every declared edge property of the edges it opens, each from its edge props, and nothing else', () => {
    // The names are literals there (a map SET costs the plan two Eagers); a property declared later
    // must be added to the statement, or new edges would silently drop it.
    const text = fs.readFileSync(path.join(CYPHER_DIR, 'entities/write.cypher'), 'utf8');
    const set = /^\s*SET (r\..*)$/m.exec(text)?.[1] ?? '';
    const assignments = set.split(',').map((a) => a.trim());
    expect(assignments.sort()).toEqual(EDGE_PROPERTY_LIST.map((p) => `r.${p.name} = e.props.${p.name}`).sort());
  });

  it('migrations take no parameters and every schema statement is idempotent (IF NOT EXISTS)', () => {
    // Data moves (MATCH ... SET) find nothing once done; migrations.int.test.ts re-runs them.
    for (const m of MIGRATIONS) {
      for (const s of m.statements) {
        expect(paramsUsed(s.text)).toEqual([]);
        if (/^CREATE (CONSTRAINT|INDEX|RANGE|TEXT|POINT|FULLTEXT|LOOKUP|VECTOR)\b/i.test(s.text)) expect(s.text).toMatch(/IF NOT EXISTS/);
        else if (/^DROP /i.test(s.text)) expect(s.text).toMatch(/IF EXISTS$/);
        else if (/^CALL /i.test(s.text)) expect(s.text).toMatch(/^CALL db\.(createRelationshipType\('[A-Z_]+'\)|awaitIndex\('\w+', \d+\))$/);
        else expect(s.text).toMatch(/^MATCH /);
      }
    }
  });
});
