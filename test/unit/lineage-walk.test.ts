import type { Query } from '../../src/graph';
import { EntityType, Status } from '../../src/model/entity-type';
import { RelationshipType } from '../../src/model/relationship-type';
import { decodeCursor, pageOf, pathTo, urnsOnPage } from '../../src/modules/lineage/lineage-page';
import { LineageDirection } from '../../src/modules/lineage/lineage-steps';
import { walkIn } from '../../src/modules/lineage/lineage-walk';
import { fakeTx, walkOptions, type Edge } from '../support/lineage-fake';

const D = RelationshipType.DERIVED_FROM;
const options = walkOptions;

/** root, then `depth` layers of `width` datasets each derived from all of the layer before. */
function lattice(width: number, depth: number): Edge[] {
  const edges: Edge[] = [];
  let previous = ['root'];
  for (let l = 1; l <= depth; l++) {
    const layer = Array.from({ length: width }, (_, j) => `d${String(l).padStart(2, '0')}_${j}`);
    for (const n of layer) for (const p of previous) edges.push({ start: n, type: D, end: p });
    previous = layer;
  }
  return edges;
}

describe('walkIn', () => {
  it('walks a lattice with 2^40 paths in one statement per two levels while small, with shortest degrees', async () => {
    const { tx, statements } = fakeTx(lattice(2, 40));
    const walk = await walkIn(tx, 'root', options());
    expect(walk.reached.size).toBe(80);
    expect(walk.reached.get('d01_0')?.degree).toBe(1);
    expect(walk.reached.get('d40_1')?.degree).toBe(40);
    expect(statements).toHaveLength(20); // 40 levels two at a time
    expect(new Set(statements.flat()).size).toBe(79); // every node with a step onward expanded exactly once (not the last layer)
    expect(walk.isPartial).toBe(false);
  });

  it('sends no entity without a step onward to a later statement: 600 leaf datasets cost no level of their own', async () => {
    // root <- 600 leaves, and root <- c1 <- c2 <- c3 <- c4 <- c5 (a chain)
    const edges: Edge[] = Array.from({ length: 600 }, (_, i) => ({ start: `leaf${i}`, type: D, end: 'root' }));
    for (let i = 1; i <= 5; i++) edges.push({ start: `c${i}`, type: D, end: i === 1 ? 'root' : `c${i - 1}` });
    const { tx, statements } = fakeTx(edges);
    const walk = await walkIn(tx, 'root', options());
    expect(walk.reached.size).toBe(605);
    expect(walk.reached.get('c5')?.degree).toBe(5);
    expect(walk.reached.get('leaf0')?.degree).toBe(1);
    // The root's statement takes c1's level too (one entity onward, not 601), and the leaves, never
    // sent on, do not count against the two-level statements' `visited`: the chain goes on two
    // levels at a time (one level per statement would take five), and c5 is sent to none.
    expect(statements).toEqual([['root', 'c1'], ['c2', 'c3'], ['c4']]);
  });

  it('walks a level of 150,000 entities sent on (too many to pass as spread arguments)', async () => {
    // root <- 150,000 children <- one grandchild each
    const edges: Edge[] = [];
    for (let i = 0; i < 150_000; i++) edges.push({ start: `c${i}`, type: D, end: 'root' }, { start: `g${i}`, type: D, end: `c${i}` });
    const walk = await walkIn(fakeTx(edges).tx, 'root', options({ maxNodes: 500_000 }));
    expect(walk.reached.size).toBe(300_000);
    expect(walk.reached.get('g149999')?.degree).toBe(2);
    expect(walk.isPartial).toBe(false);
  });

  it('terminates on cycles, never lists the root, and keeps the shortest degree', async () => {
    const edges: Edge[] = [
      { start: 'a', type: D, end: 'root' },
      { start: 'b', type: D, end: 'a' },
      { start: 'root', type: D, end: 'b' }, // b -> root closes the loop
      { start: 'c', type: D, end: 'b' },
      { start: 'c', type: D, end: 'root' },
    ];
    const { tx } = fakeTx(edges);
    const walk = await walkIn(tx, 'root', options());
    expect([...walk.reached.values()].map((r) => [r.urn, r.degree])).toEqual([
      ['a', 1],
      ['c', 1],
      ['b', 2],
    ]);
  });

  it('keeps the smallest (from, relationship) as the parent, so paths are deterministic', async () => {
    const edges: Edge[] = [
      { start: 'y', type: D, end: 'root' },
      { start: 'x', type: D, end: 'root' },
      { start: 'z', type: D, end: 'y' },
      { start: 'z', type: D, end: 'x' },
    ];
    const walk = await walkIn(fakeTx(edges).tx, 'root', options());
    expect(pathTo(walk, 'z')).toEqual([
      { from: 'root', to: 'x', relationship: D },
      { from: 'x', to: 'z', relationship: D },
    ]);
  });

  it('does not walk through entities whose status is not asked for', async () => {
    const edges: Edge[] = [
      { start: 'a', type: D, end: 'root' },
      { start: 'b', type: D, end: 'a' },
    ];
    const status = { a: Status.ARCHIVED };
    expect((await walkIn(fakeTx(edges, status).tx, 'root', options())).reached.size).toBe(0);
    const all = await walkIn(fakeTx(edges, status).tx, 'root', options({ statuses: Object.values(Status) }));
    expect([...all.reached.keys()]).toEqual(['a', 'b']);
  });

  it('stops at maxDepth without calling the result partial', async () => {
    const { tx, statements } = fakeTx(lattice(2, 10));
    const walk = await walkIn(tx, 'root', options({ maxDepth: 3 }));
    expect(walk.reached.size).toBe(6);
    expect(statements).toHaveLength(2); // levels 1 and 2 together, then level 3 alone
    expect(walk.isPartial).toBe(false);
  });

  it('marks the walk partial at the node cap, keeping whole levels first and urn order within one', async () => {
    const walk = await walkIn(fakeTx(lattice(2, 10)).tx, 'root', options({ maxNodes: 5 }));
    expect([...walk.reached.keys()]).toEqual(['d01_0', 'd01_1', 'd02_0', 'd02_1', 'd03_0']);
    expect(walk.isPartial).toBe(true);
    expect(walk.partialReason).toMatch(/node cap of 5/);
  });

  it('is not partial when the cap equals the reach exactly', async () => {
    const walk = await walkIn(fakeTx(lattice(2, 3)).tx, 'root', options({ maxNodes: 6 }));
    expect(walk.reached.size).toBe(6);
    expect(walk.isPartial).toBe(false);
  });

  it('marks the walk partial when the time budget is spent', async () => {
    const walk = await walkIn(fakeTx(lattice(2, 30), {}, 5).tx, 'root', options({ budgetMs: 12 }));
    expect(walk.isPartial).toBe(true);
    expect(walk.partialReason).toMatch(/time budget of 12 ms/);
    expect(walk.reached.size).toBeGreaterThan(0);
    expect(walk.reached.size).toBeLessThan(60);
  });

  it('splits large levels over concurrent statements on the side graph, with the same answer', async () => {
    // root <- 1,500 children <- one grandchild each
    const edges: Edge[] = [];
    for (let i = 0; i < 1500; i++) {
      edges.push({ start: `c${i}`, type: D, end: 'root' }, { start: `g${i}`, type: D, end: `c${i}` });
    }
    const sequential = await walkIn(fakeTx(edges).tx, 'root', options());
    const main = fakeTx(edges);
    const side = fakeTx(edges);
    let inFlight = 0;
    let most = 0;
    const graph = {
      read: async <P extends object, R extends object>(query: Query<P, R>, params: P): Promise<R[]> => {
        most = Math.max(most, ++inFlight);
        try {
          return await side.tx.run(query, params);
        } finally {
          inFlight--;
        }
      },
    };
    const parallel = await walkIn(main.tx, 'root', options({ parallelism: 3 }), graph);
    expect(parallel.reached.size).toBe(3000);
    expect([...parallel.reached.values()]).toEqual([...sequential.reached.values()]);
    // The root's level stays in the transaction, one statement that leaves the 1,500 children for the next.
    expect(main.statements.map((f) => f.length)).toEqual([1]);
    // Two levels of 1,500 in three each: the one-level statements do not say which entities have
    // a step onward, so the grandchildren are sent to a level that finds nothing.
    expect(side.statements.map((f) => f.length)).toEqual([500, 500, 500, 500, 500, 500]);
    expect(most).toBe(3);
    expect(parallel.statements).toBe(7);
  });

  it('walks upstream over the reversed steps', async () => {
    const edges: Edge[] = [
      { start: 'm1', type: RelationshipType.TRAINED_ON, end: 'ds' },
      { start: 'ds', type: D, end: 'raw' },
      { start: 'm1', type: RelationshipType.MEMBER_OF, end: 'group' },
    ];
    const walk = await walkIn(fakeTx(edges).tx, 'm1', options({ direction: LineageDirection.UPSTREAM }));
    expect([...walk.reached.values()].map((r) => [r.urn, r.degree])).toEqual([
      ['ds', 1],
      ['raw', 2],
    ]);
  });
});

