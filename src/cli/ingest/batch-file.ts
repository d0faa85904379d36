import fs from 'node:fs';
import { isMap, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';
import { CliError, ExitCode } from '../exit-codes';
import { LINKS, LIST_TYPES } from './ingest-lists';

/** Where an item of a batch came from: file, YAML document, list and index. */
export interface Origin {
  file: string;
  /** 0 for JSON and single-document YAML. */
  doc: number;
  list: string;
  index: number;
}

/** One entity or link of a batch file, with its origin. */
export interface BatchItem {
  list: string;
  value: Record<string, unknown>;
  origin: Origin;
}

/** A batch file, parsed, able to say where a path inside it is written. */
export interface BatchFile {
  path: string;
  items: BatchItem[];
  /** `file:line:column` of a path such as ['models', 3, 'name'] in document `doc` (the nearest part that exists). */
  locate(doc: number, path: readonly (string | number)[]): string;
}

const KNOWN_LISTS = [...LIST_TYPES.keys(), LINKS];

/**
 * Reads an ingest batch file: JSON, or YAML with one batch per document (`---`). Each document is an
 * IngestBatchInput object: lists named as in the GraphQL schema (`datasets`, `models`, `links`...).
 * Throws a CliError (USAGE) naming the line of a syntax error or of a value of the wrong shape.
 */
export function readBatchFile(path: string): BatchFile {
  let text: string;
  try {
    text = fs.readFileSync(path, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read ${path}: ${(err as Error).message}`, ExitCode.USAGE);
  }
  // JSON.parse is many times faster than a YAML parser on a large file; the YAML parser (JSON is
  // YAML) is used for JSON only when a position must be reported.
  const isJson = /\.json$/i.test(path) || /^\s*[[{]/.test(text);
  let docs: unknown[];
  let parsed: { docs: Document[]; lines: LineCounter } | undefined;
  const parse = () => (parsed ??= parseYaml(path, text));
  if (isJson) {
    try {
      docs = [JSON.parse(text)];
    } catch (err) {
      const message = (err as Error).message;
      const at = /at position (\d+)/.exec(message);
      const where = at ? `${path}:${text.slice(0, Number(at[1])).split('\n').length}` : path;
      throw new CliError(`${where}: not valid JSON: ${message}`, ExitCode.USAGE);
    }
  } else {
    docs = parse().docs.map((d) => d.toJS({ maxAliasCount: 10_000 }));
  }

  const locate = (doc: number, at: readonly (string | number)[]) => {
    const p = parse();
    const node = nearestNode(p.docs[doc], at);
    const offset = node?.range?.[0];
    if (offset === undefined) return path;
    const { line, col } = p.lines.linePos(offset);
    return `${path}:${line}:${col}`;
  };

  const items: BatchItem[] = [];
  docs.forEach((batch, doc) => {
    if (batch === null || batch === undefined) return; // an empty YAML document
    if (typeof batch !== 'object' || Array.isArray(batch)) {
      throw new CliError(`${locate(doc, [])}: a batch is an object of lists (${KNOWN_LISTS.join(', ')})`, ExitCode.USAGE);
    }
    for (const [list, entries] of Object.entries(batch as Record<string, unknown>)) {
      if (!KNOWN_LISTS.includes(list)) {
        throw new CliError(`${locate(doc, [list])}: unknown list "${list}"; a batch has ${KNOWN_LISTS.join(', ')}`, ExitCode.USAGE);
      }
      if (entries === null) continue;
      if (!Array.isArray(entries)) throw new CliError(`${locate(doc, [list])}: "${list}" must be a list`, ExitCode.USAGE);
      entries.forEach((value, index) => {
        if (value === null || typeof value !== 'object' || Array.isArray(value)) {
          throw new CliError(`${locate(doc, [list, index])}: each of "${list}" must be an object`, ExitCode.USAGE);
        }
        items.push({ list, value: value as Record<string, unknown>, origin: { file: path, doc, list, index } });
      });
    }
  });
  return { path, items, locate };
}

function parseYaml(path: string, text: string): { docs: Document[]; lines: LineCounter } {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false });
  if (!Array.isArray(docs)) return { docs: [], lines }; // an empty file
  const error = docs.flatMap((d) => d.errors)[0];
  if (error) {
    const { line, col } = lines.linePos(error.pos[0]);
    throw new CliError(`${path}:${line}:${col}: ${error.message.split('\n')[0]}`, ExitCode.USAGE);
  }
  return { docs, lines };
}

/** The node at `path`, or the deepest existing one on the way there; a map entry points at its key. */
function nearestNode(doc: Document | undefined, path: readonly (string | number)[]): Node | null {
  let node = (doc?.contents ?? null) as Node | null;
  for (const [i, step] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === step);
      if (!pair) return node;
      if (i === path.length - 1) return (pair.key as Node) ?? node;
      node = (pair.value as Node | null) ?? (pair.key as Node);
    } else if (isSeq(node) && typeof step === 'number' && node.items[step]) {
      node = node.items[step] as Node;
    } else {
      return node;
    }
  }
  return node;
}
