import { GraphQLRequestError, type GraphQLClient, type GraphQLErrorEntry } from '../client';
import { CliError } from '../exit-codes';
import { startProgress } from '../progress';
import type { BatchItem, Origin } from './batch-file';
import { urnOfItem, type Chunk } from './plan';

export const INGEST_MUTATION = `mutation Ingest($batch: IngestBatchInput!, $dryRun: Boolean!) {
  ingest(batch: $batch, dryRun: $dryRun) {
    dryRun createdUrns updatedUrns unchangedUrns
    warnings { code urn field message }
  }
}`;

export interface IngestWarning {
  code: string;
  urn: string;
  field: string;
  message: string;
  /** Where the item the warning is about is written, when known. */
  at?: string;
}

/** What a whole ingest (every call) did, or with dryRun would do. */
export interface IngestReport {
  dryRun: boolean;
  calls: number;
  created: string[];
  updated: string[];
  unchanged: string[];
  warnings: IngestWarning[];
}

/** Turns an origin and a path inside the item into `file:line:col` (see BatchFile.locate). */
export type Locator = (origin: Origin, rest: readonly (string | number)[]) => string;

/**
 * Sends the calls in order and merges their answers. A URN reported by several calls (an entity and
 * a later link from it, or a dry-run stand-in) counts once, as created if any call created it, else
 * updated if any call changed it, else unchanged: the same counts one call would give. Stand-ins
 * count only through such a merge, never on their own. Fails with a CliError listing every error of
 * the first refused call, each placed in its file; calls before it stay written (a dry run writes
 * nothing).
 */
export async function sendChunks(
  client: GraphQLClient,
  chunks: readonly Chunk[],
  opts: { dryRun: boolean; locate: Locator; quiet?: boolean },
): Promise<IngestReport> {
  const state = new Map<string, 0 | 1 | 2>(); // 2 created, 1 updated, 0 unchanged
  const warnings: IngestWarning[] = [];
  const total = chunks.reduce((n, c) => n + c.entities.length + c.links.length, 0);
  const progress = startProgress(opts.dryRun ? 'checking' : 'ingesting', total, 'items', opts.quiet || chunks.length < 2);
  if (!opts.quiet && chunks.length === 1 && total >= 1000) {
    // One call cannot report progress; say at least why the wait.
    process.stderr.write(`${opts.dryRun ? 'checking' : 'ingesting'} ${total} items in one call (one transaction)\n`);
  }
  try {
    for (const [i, chunk] of chunks.entries()) {
      progress.status(`(call ${i + 1}/${chunks.length})`);
      const { batch, slots } = toBatch(chunk);
      let result: { createdUrns: string[]; updatedUrns: string[]; unchangedUrns: string[]; warnings: Omit<IngestWarning, 'at'>[] };
      try {
        ({ ingest: result } = await client.request(INGEST_MUTATION, { batch, dryRun: opts.dryRun }));
      } catch (err) {
        if (err instanceof GraphQLRequestError) {
          const where = chunks.length < 2 ? '' : opts.dryRun ? ` (call ${i + 1} of ${chunks.length})` : ` (call ${i + 1} of ${chunks.length}; the calls before it were written)`;
          throw placeErrors(err, slots, opts.locate, where);
        }
        throw err;
      }
      const stubUrns = new Set(chunk.stubs.map(urnOfItem));
      const mark = (urns: string[], level: 0 | 1 | 2) => {
        for (const u of urns) {
          // A stand-in's own answer says nothing about the entity: only its link (updated) counts.
          if (stubUrns.has(u) && level !== 1) continue;
          state.set(u, Math.max(state.get(u) ?? 0, level) as 0 | 1 | 2);
        }
      };
      mark(result.unchangedUrns, 0);
      mark(result.updatedUrns, 1);
      mark(result.createdUrns, 2);
      for (const w of result.warnings) warnings.push({ ...w, at: locateField(w.field, slots, opts.locate) });
      progress.tick(chunk.entities.length + chunk.links.length);
    }
  } finally {
    progress.done();
  }
  const by = (level: number) => [...state].filter(([, l]) => l === level).map(([u]) => u);
  return { dryRun: opts.dryRun, calls: chunks.length, created: by(2), updated: by(1), unchanged: by(0), warnings };
}

/** A chunk as an IngestBatchInput, with the item behind each `list.index` of it. */
function toBatch(chunk: Chunk): { batch: Record<string, unknown[]>; slots: Map<string, BatchItem[]> } {
  const slots = new Map<string, BatchItem[]>();
  for (const item of [...chunk.entities, ...chunk.stubs, ...chunk.links]) {
    if (!slots.has(item.list)) slots.set(item.list, []);
    slots.get(item.list)!.push(item);
  }
  const batch: Record<string, unknown[]> = {};
  for (const [list, items] of slots) batch[list] = items.map((i) => i.value);
  return { batch, slots };
}

/**
 * The path of a server field such as `batch.models.3.name` or a coercion error's
 * `batch.models[3].env`, as [list, index, ...rest].
 */
export function parseFieldPath(field: string): (string | number)[] | null {
  const parts = field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  if (parts[0] !== 'batch') return null;
  return parts.slice(1);
}

function locateField(field: string | undefined, slots: Map<string, BatchItem[]>, locate: Locator): string | undefined {
  if (!field) return undefined;
  const path = parseFieldPath(field);
  if (!path || path.length < 2 || typeof path[1] !== 'number') return undefined;
  const item = slots.get(String(path[0]))?.[path[1]];
  return item ? locate(item.origin, path.slice(2)) : undefined;
}

/** The field a GraphQL error is about: extensions.field, or the path in a variable-coercion message. */
function fieldOf(error: GraphQLErrorEntry): string | undefined {
  if (typeof error.extensions?.field === 'string') return error.extensions.field;
  const m = /at "(batch[^"]*)"/.exec(error.message) ?? /"\$batch"[^]*?at "([^"]*)"/.exec(error.message);
  return m ? (m[1].startsWith('batch') ? m[1] : `batch.${m[1]}`) : undefined;
}

function placeErrors(err: GraphQLRequestError, slots: Map<string, BatchItem[]>, locate: Locator, where: string): CliError {
  const lines = err.errors.map((e) => {
    const code = e.extensions?.code ?? 'ERROR';
    const at = locateField(fieldOf(e), slots, locate);
    const unnamed = (e.extensions?.urns ?? []).filter((u) => !e.message.includes(u));
    const urns = unnamed.length ? ` (${unnamed.join(', ')})` : '';
    return `${at ?? '(batch)'}: ${code}: ${e.message}${urns}`;
  });
  return new CliError(`the server refused the batch${where}`, err.code, lines);
}
