import { canonicalJson, decodeEntity, encodeFields, sameStored } from '../../src/model/encode';
import { EntityType } from '../../src/model/entity-type';

describe('field encoding', () => {
  it('stores only the fields present; null clears, undefined leaves alone', () => {
    const out = encodeFields(EntityType.DATASET, { name: 'x', description: null, tags: ['a'], uri: undefined });
    expect(out).toEqual({ name: 'x', description: null, tags: ['a'] });
    expect('uri' in out).toBe(false);
  });

  it('encodes nested structures as canonical JSON so equal values compare equal', () => {
    const a = encodeFields(EntityType.MODEL, { framework: { version: '2.1', name: 'pytorch' } });
    const b = encodeFields(EntityType.MODEL, { framework: { name: 'pytorch', version: '2.1' } });
    expect(a.framework).toBe(b.framework);
    expect(canonicalJson({ b: 1, a: [{ d: 1, c: 2 }] })).toBe('{"a":[{"c":2,"d":1}],"b":1}');
  });

  it('ignores fields that are not stored for the type', () => {
    expect(encodeFields(EntityType.DATASET, { name: 'x', hyperParams: [] })).toEqual({ name: 'x' });
  });

  it('compares dates by instant and lists element-wise', () => {
    expect(sameStored(new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00.000Z'))).toBe(true);
    expect(sameStored(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(sameStored(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameStored(null, undefined)).toBe(true);
    expect(sameStored('1', 1)).toBe(false);
  });

  it('decodes JSON fields and reads unset lists as []', () => {
    const e = decodeEntity({ type: 'MODEL', urn: 'u', framework: '{"name":"xgboost"}', hyperParams: null });
    expect(e.framework).toEqual({ name: 'xgboost' });
    expect(e.hyperParams).toEqual([]);
    expect(e.tags).toEqual([]);
  });
});
