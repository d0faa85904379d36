import neo4j from 'neo4j-driver';
import { toNeo4j, toPlain } from '../../src/graph/values';
import { findMalformedText } from '../../src/errors/validate-input';

describe('toPlain (row decoding at the graph boundary)', () => {
  it('turns Neo4j integers into numbers, nested in lists and maps', () => {
    expect(toPlain({ n: neo4j.int(42), xs: [neo4j.int(1), neo4j.int(2)], m: { k: neo4j.int(-7) } })).toEqual({
      n: 42,
      xs: [1, 2],
      m: { k: -7 },
    });
  });

  it('turns DateTime into a Date at the same instant', () => {
    const dt = neo4j.types.DateTime.fromStandardDate(new Date('2026-01-02T03:04:05.678Z'));
    const out = toPlain(dt) as Date;
    expect(out).toBeInstanceOf(Date);
    expect(out.toISOString()).toBe('2026-01-02T03:04:05.678Z');
  });

  it('returns a list or map with nothing to convert as it is, and copies one that has (leaving the driver\'s untouched)', () => {
    const plain = { rows: [['urn:a', 'DATASET', [1.5, 'x', ['t']], [[0, 1, 'k']]]], m: { a: 's' } };
    expect(toPlain(plain)).toBe(plain);
    const mixed = { rows: [['urn:a', neo4j.int(3)], ['urn:b', 2]], m: { a: 's' } };
    const out = toPlain(mixed) as typeof mixed;
    expect(out).toEqual({ rows: [['urn:a', 3], ['urn:b', 2]], m: { a: 's' } });
    expect(out).not.toBe(mixed);
    expect(out.rows[1]).toBe(mixed.rows[1]); // unchanged inside: not copied
    expect(neo4j.isInt(mixed.rows[0][1])).toBe(true); // the input is not changed
  });

  it('maps undefined to null and keeps strings, booleans and floats', () => {
    expect(toPlain({ a: undefined, b: 's', c: true, d: 1.5 })).toEqual({ a: null, b: 's', c: true, d: 1.5 });
  });
});

describe('toNeo4j (parameters at the graph boundary)', () => {
  it('refuses text with an unpaired surrogate instead of letting UTF-8 encoding change it', () => {
    expect(() => toNeo4j({ rows: [{ name: 'ok' }, { name: 'bad\ud800' }] })).toThrow(/not valid Unicode/);
    expect(toNeo4j({ name: 'emoji 💥 and RTL \u202e' })).toEqual({ name: 'emoji 💥 and RTL \u202e' });
  });
});

describe('findMalformedText', () => {
  it('names the path of the first malformed string in an input', () => {
    expect(findMalformedText({ name: 'x', owners: [{ id: 'ok' }, { id: '\udc00' }] }, 'input')).toBe('input.owners.1.id');
    expect(findMalformedText({ name: 'fine' }, 'input')).toBeNull();
  });
});
