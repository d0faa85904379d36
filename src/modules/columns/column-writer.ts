import { queries, type GraphTransaction } from '../../graph';
import type { ParamsOf } from '../../graph/query';
import type { ColumnsCreateRow, SchemaSyncRow } from '../../graph/queries';
import { atOrNull } from '../entities/write/locked-write';
import { BadUserInputError } from '../../errors/errors';
import { columnUrn, transformationsText, type ColumnRef } from '../../model/columns';
import { EntityType, kindOf } from '../../model/entity-type';
import { requireUrn } from '../entities/urn-arg';
import type { EntityWrite, FieldChange } from '../entities/write/write-plan';

/** A stored or wanted column edge of one owner, keyed for comparison. */
interface Link {
  /** Output column of the owner dataset; null for a reader's edge. */
  field: string | null;
  input: ColumnRef;
  /** JSON text (transformationsText); null for a reader's edge. */
  transformations: string | null;
  /** A stored edge's start. */
  validFrom?: Date | null;
}

const keyOf = (l: Link) => JSON.stringify([l.field, l.input.dataset, l.input.field]);
const shown = (l: Link) =>
  l.field === null ? { dataset: l.input.dataset, field: l.input.field } : { field: l.field, dataset: l.input.dataset, input: l.input.field, transformations: JSON.parse(l.transformations ?? '[]') };
/** `links` in key order (each key computed once), as history shows them. */
const sorted = (links: readonly Link[]) =>
  links
    .map((l) => [keyOf(l), l] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([, l]) => l);

/**
 * The datasets the column inputs of `entities` name, each with where it is named (for NOT_FOUND);
 * BAD_USER_INPUT when one is not a dataset URN.
 */
export function columnReferences(entities: readonly EntityWrite[]): Map<string, string> {
  const refs = new Map<string, string>();
  for (const e of entities) {
    const declared = kindOf(e.type).columns ?? {};
    const named: [ColumnRef, string][] = [
      ...(e.columns?.lineage ?? []).map((l, i): [ColumnRef, string] => [l.input, `${e.path}.${declared.lineage}.${i}`]),
      ...(e.columns?.reads ?? []).map((r, i): [ColumnRef, string] => [r, `${e.path}.${declared.reads}.${i}`]),
    ];
    for (const [ref, path] of named) {
      const parsed = requireUrn(ref.dataset, `${path}.dataset`);
      if (parsed.type !== EntityType.DATASET) throw new BadUserInputError(`a column belongs to a DATASET, not a ${parsed.type}: ${ref.dataset}`, `${path}.dataset`, { urn: ref.dataset });
      if (!refs.has(ref.dataset)) refs.set(ref.dataset, `${path}.dataset`);
    }
  }
  return refs;
}

/** The column statements one write sends after comparing, and the history each owner gets. */
export interface ColumnPlan {
  /** Field changes by owner URN (schema changes are recorded as schemaFields already). */
  changes: Map<string, FieldChange[]>;
  /** Sends the statements; column edges and schema changes take each entity's eventTime, else `now`. */
  apply(now: Date): Promise<void>;
}

/**
 * Compares the column inputs of `entities` with what is stored (one statement, only when some
 * stored entity sets column lineage or columns read; `created` tells the new ones) and plans the writes: the schema of every dataset
 * whose `schemaFields` changed (`schemaChanged`), and, per owner, the column edges to close (gone
 * or with other transformations) and to open. Idempotent: equal inputs plan nothing. Every edge
 * to open goes through `checkInput` (its input dataset, owner and input path) first, as entity
 * edges to add do (an ARCHIVED dataset cannot be linked; a DEPRECATED one warns); a column edge
 * kept as it is does not. A dataset the write creates gets its columns and their column lineage
 * in one statement (columns/create); the columns other edges join are made first when missing
 * (columns/ensure), once each, so that opening an edge only matches its ends.
 */
