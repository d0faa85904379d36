import type { BatchItem } from '../../../src/cli/ingest/batch-file';
import { planChunks, urnOfItem } from '../../../src/cli/ingest/plan';

const ds = (name: string, upstreams: string[] = []): BatchItem => ({
  list: 'datasets',
  value: { platform: 's3', name, ...(upstreams.length ? { upstreams } : {}) },
  origin: { file: 'f.yaml', doc: 0, list: 'datasets', index: 0 },
});
const dsUrn = (name: string) => `urn:li:dataset:(urn:li:dataPlatform:s3,${name},PROD)`;
const link = (from: string, to: string): BatchItem => ({
  list: 'links',
  value: { from, relationship: 'DERIVED_FROM', to },
  origin: { file: 'f.yaml', doc: 0, list: 'links', index: 0 },
});
const names = (items: BatchItem[]) => items.map((i) => i.value.name);

describe('planChunks', () => {
  it('keeps a batch within the limits as one call, in file order', () => {
    const items = [ds('b', [dsUrn('a')]), ds('a'), link(dsUrn('a'), dsUrn('b'))];
    const chunks = planChunks(items, { entities: 10, links: 10 }, true);
    expect(chunks).toHaveLength(1);
    expect(names(chunks[0].entities)).toEqual(['b', 'a']);
    expect(chunks[0].stubs).toEqual([]);
    expect(chunks[0].links).toHaveLength(1);
  });

  it('sends every entity no later than the entities that name it, links last', () => {
    // a chain d9 -> d8 -> ... -> d0 written in the worst order (d9 first).
    const items = Array.from({ length: 10 }, (_, i) => ds(`d${9 - i}`, 9 - i > 0 ? [dsUrn(`d${8 - i}`)] : []));
    items.push(link(dsUrn('d0'), dsUrn('d9')));
    const chunks = planChunks(items, { entities: 3, links: 10 }, false);
    const order = chunks.flatMap((c) => names(c.entities));
    expect(order).toEqual(['d0', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7', 'd8', 'd9']);
    expect(chunks.map((c) => c.entities.length)).toEqual([3, 3, 3, 1]);
    expect(chunks[chunks.length - 1].links).toHaveLength(1);
    expect(chunks.flatMap((c) => c.stubs)).toEqual([]);
  });

  it('in a dry run, gives each call key-only stand-ins for the file entities it names from other calls', () => {
    const items = [ds('a'), ds('b', [dsUrn('a')]), ds('c', [dsUrn('a'), dsUrn('b')]), ds('d', [dsUrn('c')]), link(dsUrn('a'), dsUrn('d')), link(dsUrn('b'), dsUrn('d'))];
    const chunks = planChunks(items, { entities: 3, links: 1 }, true);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.flatMap((c) => c.stubs).length).toBeGreaterThan(0);
    for (const c of chunks) expect(c.entities.length + c.stubs.length).toBeLessThanOrEqual(3);
    const written = new Set<string>();
    for (const c of chunks) {
      const here = new Set([...c.entities, ...c.stubs].map((i) => urnOfItem(i)!));
      for (const e of c.entities) for (const u of (e.value.upstreams as string[] | undefined) ?? []) expect(here.has(u)).toBe(true);
      for (const l of c.links) expect(here.has(l.value.from as string) && here.has(l.value.to as string)).toBe(true);
      for (const s of c.stubs) expect(Object.keys(s.value).sort()).toEqual(['name', 'platform']);
      c.entities.forEach((e) => written.add(urnOfItem(e)!));
    }
    expect(written.size).toBe(4);
  });

  it('keeps entities that name each other in a cycle, and items with the same URN, in one call', () => {
    const items = [ds('x', [dsUrn('y')]), ds('y', [dsUrn('x')]), ds('z'), ds('x')];
    const chunks = planChunks(items, { entities: 3, links: 10 }, false);
    const withX = chunks.find((c) => names(c.entities).includes('x'))!;
    expect(names(withX.entities).sort()).toEqual(['x', 'x', 'y']);
  });

  it('refuses a cycle larger than one call, and a dry-run call that cannot hold its stand-ins', () => {
    const cycle = [ds('x', [dsUrn('y')]), ds('y', [dsUrn('x')]), ds('z')];
    expect(() => planChunks(cycle, { entities: 1, links: 10 }, false)).toThrow(/2 entities .* name each other in a cycle/);
    const wide = [ds('a'), ds('b'), ds('c', [dsUrn('a'), dsUrn('b')])];
    expect(() => planChunks(wide, { entities: 2, links: 10 }, true)).toThrow(/names 2 entities of other calls/);
  });

  it('splits links over calls of at most the link limit', () => {
    const items = [ds('a'), ds('b'), ...Array.from({ length: 5 }, () => link(dsUrn('a'), dsUrn('b')))];
    const chunks = planChunks(items, { entities: 10, links: 2 }, false);
    expect(chunks.map((c) => c.links.length)).toEqual([2, 2, 1]);
    expect(chunks[0].entities).toHaveLength(2);
  });
});
