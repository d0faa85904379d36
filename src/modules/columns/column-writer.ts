import { queries, type GraphTransaction } from '../../graph';
import type { ParamsOf } from '../../graph/query';
import type { SchemaSyncRow } from '../../graph/queries';
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
const order = (a: Link, b: Link) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0);

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
 * kept as it is does not.
 */
export async function planColumns(
  tx: GraphTransaction,
  entities: readonly EntityWrite[],
  schemaChanged: (urn: string) => boolean,
  created: (urn: string) => boolean,
  checkInput: (dataset: string, owner: string, path: string) => void = () => {},
): Promise<ColumnPlan> {
  const schemaRows: SchemaSyncRow[] = entities
    .filter((e) => e.columns?.schema && schemaChanged(e.urn))
    .map((e) => ({
      dataset: e.urn,
      since: e.at ?? null,
      fields: e.columns!.schema!.map((f) => ({ urn: columnUrn(e.urn, f.fieldPath), fieldPath: f.fieldPath, type: f.type, description: f.description })),
    }));
  // The columns of a dataset this write creates are created outright (a write names each entity
  // once, write-checks.ts); the columns of stored datasets are compared with the schema.
  const createRows = schemaRows.filter((r) => created(r.dataset));
  const syncRows = schemaRows.filter((r) => !created(r.dataset));
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
  for (const e of [...lineageOwners, ...readers]) {
    const isLineage = Boolean(e.columns?.lineage);
    const wanted: Link[] = isLineage
      ? e.columns!.lineage!.map((l) => ({ field: l.field, input: l.input, transformations: transformationsText(l.transformations) }))
      : e.columns!.reads!.map((r) => ({ field: null, input: r, transformations: null }));
    const before = stored.get(e.urn) ?? [];
    const had = new Map(before.map((l) => [keyOf(l), l]));
    const want = new Map(wanted.map((l) => [keyOf(l), l]));
    const gone = before.filter((l) => want.get(keyOf(l))?.transformations !== l.transformations);
    const added = wanted.filter((l) => had.get(keyOf(l))?.transformations !== l.transformations);
    const field = isLineage ? kindOf(e.type).columns!.lineage! : kindOf(e.type).columns!.reads!;
    // A kept edge restated with an eventTime before its start began earlier (as entity edges do);
    // the server's own clock never moves one.
    const eventTime = e.columns?.at ?? e.at;
    const moved = eventTime ? before.filter((l) => !gone.includes(l) && want.has(keyOf(l)) && l.validFrom && eventTime < l.validFrom) : [];
    if (moved.length) {
      for (const l of moved) moveStart.push({ owner: e.urn, from: l.field === null ? null : columnUrn(e.urn, l.field), to: columnUrn(l.input.dataset, l.input.field), at: eventTime! });
      const dated = (l: Link, validFrom: Date) => ({ ...shown(l), validFrom });
      changes.set(e.urn, [{ field: `${field}.validFrom`, old: moved.sort(order).map((l) => dated(l, l.validFrom!)), new: moved.map((l) => dated(l, eventTime!)) }]);
    }
    if (!gone.length && !added.length) continue;
    // The owner's open edges become `wanted`: the datasets they read from, for the walks' mapping question.
    sources.push({ urn: e.urn, datasets: [...new Set(wanted.map((l) => l.input.dataset))].sort() });
    for (const l of added) checkInput(l.input.dataset, e.urn, `${e.path}.${field}.${wanted.indexOf(l)}.dataset`);
    changes.set(e.urn, [...(changes.get(e.urn) ?? []), { field, old: [...before].sort(order).map(shown), new: [...wanted].sort(order).map(shown) }]);
    const at = e.columns?.at ?? e.at;
    for (const l of gone) {
      if (isLineage) derivedClose.push({ from: columnUrn(e.urn, l.field!), to: columnUrn(l.input.dataset, l.input.field), at });
      else readsClose.push({ owner: e.urn, to: columnUrn(l.input.dataset, l.input.field), at });
    }
    for (const l of added) {
      const to = columnUrn(l.input.dataset, l.input.field);
      if (isLineage) {
        derivedOpen.push({ from: columnUrn(e.urn, l.field!), dataset: e.urn, field: l.field!, to, inputDataset: l.input.dataset, input: l.input.field, transformations: l.transformations!, at });
      } else readsOpen.push({ owner: e.urn, to, dataset: l.input.dataset, field: l.input.field, at });
    }
  }

  return {
    changes,
    async apply(now) {
      const timed = <T extends { at?: Date }>(links: T[]) => links.map((l) => ({ ...l, at: l.at ?? now }));
      if (createRows.length) await tx.run(queries.columnsCreate, { rows: createRows, now });
      if (syncRows.length) await tx.run(queries.columnsSchemaSync, { rows: syncRows, now });
      if (derivedClose.length) await tx.run(queries.columnDerivedClose, { links: timed(derivedClose) });
      if (readsClose.length) await tx.run(queries.columnReadsClose, { links: timed(readsClose) });
      if (derivedOpen.length) await tx.run(queries.columnDerivedOpen, { links: timed(derivedOpen) });
      if (readsOpen.length) await tx.run(queries.columnReadsOpen, { links: timed(readsOpen) });
      if (moveStart.length) await tx.run(queries.columnMoveStart, { links: moveStart });
      if (sources.length) await tx.run(queries.columnSourcesSet, { rows: sources });
    },
  };
}
