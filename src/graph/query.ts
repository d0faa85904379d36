import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';

export const CYPHER_DIR = path.join(PROJECT_ROOT, 'cypher');

/**
 * One Cypher statement from `cypher/<name>.cypher`, typed by its parameters `P` and row shape `R`.
 * `params` must list exactly the `$names` the file uses (a contract test checks this).
 */
export interface Query<P extends object = Record<string, unknown>, R extends object = Record<string, unknown>> {
  readonly name: string;
  readonly text: string;
  readonly params: readonly string[];
  /**
   * A read the read cache may answer (src/graph/read-cache.ts): its text with the graph's version
   * read first, in the same statement ({@link versionedText}). Absent for every other statement.
   */
  readonly versioned?: string;
  /** Phantom field carrying the types; never set. */
  readonly _types?: { params: P; row: R };
}

export type ParamsOf<Q> = Q extends Query<infer P, object> ? P : never;
export type RowOf<Q> = Q extends Query<object, infer R> ? R : never;

/** Reads `cypher/<name>.cypher` once, at registry load; the text sent is {@link withoutCommentLines}. */
export function defineQuery<P extends object, R extends object>(
  name: string,
  params: readonly (keyof P & string)[],
  options: { cached?: boolean } = {},
): Query<P, R> {
  const text = withoutCommentLines(readCypher(name));
  return options.cached ? { name, text, params, versioned: versionedText(text) } : { name, text, params };
}

/** The column {@link versionedText} adds to every row: the graph's version before the read. */
export const VERSION_COLUMN = 'graphVersion';

/**
 * A read statement run after cypher/system/graph-version.cypher, both in one statement: every row
 * carries the graph's version (VERSION_COLUMN) as it was before anything of the read was read.
 * Neo4j reads committed data as it goes, so the rows are never older than that version: kept
 * under it, they are the answer for as long as the version stays the same. The read is an
 * OPTIONAL CALL, so a read with no rows still tells the version: one row whose every other column
 * is null (which is why a cached statement never returns such a row: src/graph/queries.ts).
 */
export function versionedText(text: string): string {
  return `CALL () {\n${withoutCommentLines(readCypher('system/graph-version'))}\n}\nOPTIONAL CALL () {\n${text}\n}\nRETURN *`;
}

/**
 * A statement's text without its whole-line `//` comments and blank lines: the files document
 * themselves at length (edges/related.cypher is 6 KB, 2.4 KB without them), and every run sends the
 * text to Neo4j, which decodes it and looks its plan up by it (the driver wrote the comments to
 * the socket in 1,400-byte chunks, five writes for that one statement). Comments after code on a
 * line stay (`//` may sit in a string there); no statement has a string spanning lines.
 */
export function withoutCommentLines(text: string): string {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.trimStart().startsWith('//'))
    .join('\n');
}

export function readCypher(name: string): string {
  return fs.readFileSync(path.join(CYPHER_DIR, `${name}.cypher`), 'utf8');
}

/**
 * The `$parameters` a Cypher text uses, comments excluded, sorted and unique. `$any(...)` and
 * `$all(...)` are Cypher's dynamic label/type functions, not parameters: a name followed by `(`
 * is never counted.
 */
export function paramsUsed(text: string): string[] {
  const code = text
    .split('\n')
    .map((line) => line.replace(/\/\/.*$/, ''))
    .join('\n')
    .replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "''");
  const names = new Set<string>();
  for (const m of code.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)\b(?!\s*\()/g)) names.add(m[1]);
  return [...names].sort();
}

export function checksum(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex').slice(0, 16);
}
