import { toCsv } from '../src/lib/csv';
import { ciGateQuery, groupImpact, impactCsv, impactJson, impactQuery, IMPACT_PAGE_SIZE, pathText, type ImpactItem } from '../src/lib/impact';

const item = (degree: number, urn: string, type: string, path: [string, string, string][]): ImpactItem => ({
  degree,
  entity: { urn, type, name: urn.replace(/^.*:/, ''), status: 'ACTIVE' },
  path: path.map(([from, relationship, to]) => ({ from: { urn: `x:${from}`, name: from }, relationship, to: { urn: `x:${to}`, name: to } })),
});

const items = [
  item(3, 'x:endpoint', 'DEPLOYMENT', [['raw', 'DERIVED_FROM', 'sessions'], ['sessions', 'TRAINED_ON', 'churn'], ['churn', 'DEPLOYED_TO', 'endpoint']]),
  item(2, 'x:churn', 'MODEL', [['raw', 'DERIVED_FROM', 'sessions'], ['sessions', 'TRAINED_ON', 'churn']]),
  item(1, 'x:sessions', 'DATASET', [['raw', 'DERIVED_FROM', 'sessions']]),
  item(1, 'x:age', 'MODEL', [['raw', 'CONSUMES', 'age']]),
];

describe('toCsv', () => {
  it('quotes fields with commas, quotes and line breaks, and ends lines in CRLF', () => {
    expect(toCsv([['a', 'b,c', 'say "hi"', 'two\nlines', 3, null]])).toBe('a,"b,c","say ""hi""","two\nlines",3,\r\n');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(toCsv([['=HYPERLINK("x")', '+1', '-2', '@sum', 'plain', -5]])).toBe(`"'=HYPERLINK(""x"")",'+1,'-2,'@sum,plain,-5\r\n`);
  });
});

describe('impact', () => {
  it('groups by type, largest group first, items by degree then URN', () => {
    const groups = groupImpact(items);
    expect(groups.map((g) => [g.type, g.items.map((i) => i.entity.urn)])).toEqual([
      ['MODEL', ['x:age', 'x:churn']],
      ['DATASET', ['x:sessions']],
      ['DEPLOYMENT', ['x:endpoint']],
    ]);
  });

  it('writes a path as one line and the list as CSV with a header', () => {
    expect(pathText(items[0].path)).toBe('raw -DERIVED_FROM-> sessions -TRAINED_ON-> churn -DEPLOYED_TO-> endpoint');
    const lines = impactCsv(items.slice(1, 2)).split('\r\n');
    expect(lines[0]).toBe('degree,type,name,status,urn,path,path_urns');
    expect(lines[1]).toBe('2,MODEL,churn,ACTIVE,x:churn,raw -DERIVED_FROM-> sessions -TRAINED_ON-> churn,x:raw > x:sessions > x:churn');
    expect(lines).toHaveLength(3);
  });

  it('exports JSON that carries the question with the answer', () => {
    const json = JSON.parse(impactJson({ urn: 'x:raw' }, { total: 4, isPartial: false, countsByType: [{ type: 'MODEL', count: 2 }] }, items));
    expect(json.query).toEqual({ urn: 'x:raw' });
    expect(json.total).toBe(4);
    expect(json.items).toHaveLength(4);
  });

  it('declares only the arguments given, and pages with first/after', () => {
    const plain = impactQuery({ urn: 'x:raw' });
    expect(plain.query).toContain('query Impact($urn: ID!, $first: Int, $after: String)');
    expect(plain.query).toContain('impact(urn: $urn, first: $first, after: $after)');
    expect(plain.variables).toEqual({ urn: 'x:raw', first: IMPACT_PAGE_SIZE });

    const narrow = impactQuery({ urn: 'x:raw', types: ['MODEL', 'DEPLOYMENT'], asOf: '2024-06-30T00:00:00.000Z' });
    expect(narrow.query).toContain('$types: [EntityType!], $asOf: DateTime');
    expect(narrow.query).toContain('types: $types, asOf: $asOf');
    expect(narrow.variables).toEqual({ urn: 'x:raw', types: ['MODEL', 'DEPLOYMENT'], asOf: '2024-06-30T00:00:00.000Z', first: IMPACT_PAGE_SIZE });
  });

  it('asks a column-level walk for precision, and exports it as a last CSV column', () => {
    const q = impactQuery({ urn: 'x:raw', columns: ['birth_date'] });
    expect(q.query).toContain('query Impact($urn: ID!, $columns: [String!], $first: Int, $after: String)');
    expect(q.query).toContain('impact(urn: $urn, columns: $columns, first: $first, after: $after)');
    expect(q.query).toMatch(/countsByPrecision \{ type precision count \}/);
    expect(q.query).toMatch(/degree\s+precision/);
    expect(q.variables).toEqual({ urn: 'x:raw', columns: ['birth_date'], first: IMPACT_PAGE_SIZE });
    expect(impactQuery({ urn: 'x:raw', columns: [] }).query).not.toContain('precision');
    expect(ciGateQuery({ urn: 'x:raw', columns: ['birth_date'] }).query).toContain('countsByPrecision');

    const lines = impactCsv([{ ...items[1], precision: 'DATASET' }]).split('\r\n');
    expect(lines[0]).toBe('degree,type,name,status,urn,path,path_urns,precision');
    expect(lines[1].endsWith(',DATASET')).toBe(true);
  });

  it('writes the CI gate as counts only (first: 0)', () => {
    const gate = ciGateQuery({ urn: 'x:raw', types: ['DEPLOYMENT'] });
    expect(gate.query).toContain('impact(urn: $urn, types: $types, first: 0)');
    expect(gate.query).not.toContain('items');
    expect(gate.variables).toEqual({ urn: 'x:raw', types: ['DEPLOYMENT'] });
  });
});