export async function planColumns(
  tx: GraphTransaction,
  entities: readonly EntityWrite[],
  schemaChanged: (urn: string) => boolean,
  created: (urn: string) => boolean,
  checkInput: (dataset: string, owner: string, path: string) => void = () => {},
): Promise<ColumnPlan> {
  const schemaOf = (e: EntityWrite) => e.columns!.schema!.map((f) => ({ urn: columnUrn(e.urn, f.fieldPath), fieldPath: f.fieldPath, type: f.type, description: f.description }));
  const schemaChanges = entities.filter((e) => e.columns?.schema && schemaChanged(e.urn));
  // The columns of a dataset this write creates are created outright, with their column lineage
  // (a write names each entity once, write-checks.ts); the columns of stored datasets are compared
  // with the schema.
  const syncRows: SchemaSyncRow[] = schemaChanges.filter((e) => !created(e.urn)).map((e) => ({ dataset: e.urn, since: e.at ?? null, fields: schemaOf(e) }));
  type CreateRow = Omit<ColumnsCreateRow, 'at'> & { at?: Date };
  const createRows = new Map<string, CreateRow>();
  const createdColumns = new Map<string, ColumnsCreateRow['fields'][number]>();
  for (const e of schemaChanges.filter((e) => created(e.urn))) {
    const fields = schemaOf(e).map((f) => ({ ...f, inputs: [] }));
    createRows.set(e.urn, { dataset: e.urn, since: e.at ?? null, fields });
    for (const f of fields) createdColumns.set(f.urn, f);
  }
  const lineageOwners = entities.filter((e) => e.columns?.lineage);
  const readers = entities.filter((e) => e.columns?.reads);
  const stored = new Map<string, Link[]>();
  // An entity this write creates owns no column edge yet (its columns' lineage is written only with
  // it), so a batch of new entities sends no statement to compare.
  const datasets = lineageOwners.map((e) => e.urn).filter((u) => !created(u));
  const reading = readers.map((e) => e.urn).filter((u) => !created(u));
  if (datasets.length || reading.length) {
    const rows = await tx.run(queries.columnLinksOf, { datasets, readers: reading });
    for (const r of rows) {
      const list = stored.get(r.owner) ?? stored.set(r.owner, []).get(r.owner)!;
      list.push({ field: r.field, input: { dataset: r.dataset, field: r.input }, transformations: r.transformations, validFrom: r.validFrom });
    }
  }

  const changes = new Map<string, FieldChange[]>();
  // `at` stays undefined until apply() knows the write's now (a write without eventTime).
  type Timed<T> = Omit<T, 'at'> & { at?: Date };
  const derivedClose: Timed<ParamsOf<typeof queries.columnDerivedClose>['links'][number]>[] = [];
  const derivedOpen: Timed<ParamsOf<typeof queries.columnDerivedOpen>['links'][number]>[] = [];
  const readsClose: Timed<ParamsOf<typeof queries.columnReadsClose>['links'][number]>[] = [];
  const readsOpen: Timed<ParamsOf<typeof queries.columnReadsOpen>['links'][number]>[] = [];
  const moveStart: ParamsOf<typeof queries.columnMoveStart>['links'] = [];
  const sources: ParamsOf<typeof queries.columnSourcesSet>['rows'] = [];
  // The columns the edges to open join, made when missing by columns/ensure before any edge opens.
  const ensure = new Map<string, { urn: string; dataset: string; field: string }>();
  const ensured = (dataset: string, field: string) => {
    const urn = columnUrn(dataset, field);
    if (!createdColumns.has(urn) && !ensure.has(urn)) ensure.set(urn, { urn, dataset, field });
    return urn;
  };
  for (const e of [...lineageOwners, ...readers]) {
    const isLineage = Boolean(e.columns?.lineage);
    const wanted: Link[] = isLineage
      ? e.columns!.lineage!.map((l) => ({ field: l.field, input: l.input, transformations: transformationsText(l.transformations) }))
      : e.columns!.reads!.map((r) => ({ field: null, input: r, transformations: null }));
    const before = stored.get(e.urn) ?? [];
    const wantedKeys = wanted.map(keyOf);
    const had = new Map(before.map((l) => [keyOf(l), l]));
    const want = new Map(wanted.map((l, i) => [wantedKeys[i], l]));
    const gone = before.filter((l) => want.get(keyOf(l))?.transformations !== l.transformations);
    const added = wanted.map((l, i) => [l, i] as const).filter(([l, i]) => had.get(wantedKeys[i])?.transformations !== l.transformations);
    const field = isLineage ? kindOf(e.type).columns!.lineage! : kindOf(e.type).columns!.reads!;
    // A kept edge restated with an eventTime before its start began earlier (as entity edges do);
    // the server's own clock never moves one.
    const eventTime = e.columns?.at ?? e.at;
    const moved = eventTime ? sorted(before.filter((l) => !gone.includes(l) && want.has(keyOf(l)) && l.validFrom && eventTime < l.validFrom)) : [];
    if (moved.length) {
      for (const l of moved) moveStart.push({ owner: e.urn, from: l.field === null ? null : columnUrn(e.urn, l.field), to: columnUrn(l.input.dataset, l.input.field), at: eventTime! });
      const dated = (l: Link, validFrom: Date) => ({ ...shown(l), validFrom });
      changes.set(e.urn, [{ field: `${field}.validFrom`, old: moved.map((l) => dated(l, l.validFrom!)), new: moved.map((l) => dated(l, eventTime!)) }]);
    }
    if (!gone.length && !added.length) continue;
    // The owner's open edges become `wanted`: the datasets they read from, for the walks' mapping question.
    sources.push({ urn: e.urn, datasets: [...new Set(wanted.map((l) => l.input.dataset))].sort() });
    for (const [l, i] of added) checkInput(l.input.dataset, e.urn, `${e.path}.${field}.${i}.dataset`);
    changes.set(e.urn, [...(changes.get(e.urn) ?? []), { field, old: sorted(before).map(shown), new: sorted(wanted).map(shown) }]);
    const at = e.columns?.at ?? e.at;
    for (const l of gone) {
      if (isLineage) derivedClose.push({ from: columnUrn(e.urn, l.field!), to: columnUrn(l.input.dataset, l.input.field), at });
      else readsClose.push({ owner: e.urn, to: columnUrn(l.input.dataset, l.input.field), at });
    }
    const createRow = createRows.get(e.urn);
    if (createRow) createRow.at = at;
    for (const [l] of added) {
      const to = ensured(l.input.dataset, l.input.field);
      if (!isLineage) {
        readsOpen.push({ owner: e.urn, to, at });
        continue;
      }
      // An output column this write creates takes its edges in columns/create.
      const output = createdColumns.get(columnUrn(e.urn, l.field!));
      if (createRow && output) output.inputs.push({ to, transformations: l.transformations! });
      else derivedOpen.push({ from: ensured(e.urn, l.field!), to, transformations: l.transformations!, at });
    }
  }

  return {
    changes,
    async apply(now) {
      const timed = <T extends { at?: Date }>(links: T[]) => links.map((l) => ({ ...l, at: l.at ?? now }));
      // The usual write (no eventTime) sends no date per edge or row: null reads as $now.
      const atNow = <T extends { at?: Date }>(links: T[]) => links.map((l) => ({ ...l, at: atOrNull(l.at, now) }));
      if (syncRows.length) await tx.run(queries.columnsSchemaSync, { rows: syncRows, now });
      if (ensure.size) await tx.run(queries.columnsEnsure, { columns: [...ensure.values()] });
      if (createRows.size) await tx.run(queries.columnsCreate, { rows: atNow([...createRows.values()]), now });
      if (derivedClose.length) await tx.run(queries.columnDerivedClose, { links: timed(derivedClose) });
      if (readsClose.length) await tx.run(queries.columnReadsClose, { links: timed(readsClose) });
      if (derivedOpen.length) await tx.run(queries.columnDerivedOpen, { links: atNow(derivedOpen), now });
      if (readsOpen.length) await tx.run(queries.columnReadsOpen, { links: atNow(readsOpen), now });
      if (moveStart.length) await tx.run(queries.columnMoveStart, { links: moveStart });
      if (sources.length) await tx.run(queries.columnSourcesSet, { rows: sources });
    },
  };
}
