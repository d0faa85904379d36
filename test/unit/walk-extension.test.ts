import type { WriteDelta } from '../../src/graph';
import { Status } from '../../src/model/entity-type';
import { RelationshipType } from '../../src/model/relationship-type';
import { LineageDirection } from '../../src/modules/lineage/lineage-steps';
import { walkIn, type Walk, type WalkOptions } from '../../src/modules/lineage/lineage-walk';
import { extendWalk } from '../../src/modules/lineage/walk-extension';
import { fakeTx, typeOf, walkOptions, type Edge } from '../support/lineage-fake';

// A kept walk extended by writes that only added entities and edges must be the walk a new walk
// makes of the graph after them, or not be made at all (walked again). The walks here run on the
// in-memory level statements of test/support/lineage-fake.ts.

const D = RelationshipType.DERIVED_FROM;
const T = RelationshipType.TRAINED_ON;
const options = walkOptions;

const walkOf = (edges: Edge[], o: WalkOptions, status: Record<string, Status> = {}) => walkIn(fakeTx(edges, status).tx, 'root', o);
/** The write that stores `added` (edges as stored), creating `created` (ACTIVE unless said). */
const write = (added: Edge[], created: string[], status: Record<string, Status> = {}): WriteDelta => ({
  opened: added.map((e) => ({ from: e.start, type: e.type, to: e.end })),
  created: new Map(created.map((u) => [u, { type: typeOf(u), status: status[u] ?? Status.ACTIVE }])),
  written: created,
});
const entries = (w: Walk) => [...w.reached.values()];

