/**
 * Keyset pages in the URL: the cursors of the pages before this one, as repeated `after` keys
 * (`?type=MODEL&after=c1&after=c2` is page 3), so that a page survives a reload and the browser's
 * Back button steps back a page.
 */
export function cursorsOf(search: string): string[] {
  return new URLSearchParams(search).getAll('after').filter(Boolean);
}

/** `search` with its cursors replaced by `cursors` (none: the first page), as `?...` or ''. */
export function withCursors(search: string, cursors: string[]): string {
  const params = new URLSearchParams(search);
  params.delete('after');
  for (const c of cursors) params.append('after', c);
  const text = params.toString();
  return text ? `?${text}` : '';
}