describe('pageOf', () => {
  const edges: Edge[] = [
    { start: 'a', type: D, end: 'root' },
    { start: 'b', type: D, end: 'root' },
    { start: 'm1', type: RelationshipType.TRAINED_ON, end: 'a' },
    { start: 'c', type: D, end: 'b' },
    { start: 'm2', type: RelationshipType.TRAINED_ON, end: 'c' },
  ];
  const walked = () => walkIn(fakeTx(edges).tx, 'root', options());

  it('orders by degree, then urn, with paths from the root, total and counts', async () => {
    const page = pageOf(await walked(), { first: 10 });
    expect(page.items.map((i) => [i.urn, i.degree])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 2],
      ['m1', 2],
      ['m2', 3],
    ]);
    expect(page.items[4].path.map((h) => `${h.from}>${h.to}`)).toEqual(['root>b', 'b>c', 'c>m2']);
    expect(page.total).toBe(5);
    expect(page.countsByType).toEqual([
      { type: EntityType.DATASET, count: 3 },
      { type: EntityType.MODEL, count: 2 },
    ]);
    expect(page.pageInfo.hasNextPage).toBe(false);
  });

  it('filters returned types without cutting the walk', async () => {
    const page = pageOf(await walked(), { first: 10, types: [EntityType.MODEL] });
    expect(page.items.map((i) => i.urn)).toEqual(['m1', 'm2']);
    expect(page.total).toBe(2);
    expect(page.countsByType).toEqual([{ type: EntityType.MODEL, count: 2 }]);
  });

  it('pages by cursor with no gap or overlap', async () => {
    const walk = await walked();
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page = pageOf(walk, { first: 2, after });
      seen.push(...page.items.map((x) => x.urn));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(['a', 'b', 'c', 'm1', 'm2']);
  });

  it('lists every entity a page shows once, for one hydration batch', async () => {
    const page = pageOf(await walked(), { first: 10 });
    expect([...urnsOnPage(page)].sort()).toEqual(['a', 'b', 'c', 'm1', 'm2', 'root']);
  });

  it('hands out the same page of a walk again for the same question, keeping pages of as many items as the walk reached', async () => {
    const walk = await walked();
    const first = pageOf(walk, { first: 2 });
    expect(pageOf(walk, { first: 2, after: null })).toBe(first);
    const models = pageOf(walk, { first: 2, types: [EntityType.MODEL] });
    expect(models).not.toBe(first);
    expect(pageOf(walk, { first: 2, types: [EntityType.MODEL, EntityType.MODEL] })).toBe(models);
    expect(pageOf(await walked(), { first: 2 })).not.toBe(first); // another walk: its own pages
    // 2 + 2 items kept of a walk that reached 5: a page of 3 more lets the oldest go.
    pageOf(walk, { first: 3 });
    const again = pageOf(walk, { first: 2 });
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  it('keeps every page of a walk a client paged through', async () => {
    const walk = await walked();
    const pages: ReturnType<typeof pageOf>[] = [];
    for (let after: string | null = null; ; ) {
      const page = pageOf(walk, { first: 1, after });
      pages.push(page);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toHaveLength(5);
    let after: string | null = null;
    for (const page of pages) {
      expect(pageOf(walk, { first: 1, after })).toBe(page);
      after = page.pageInfo.endCursor;
    }
  });

  it('rejects a cursor it did not make', () => {
    expect(() => decodeCursor('nope')).toThrow(/after is not a cursor/);
    expect(() => decodeCursor(Buffer.from('["entities","x"]').toString('base64url'))).toThrow(/after/);
  });
});