describe('extendWalk', () => {
  // root <- a <- b, root <- c; model m1 trained on b
  const base: Edge[] = [
    { start: 'a', type: D, end: 'root' },
    { start: 'b', type: D, end: 'a' },
    { start: 'c', type: D, end: 'root' },
    { start: 'm1', type: T, end: 'b' },
  ];

  it('adds new entities below the walk as a new walk reaches them: degrees, the smallest step, the order', async () => {
    const kept = await walkOf(base, options());
    // n1 derives from c and from a (both at degree 1: the smaller, a, is its step); n2 from n1; m2 trained on n2.
    const added: Edge[] = [
      { start: 'n1', type: D, end: 'c' },
      { start: 'n1', type: D, end: 'a' },
      { start: 'n2', type: D, end: 'n1' },
      { start: 'm2', type: T, end: 'n2' },
    ];
    const extended = extendWalk(kept, options(), [write(added.slice(0, 2), ['n1']), write(added.slice(2), ['n2', 'm2'])]);
    const fresh = await walkOf([...base, ...added], options());
    expect(extended).toBeDefined();
    expect(entries(extended!)).toEqual(entries(fresh));
    expect(extended!.reached.get('n1')).toMatchObject({ degree: 2, from: 'a', relationship: D });
    expect(extended!.reached.get('m2')?.degree).toBe(4);
    expect(entries(kept).map((r) => r.urn)).toEqual(['a', 'c', 'b', 'm1']); // the kept walk is left as it was
  });

  it('takes a smaller step of the same length to an entity it reached, and leaves the paths below it to follow', async () => {
    // x derives from c only (degree 2 via c); a new z at degree 1 gives x a step from z... z > c, so
    // nothing changes; a new "aa" at degree 1 that x derives from is smaller than c: x's step is aa's.
    const edges = [...base, { start: 'x', type: D, end: 'c' }, { start: 'y', type: D, end: 'x' }];
    const kept = await walkOf(edges, options());
    const viaZ = [{ start: 'z', type: D, end: 'root' }, { start: 'x', type: D, end: 'z' }];
    expect(entries(extendWalk(kept, options(), [write(viaZ, ['z'])])!)).toEqual(entries(await walkOf([...edges, ...viaZ], options())));
    const viaAa = [{ start: 'aa', type: D, end: 'root' }, { start: 'x', type: D, end: 'aa' }];
    const extended = extendWalk(kept, options(), [write(viaAa, ['aa'])])!;
    expect(extended.reached.get('x')).toMatchObject({ degree: 2, from: 'aa' });
    expect(entries(extended)).toEqual(entries(await walkOf([...edges, ...viaAa], options())));
  });

  it('gives up when a write shortens the way to an entity the walk reached', async () => {
    const kept = await walkOf(base, options());
    expect(kept.reached.get('b')?.degree).toBe(2);
    expect(extendWalk(kept, options(), [write([{ start: 'b', type: D, end: 'root' }], [])])).toBeUndefined();
  });

  it('gives up when a write links the walk to an entity stored before it that it did not reach', async () => {
    const kept = await walkOf([...base, { start: 'other', type: D, end: 'elsewhere' }], options());
    expect(extendWalk(kept, options(), [write([{ start: 'other', type: D, end: 'c' }], [])])).toBeUndefined();
  });

  it('leaves out new entities of a status the walk does not return, and what lies only behind them', async () => {
    const kept = await walkOf(base, options());
    const added = [{ start: 'gone', type: D, end: 'c' }, { start: 'after', type: D, end: 'gone' }];
    const status = { gone: Status.ARCHIVED };
    const extended = extendWalk(kept, options(), [write(added, ['gone', 'after'], status)]);
    expect(entries(extended!)).toEqual(entries(await walkOf([...base, ...added], options(), status)));
    expect(extended!.reached.has('after')).toBe(false);
  });

  it('stops at the walk\'s depth, and gives up past the node cap', async () => {
    const shallow = options({ maxDepth: 2 });
    const kept = await walkOf(base, shallow);
    const added = [{ start: 'n1', type: D, end: 'c' }, { start: 'n2', type: D, end: 'n1' }, { start: 'n3', type: D, end: 'b' }];
    const extended = extendWalk(kept, shallow, [write(added, ['n1', 'n2', 'n3'])]);
    expect(entries(extended!)).toEqual(entries(await walkOf([...base, ...added], shallow)));
    expect(extended!.reached.has('n2')).toBe(false);
    const capped = options({ maxNodes: 4 });
    expect(extendWalk(await walkOf(base, capped), capped, [write(added.slice(0, 1), ['n1'])])).toBeUndefined();
  });

  it('returns the kept walk itself when the writes add nothing it reaches (an upstream walk, a write elsewhere)', async () => {
    const up = options({ direction: LineageDirection.UPSTREAM });
    const kept = await walkIn(fakeTx(base).tx, 'm1', up);
    expect(extendWalk(kept, up, [write([{ start: 'n1', type: D, end: 'b' }], ['n1'])])).toBe(kept);
  });

  it('matches a new walk after random writes of new entities, or gives up (300 graphs)', async () => {
    let random = 7;
    const next = (n: number) => {
      random = (random * 1103515245 + 12345) % 2 ** 31;
      return random % n;
    };
    let extendedCount = 0;
    for (let round = 0; round < 300; round++) {
      const nodes = ['root'];
      const edges: Edge[] = [];
      const grow = (name: string, into: Edge[]) => {
        for (let k = 0; k < 1 + next(2); k++) into.push({ start: name, type: name.startsWith('m') ? T : D, end: nodes[next(nodes.length)] });
        nodes.push(name);
      };
      for (let i = 0; i < 12; i++) grow(next(4) === 0 ? `m${i}` : `d${i}`, edges);
      const o = options({ maxDepth: 2 + next(4) });
      const kept = await walkOf(edges, o);
      const deltas: WriteDelta[] = [];
      const added: Edge[] = [];
      for (let w = 0; w < 3; w++) {
        const mine: Edge[] = [];
        const created = [`n${w}a`, `n${w}b`];
        for (const n of created) grow(n, mine);
        if (next(3) === 0) mine.push({ start: nodes[1 + next(nodes.length - 1)], type: D, end: nodes[next(nodes.length)] }); // an edge between stored entities
        added.push(...mine);
        deltas.push(write(mine, created));
      }
      const extended = extendWalk(kept, o, deltas);
      if (!extended) continue;
      extendedCount++;
      expect(entries(extended)).toEqual(entries(await walkOf([...edges, ...added], o)));
    }
    expect(extendedCount).toBeGreaterThan(100);
  });
});

