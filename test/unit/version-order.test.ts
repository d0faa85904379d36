import { compareVersions, newestFirst, type VersionKey } from '../../src/kinds/model-group/version-order';

const v = (urn: string, version: string | null, sortId: string | null = null, createdAt: string | null = null): VersionKey => ({
  urn,
  version,
  sortId,
  createdAt: createdAt ? new Date(createdAt) : null,
});
const order = (keys: VersionKey[]) => newestFirst(keys).map((k) => k.urn);

describe('version order of a model group', () => {
  it('orders numeric labels as numbers, not text (MLflow versions 1, 2, 10)', () => {
    expect(order([v('a', '2'), v('b', '10'), v('c', '1')])).toEqual(['b', 'a', 'c']);
  });

  it('follows semantic version precedence: prereleases before their release, numeric identifiers numerically', () => {
    const labels = ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0', '1.2', 'v1.10.0', '2.0.0+build.5'];
    const shuffled = [...labels].reverse().map((l, i) => v(`m${i}`, l));
    expect(newestFirst(shuffled).map((k) => k.version)).toEqual([...labels].reverse());
  });

  it('treats missing parts as 0 and ignores build metadata, then breaks ties by creation time and URN', () => {
    expect(compareVersions(v('a', '1.2', null, '2024-01-02'), v('b', '1.2.0+x', null, '2024-01-01'))).toBe(1);
    expect(compareVersions(v('a', '1.2'), v('b', '1.2.0'))).toBe(-1);
  });

  it('puts labels that are not version numbers before those that are, in code point order', () => {
    expect(order([v('x', '3'), v('y', 'beta'), v('z', 'alpha'), v('n', null)])).toEqual(['x', 'y', 'z', 'n']);
  });

  it('puts versions with a sort id after those without, ordered by the sort id as text, whatever their labels', () => {
    expect(order([v('a', '9'), v('b', '1', '2024-06-02'), v('c', '100', '2024-06-01'), v('d', '10')])).toEqual(['b', 'c', 'd', 'a']);
  });

  it('is a total order: sorting any permutation gives the same answer', () => {
    const keys = [v('a', '1'), v('b', '1.0.0-rc.1'), v('c', 'x'), v('d', '2', '01'), v('e', '1', null, '2020-01-01'), v('f', null)];
    const expected = order(keys);
    for (let i = 0; i < 20; i++) {
      const shuffled = [...keys].sort(() => Math.random() - 0.5);
      expect(order(shuffled)).toEqual(expected);
    }
  });
});
