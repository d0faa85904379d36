/**
 * Walks a set of nodes a page at a time in URN order: `read(after)` gives the page after a URN
 * ('' for the first), `each(page)` handles it and says how many it did. Returns the sum. The
 * migrations' data steps use it, one transaction per page.
 */
export async function inUrnPages<R extends { urn: string }>(read: (after: string) => Promise<R[]>, each: (page: R[]) => Promise<number>): Promise<number> {
  let after = '';
  let done = 0;
  for (;;) {
    const page = await read(after);
    if (!page.length) return done;
    done += await each(page);
    after = page[page.length - 1].urn;
  }
}
