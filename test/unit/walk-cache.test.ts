import { Status } from '../../src/model/entity-type';
import { LineageDirection } from '../../src/modules/lineage/lineage-steps';
import type { Walk } from '../../src/modules/lineage/lineage-walk';
import { WalkCache, walkKey } from '../../src/modules/lineage/walk-cache';

const walk = (size: number, isPartial = false): Walk => ({
  root: 'r',
  direction: LineageDirection.DOWNSTREAM,
  reached: new Map(Array.from({ length: size }, (_, i) => [`u${i}`, {} as never])),
  isPartial,
  partialReason: isPartial ? 'cut' : null,
  statements: 1,
});

const options = { direction: LineageDirection.DOWNSTREAM, maxDepth: 1000, statuses: [Status.ACTIVE], asOf: null, maxNodes: 100, budgetMs: 1000 };

describe('WalkCache', () => {
  it('finds a walk only under the version it was kept with', () => {
    const cache = new WalkCache(10, 1000);
    const w = walk(3);
    cache.set('k', 7, w);
    expect(cache.get('k', 7)).toBe(w);
    expect(cache.get('k', 8)).toBeUndefined();
    expect(cache.get('k', 7)).toBeUndefined(); // a stale entry is dropped, not kept for later
  });

  it('never keeps a cut walk, and drops the least recently used past its bounds', () => {
    const cache = new WalkCache(2, 10);
    cache.set('cut', 1, walk(1, true));
    expect(cache.get('cut', 1)).toBeUndefined();
    cache.set('a', 1, walk(4));
    cache.set('b', 1, walk(4));
    cache.get('a', 1); // a is now the most recently used
    cache.set('c', 1, walk(4)); // two walks at most: b goes
    expect(cache.get('b', 1)).toBeUndefined();
    expect(cache.get('a', 1)).toBeDefined();
    cache.set('d', 1, walk(7)); // 10 entities at most: everything else goes
    expect(cache.get('a', 1)).toBeUndefined();
    expect(cache.get('c', 1)).toBeUndefined();
    expect(cache.get('d', 1)).toBeDefined();
    cache.set('huge', 1, walk(11));
    expect(cache.get('huge', 1)).toBeUndefined();
  });

  it('holds entity records with a kept walk, under its version and one projection', () => {
    const cache = new WalkCache(10, 100);
    const p1 = {};
    const p2 = {};
    const rec = (urn: string) => ({ urn, type: 'DATASET', name: urn });
    cache.set('k', 7, walk(3));
    cache.hold('k', 6, p1, new Map([['a', rec('a')]])); // not the kept walk's version: nothing held
    expect(cache.records('k', p1)).toBeUndefined();
    cache.hold('k', 7, p1, new Map([['a', rec('a')]]));
    cache.hold('k', 7, p1, new Map([['b', rec('b')]])); // a later page's records are added
    expect([...cache.records('k', p1)!.records.keys()]).toEqual(['a', 'b']);
    expect(cache.records('k', p1)!.version).toBe(7);
    expect(cache.records('k', p2)).toBeUndefined(); // another projection: none
    cache.hold('k', 7, p2, new Map([['c', rec('c')]])); // ...and holding under it replaces them
    expect(cache.records('k', p1)).toBeUndefined();
    expect([...cache.records('k', p2)!.records.keys()]).toEqual(['c']);
    expect(cache.isOlder(7)).toBe(false);
    expect(cache.get('k', 8)).toBeUndefined(); // a write in between: the walk and its records go
    expect(cache.records('k', p2)).toBeUndefined();
    expect(cache.isOlder(7)).toBe(true); // a request has read version 8
  });

  it('keeps a signed walk and its records on under a newer version only from the version it was kept under', () => {
    const cache = new WalkCache(10, 100);
    const p1 = {};
    const w = walk(3);
    const signature = { statusVersion: 2, urns: ['r', 'u0', 'u1', 'u2'], values: new Float64Array(8) };
    cache.set('plain', 7, walk(2));
    expect(cache.kept('plain')!.signature).toBeUndefined(); // kept without a signature: nothing to compare
    cache.set('k', 7, w, signature, 2); // its question walked twice since a signature last kept it on
    cache.hold('k', 7, p1, new Map([['u0', { urn: 'u0', type: 'DATASET', name: 'u0' }]]));
    expect(cache.kept('k')).toEqual({ walk: w, version: 7, signature, rewalks: 2 });
    cache.moveTo('k', 6, 9); // not the version it is kept under: nothing moves
    expect(cache.kept('k')!.version).toBe(7);
    expect(cache.isOlder(7)).toBe(false);
    cache.moveTo('k', 7, 9);
    expect(cache.isOlder(7)).toBe(true); // 9 was read
    expect(cache.get('k', 9)).toBe(w);
    expect(cache.records('k', p1)!.version).toBe(9); // the records held with it move too
    expect(cache.kept('k')!.signature).toBe(signature);
    expect(cache.kept('k')!.rewalks).toBe(0); // kept on by its signature: the count starts again
    expect(cache.get('k', 10)).toBeUndefined(); // and a later version without a move drops it
    expect(cache.kept('k')).toBeUndefined();
  });

  it('counts held records against its bound by their size, so big records cannot outgrow it', () => {
    const cache = new WalkCache(10, 10);
    const p = {};
    // Each record's JSON is under 40 characters: one unit each.
    const many = (n: number, prefix: string) => new Map(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, { urn: `${prefix}${i}`, type: 'MODEL' }]));
    cache.set('a', 1, walk(4));
    cache.set('b', 1, walk(3));
    cache.hold('b', 1, p, many(3, 'x')); // 4 + 3 + 3 = 10: all kept
    expect(cache.get('a', 1)).toBeDefined();
    cache.hold('b', 1, p, many(1, 'y')); // 11 would pass the bound: the least recently used walk goes
    expect(cache.kept('a')).toBeUndefined();
    expect(cache.records('b', p)!.records.size).toBe(4);
    cache.hold('b', 1, p, many(4, 'z')); // more than the whole bound with its walk: held records are let go
    expect(cache.records('b', p)).toBeUndefined();
    expect(cache.get('b', 1)).toBeDefined();
    // One record with 249 characters of JSON counts 7: with the walk's 3, it fits; a second does not.
    const big = (urn: string) => ({ urn, type: 'DATASET', description: 'x'.repeat(200) });
    cache.hold('b', 1, p, new Map([['big1', big('big1')]]));
    expect(cache.records('b', p)!.records.size).toBe(1);
    cache.hold('b', 1, p, new Map([['big2', big('big2')]]));
    expect(cache.records('b', p)).toBeUndefined();
  });

  it('tells questions apart by every option that shapes the walk', () => {
    const base = walkKey('r', options);
    expect(walkKey('r', { ...options, budgetMs: 5 })).toBe(base);
    for (const other of [
      walkKey('r2', options),
      walkKey('r', { ...options, direction: LineageDirection.UPSTREAM }),
      walkKey('r', { ...options, maxDepth: 3 }),
      walkKey('r', { ...options, statuses: [Status.ACTIVE, Status.ARCHIVED] }),
      walkKey('r', { ...options, asOf: new Date(0) }),
      walkKey('r', { ...options, maxNodes: 5 }),
    ]) {
      expect(other).not.toBe(base);
    }
  });
});
