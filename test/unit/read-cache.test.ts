import { ReadCache, readKey, readThrough, VersionReads } from '../../src/graph/read-cache';

const rows = (n: number, list = 1) => Array.from({ length: n }, (_, i) => ({ i, list: Array.from({ length: list }, (_, j) => j) }));

describe('ReadCache', () => {
  it('answers a read only under the version it was kept at', () => {
    const cache = new ReadCache({ entries: 10, rows: 1_000 });
    const kept = rows(2);
    cache.set('a', 7, kept);
    expect(cache.mayHave('a')).toBe(true);
    expect(cache.get('a', 7)).toBe(kept);
    expect(cache.get('a', 8)).toBeUndefined();
    expect(cache.mayHave('b')).toBe(false);
    expect(cache.get('b', 7)).toBeUndefined();
  });

  it('lets an answer go, without asking the version, once a newer version has been seen', () => {
    const cache = new ReadCache({ entries: 10, rows: 1_000 });
    cache.set('a', 7, rows(1));
    cache.set('b', 8, rows(1)); // a read saw version 8
    expect(cache.mayHave('a')).toBe(false);
    expect(cache.size).toBe(1);
    expect(cache.mayHave('b')).toBe(true);
    cache.saw(9);
    expect(cache.mayHave('b')).toBe(false);
    expect(cache.size).toBe(0);
  });

  it('keeps the newer of two reads of the same statement, whichever is kept last', () => {
    const cache = new ReadCache({ entries: 10, rows: 1_000 });
    const newer = rows(1);
    cache.set('a', 9, newer);
    cache.set('a', 8, rows(1));
    expect(cache.get('a', 9)).toBe(newer);
    expect(cache.get('a', 8)).toBeUndefined();
    const newest = rows(1);
    cache.set('a', 10, newest);
    expect(cache.get('a', 10)).toBe(newest);
    expect(cache.size).toBe(1);
  });

  it('lets the least recently used answer go past its entries', () => {
    const cache = new ReadCache({ entries: 2, rows: 1_000 });
    cache.set('a', 1, rows(1));
    cache.set('b', 1, rows(1));
    expect(cache.get('a', 1)).toBeDefined(); // a is now the most recently used
    cache.set('c', 1, rows(1));
    expect(cache.mayHave('b')).toBe(false);
    expect(cache.mayHave('a')).toBe(true);
    expect(cache.mayHave('c')).toBe(true);
  });

  it('counts a row as its longest list, and keeps the rows under their bound', () => {
    const cache = new ReadCache({ entries: 100, rows: 100 });
    cache.set('a', 1, rows(1, 25)); // 25
    cache.set('b', 1, rows(2, 10)); // 20
    cache.set('c', 1, rows(20)); // 20
    cache.set('d', 1, rows(25)); // 25: 90 in all
    expect(cache.size).toBe(4);
    cache.set('e', 1, rows(1, 20)); // 110: a goes
    expect(cache.mayHave('a')).toBe(false);
    expect(cache.size).toBe(4);
    // An answer larger than a quarter of the bound is not kept at all.
    cache.set('f', 1, rows(26));
    expect(cache.mayHave('f')).toBe(false);
    expect(cache.size).toBe(4);
  });

  it('keys a read by its statement and every parameter', () => {
    expect(readKey('entities/by-urns', { urns: ['x'], fields: { MODEL: ['name'] } })).toBe(readKey('entities/by-urns', { urns: ['x'], fields: { MODEL: ['name'] } }));
    expect(readKey('entities/by-urns', { urns: ['x'], fields: { MODEL: ['name'] } })).not.toBe(readKey('entities/by-urns', { urns: ['x'], fields: { MODEL: ['name', 'status'] } }));
    expect(readKey('a', { asOf: new Date(1) })).not.toBe(readKey('a', { asOf: new Date(2) }));
    expect(readKey('a', {})).not.toBe(readKey('b', {}));
  });
});

describe('VersionReads', () => {
  const turn = () => new Promise((resolve) => setImmediate(resolve));

  it('sends one statement for the requests that ask in the same turn, after all of them asked', async () => {
    const sent: number[] = [];
    let version = 41;
    const reads = new VersionReads(async () => {
      sent.push(version);
      return version;
    });
    const asked = [reads.next(), reads.next()];
    version = 42; // a write commits after the first request asked, before the read is sent
    asked.push(reads.next());
    expect(sent).toEqual([]); // not sent in the turn the requests asked in
    expect(await Promise.all(asked)).toEqual([42, 42, 42]);
    expect(sent).toEqual([42]);
  });

  it('never lets a request join a read already sent: it gets a read of its own', async () => {
    let version = 1;
    let release!: () => void;
    const sent: number[] = [];
    const reads = new VersionReads(async () => {
      const seen = version;
      sent.push(seen);
      if (sent.length === 1) await new Promise<void>((r) => (release = r));
      return seen;
    });
    const first = reads.next();
    await turn(); // the first read is sent now, and waits for Neo4j
    version = 2; // a write commits before the next request asks
    const second = reads.next();
    expect(second).not.toBe(first);
    release();
    expect(await first).toBe(1);
    expect(await second).toBe(2);
    expect(sent).toEqual([1, 2]);
  });

  it('passes a failed read to every request that joined it, and the next asks again', async () => {
    let fail = true;
    const reads = new VersionReads(async () => {
      if (fail) throw new Error('Neo4j is down');
      return 7;
    });
    const asked = [reads.next(), reads.next()];
    await expect(asked[0]).rejects.toThrow('Neo4j is down');
    await expect(asked[1]).rejects.toThrow('Neo4j is down');
    fail = false;
    expect(await reads.next()).toBe(7);
  });
});

describe('readThrough', () => {
  it('reads and keeps under the version read first, answers from it under that version, and reads again under another', async () => {
    const cache = new ReadCache({ entries: 10, rows: 1_000 });
    let reads = 0;
    let now = 5;
    const read = async () => ({ rows: [{ urn: `x${++reads}` }], version: now });
    const asked: number[] = [];
    const versionNow = async () => (asked.push(now), now);
    expect(await readThrough(cache, 'k', versionNow, read)).toEqual([{ urn: 'x1' }]);
    expect(asked).toEqual([]); // nothing was kept: no version asked
    expect(await readThrough(cache, 'k', versionNow, read)).toEqual([{ urn: 'x1' }]);
    expect(asked).toEqual([5]);
    now = 6;
    expect(await readThrough(cache, 'k', versionNow, read)).toEqual([{ urn: 'x2' }]);
    expect([cache.hits, cache.misses]).toEqual([1, 2]);
  });

  it('keeps a read that found nothing, and never one that told no version', async () => {
    const cache = new ReadCache({ entries: 10, rows: 1_000 });
    let reads = 0;
    const empty = async () => (reads++, { rows: [], version: 3 });
    expect(await readThrough(cache, 'k', async () => 3, empty)).toEqual([]);
    expect(await readThrough(cache, 'k', async () => 3, empty)).toEqual([]);
    expect(reads).toBe(1);
    const unversioned = async () => (reads++, { rows: [{ urn: 'x' }], version: undefined });
    await readThrough(cache, 'u', async () => 3, unversioned);
    await readThrough(cache, 'u', async () => 3, unversioned);
    expect(reads).toBe(3);
  });
});
