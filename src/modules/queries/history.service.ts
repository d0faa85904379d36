import type { Context } from '../../context';
import { int, queries } from '../../graph';
import type { ChangeRow } from '../../graph/queries';
import { writableFields } from '../../model/entity-fields';
import { parseUrn } from '../../model/urn';
import { connection, type Connection } from './connection';
import { decodeCursor, encodeCursor } from './cursor';
import type { HistoryArgs } from './history.args';
import { pageSize } from './page.args';
import type { ChangeRecord, FieldChange } from './history.types';
import { requireUrn } from '../entities/urn-arg';

export interface ChangeEdgeValue {
  cursor: string;
  node: ChangeRecord;
}

/**
 * One page of `history(urn, first, after)`: the entity's change records, newest (highest
 * revision) first. An unknown URN has an empty history. Cursors are revisions, so records written
 * while paging never shift the older pages. Throws BAD_USER_INPUT on `after` for a foreign cursor.
 */
export async function entityHistory(ctx: Context, args: HistoryArgs): Promise<Connection<ChangeEdgeValue>> {
  requireUrn(args.urn, 'urn');
  const before = args.after ? (decodeCursor('history', args.after, 'n')[0] as number) : null;
  const size = pageSize(args);
  ctx.scope.answer.check();
  const rows = size > 0 ? await ctx.graph.read(queries.historyPage, { urn: args.urn, before, limit: int(size + 1) }) : [];
  for (const row of rows) ctx.scope.answer.charge(row);
  const decode = fieldDecoder(args.urn);
  const edges = rows.slice(0, size).map((row) => ({
    cursor: encodeCursor('history', [row.revision]),
    node: toChangeRecord(row, decode),
  }));
  return connection(edges, rows.length > size, args.after, async () => {
    const [row] = await ctx.graph.read(queries.historyCount, { urn: args.urn });
    return row?.total ?? 0;
  });
}

function toChangeRecord(row: ChangeRow, decode: (c: FieldChange) => FieldChange): ChangeRecord {
  const changes = parseJson(row.changes);
  return {
    revision: row.revision,
    at: row.at,
    recordedAt: row.recordedAt,
    actor: row.actor,
    action: row.action,
    reason: row.reason,
    source: row.source,
    changes: Array.isArray(changes) ? changes.map((c: FieldChange) => decode({ field: c.field, old: c.old ?? null, new: c.new ?? null })) : [],
  };
}

/**
 * History stores field values as they were stored on the node, and nested fields (metrics,
 * owners, framework...) are stored as JSON text; this turns those back into JSON values, so
 * clients read `old`/`new` in the shape the entity field has.
 */
function fieldDecoder(urn: string): (c: FieldChange) => FieldChange {
  const type = parseUrn(urn)?.type;
  const jsonFields = new Set(
    type ? writableFields(type).filter((f) => f.kind === 'json' || f.kind === 'jsonList').map((f) => f.name) : [],
  );
  const value = (v: unknown) => (typeof v === 'string' ? parseJson(v, v) : v);
  return (c) => (jsonFields.has(c.field) ? { field: c.field, old: value(c.old), new: value(c.new) } : c);
}

function parseJson(text: string, fallback: unknown = null): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return fallback;
  }
}
