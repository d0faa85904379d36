export interface ExampleFile {
  /** File name, e.g. "lineage.graphql". */
  file: string;
  /** The file's first comment line: what it is for. */
  summary: string;
  operations: { kind: 'query' | 'mutation' | 'subscription'; name: string }[];
  text: string;
}

/**
 * The operations of schema/examples/ as the IDE lists them: one entry per file, sorted by name,
 * with its leading comment and its named operations in file order.
 */
export function parseExamples(files: Record<string, string>): ExampleFile[] {
  return Object.entries(files)
    .map(([path, text]) => ({
      file: path.slice(path.lastIndexOf('/') + 1),
      summary: (/^#\s*(.+)$/m.exec(text)?.[1] ?? '').trim(),
      operations: [...text.matchAll(/^(query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/gm)].map((m) => ({
        kind: m[1] as 'query' | 'mutation' | 'subscription',
        name: m[2],
      })),
      text,
    }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** The headers to send: the editor's, plus the stored token unless the editor sets Authorization itself. */
export function withToken(headers: Record<string, string> | undefined, token: string | null): Record<string, string> {
  const out: Record<string, string> = { ...(headers ?? {}) };
  const hasAuth = Object.keys(out).some((k) => k.toLowerCase() === 'authorization');
  if (token && !hasAuth) out.authorization = `Bearer ${token}`;
  return out;
}
