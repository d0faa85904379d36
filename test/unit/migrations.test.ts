import { loadMigration } from '../../src/graph/migrations';
import { paramsUsed } from '../../src/graph/query';

describe('migration files', () => {
  it('split into one statement per line ending in ";", comments dropped', () => {
    const m = loadMigration('0001_entity_urn_unique');
    expect(m.statements.length).toBe(10);
    for (const s of m.statements) {
      expect(s.text).toMatch(/^CREATE CONSTRAINT \w+ IF NOT EXISTS FOR \(\w+:\w+\) REQUIRE \w+\.\w+ IS UNIQUE$/);
    }
    expect(m.checksum).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('paramsUsed', () => {
  it('finds $params outside comments and string literals', () => {
    expect(paramsUsed("// params: $ignored\nMATCH (n {a: $a}) WHERE n.s = '$notParam' RETURN $b, $a")).toEqual(['a', 'b']);
  });

  it('does not count the dynamic type functions $any(...) and $all(...) as parameters', () => {
    expect(paramsUsed('MATCH (n)-[r:$any($types)]-(m:$all($labels)) RETURN $x')).toEqual(['labels', 'types', 'x']);
  });
});
