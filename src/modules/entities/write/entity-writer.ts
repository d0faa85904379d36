import { queries, type Graph } from '../../../graph';
import type { EdgeKey, TimedEdgeKey } from '../../../graph/queries';
import { BadUserInputError } from '../../../errors/errors';
import { declaredEdgeProps, EDGE_PROPERTY_LIST, sameEdgeProps } from '../../../model/edge-properties';
import { sameStored, type StoredValue } from '../../../model/encode';
import { DERIVED_FIELDS } from '../../../model/entity-fields';
import { Status, type EntityType } from '../../../model/entity-type';
import type { Direction } from '../../../model/relationship-type';
import { parseUrn } from '../../../model/urn';
import { columnReferences, planColumns } from '../../columns/column-writer';
import { kindOf } from '../../../model/entity-type';
import { requireAdminForArchived } from './archived-guard';
import { atOrNull, lockedWrite, type LockedWrite } from './locked-write';
import { checkWriteShape } from './write-checks';
import type { EdgeProps, EntityWrite, FieldChange, LinkWrite, WriteOptions, WriteOutcome, WriteWarning } from './write-plan';

interface Pending {
  urn: string;
  /** Set for entities of the batch (an entity only a link changes keeps its stored type). */
  type?: EntityType;
  created: boolean;
  props: Record<string, StoredValue>;
  changes: FieldChange[];
  /** When the change became true (the entity's eventTime, else its first link's). */
  at?: Date;
}

const edgeKey = (urn: string, type: string, dir: Direction) => `${urn}|${type}|${dir}`;
const edgeId = (e: EdgeKey) => `${e.from}|${e.type}|${e.to}`;

const EDGE_PROPERTY_NAMES = EDGE_PROPERTY_LIST.map((p) => p.name);

/** An edge to open, with the declared properties it carries. */
type EdgeToOpen = TimedEdgeKey & { props: EdgeProps };

/**
 * Applies entity upserts and single-edge links in ONE transaction: all of it is written or none.
 * Idempotent: fields, relationship sets and links equal to what is stored change nothing (no
 * revision bump, no history, no new edge). Concurrent writers of one URN are serialized by locks
 * taken first. Unknown referenced URNs fail with NOT_FOUND (unless the batch creates them); a new
 * edge to an ARCHIVED entity fails with BAD_USER_INPUT, to a DEPRECATED one adds a warning.
 */
export async function applyWrites(
  graph: Graph,
  entities: EntityWrite[],
  links: LinkWrite[],
  options: WriteOptions,
): Promise<WriteOutcome> {
  checkWriteShape(entities, links);
  return lockedWrite(graph, 'applyWrites', options, (write) => writeAll(write, entities, links, options));
}

async function writeAll(write: LockedWrite, entities: EntityWrite[], links: LinkWrite[], options: WriteOptions): Promise<WriteOutcome> {
  const { tx } = write;
  const inBatch = new Set(entities.map((e) => e.urn));

  // 1. Everything referenced must exist (or be created by this batch), the datasets of columns too.
  const columnRefs = columnReferences(entities);
  const referenced = unique([
    ...entities.flatMap((e) => e.relations.flatMap((r) => r.targets)),
    ...links.flatMap((l) => [l.from, l.to]),
    ...columnRefs.keys(),
  ]).filter((u) => !inBatch.has(u));
  // 2. Lock what is written (one statement with the references).
  const locking = [...entities.map((e) => e.urn), ...links.map((l) => l.from), ...links.map((l) => l.to)];
  const { stored, refs } = await write.lockAndRead(locking, referenced, (urn) => pathOf(urn, entities, links) ?? columnRefs.get(urn));
  const status = new Map([...refs].map(([urn, r]) => [urn, r.status]));
  for (const [urn, props] of stored) if (props) status.set(urn, props.status as string);

  // 3. The open edges that relationship replacement and links compare against.
  const edgeTypes = unique([...entities.flatMap((e) => e.relations.map((r) => r.spec.type)), ...links.map((l) => l.type)]);
  // An entity the lock just created has no edge yet: only stored ones are looked at (a fresh batch sends no statement).
  const edgeOwners = unique([...entities.filter((e) => e.relations.length).map((e) => e.urn), ...links.map((l) => l.from)]).filter((u) => stored.get(u));
  const open = new Map<string, Set<string>>();
  // The declared properties of each open edge, and when it opened, by edgeId.
  const openProps = new Map<string, EdgeProps>();
  const openFrom = new Map<string, Date | null>();
  if (edgeTypes.length && edgeOwners.length) {
    for (const r of await tx.run(queries.edgesOpenOf, { urns: edgeOwners, types: edgeTypes, props: EDGE_PROPERTY_NAMES })) {
      const k = edgeKey(r.urn, r.type, r.outgoing ? 'out' : 'in');
      (open.get(k) ?? open.set(k, new Set()).get(k)!).add(r.other);
      const [from, to] = r.outgoing ? [r.urn, r.other] : [r.other, r.urn];
      openProps.set(edgeId({ from, type: r.type, to }), declaredEdgeProps(Object.fromEntries(EDGE_PROPERTY_NAMES.map((k, i) => [k, r.props[i]]))));
      openFrom.set(edgeId({ from, type: r.type, to }), r.validFrom);
      if (!status.has(r.other) && r.otherStatus) status.set(r.other, r.otherStatus);
    }
  }

  const pending = new Map<string, Pending>();
  const toClose: TimedEdgeKey[] = [];
  const toOpen = new Map<string, EdgeToOpen>();
  const toMove: TimedEdgeKey[] = [];
  const now = write.now;
  // Where this request opens or closes each edge: one request may not do both to one edge (closes
  // run before opens, so "add then remove" would leave the edge open, and "remove then add" would
  // close and reopen it on every resend).
  const planned = new Map<string, { open: boolean; path: string }>();
  const plan = (e: EdgeKey, open: boolean, path: string, at: Date, props: EdgeProps = {}) => {
    const id = edgeId(e);
    const earlier = planned.get(id);
    if (earlier && earlier.open !== open) {
      throw new BadUserInputError(
        `${e.from} -${e.type}-> ${e.to} is both ${earlier.open ? 'added' : 'removed'} (at ${earlier.path}) and ${open ? 'added' : 'removed'} by this request`,
        path,
        { urn: e.to },
      );
    }
    planned.set(id, { open, path });
    if (open) toOpen.set(id, { ...e, at, props });
    else toClose.push({ ...e, at });
  };
  // An open edge whose properties change is closed and opened again (closes run first), so the
  // past keeps what it said; for the rest of the request it counts as opened here.
  const reopen = (e: EdgeKey, path: string, at: Date, props: EdgeProps) => {
    const earlier = planned.get(edgeId(e));
    if (earlier) {
      throw new BadUserInputError(`${e.from} -${e.type}-> ${e.to} is given twice with different properties (at ${earlier.path} and ${path})`, path, { urn: e.to });
    }
    plan(e, true, path, at, props);
    toClose.push({ ...e, at });
    openProps.set(edgeId(e), props);
  };
  // A write with an eventTime before an open edge's validFrom says when the edge really began
  // (events arriving out of order): the edge's start moves back, an earlier property change is
  // superseded by the later one already stored. Returns the validFrom replaced, if any. Only a
  // write that gives its eventTime does this (the server's own clock never moves an edge).
  const startsEarlier = (e: EdgeKey, at: Date | undefined): Date | null => {
    if (!at) return null;
    const id = edgeId(e);
    const opening = toOpen.get(id);
    if (opening) {
      if (at < opening.at) opening.at = at;
      return null;
    }
    const from = openFrom.get(id);
    if (!from || at >= from) return null;
    toMove.push({ ...e, at });
    openFrom.set(id, at);
    return from;
  };
  const isSuperseded = (e: EdgeKey, at: Date | undefined) => {
    const from = openFrom.get(edgeId(e));
    return at !== undefined && !toOpen.has(edgeId(e)) && from != null && at < from;
  };
  const warnings: WriteWarning[] = [];
  const pendingFor = (urn: string, type?: EntityType, at?: Date): Pending => {
    let p = pending.get(urn);
    if (!p) {
      p = { urn, type, created: (stored.get(urn) ?? null) === null, props: {}, changes: [], at };
      pending.set(urn, p);
    }
    return p;
  };
  const markOpen = (e: EdgeKey, isOpen: boolean) => {
    for (const [urn, other, dir] of [[e.from, e.to, 'out'], [e.to, e.from, 'in']] as const) {
      const k = edgeKey(urn, e.type, dir);
      const set = open.get(k) ?? open.set(k, new Set()).get(k)!;
      if (isOpen) set.add(other);
      else set.delete(other);
    }
  };
  const checkTarget = (target: string, owner: string, field: string) => {
    const s = status.get(target) ?? Status.ACTIVE;
    if (s === Status.ARCHIVED) throw new BadUserInputError(`${target} is ARCHIVED and cannot be linked`, field, { urn: target });
    if (s === Status.DEPRECATED) {
      warnings.push({ code: 'DEPRECATED_REFERENCE', message: `${target} is DEPRECATED`, urn: owner, field });
    }
  };

  // 4a. Entity fields and relationship sets.
  for (const e of entities) {
    const old = stored.get(e.urn) ?? null;
    const p = pendingFor(e.urn, e.type, e.at);
    const at = e.at ?? now;
    if (old && old.type !== e.type) throw new BadUserInputError(`${e.urn} is a ${old.type}, not a ${e.type}`, e.path);
    if (p.created) Object.assign(p.props, e.createOnly);
    const fields = e.resolveFields ? e.resolveFields(old) : e.fields;
    for (const [field, value] of Object.entries(fields)) {
      const before = old?.[field] ?? null;
      if (p.created ? value === null : sameStored(before, value)) continue;
      p.props[field] = value;
      if (!DERIVED_FIELDS.has(field)) p.changes.push({ field, old: before, new: value });
    }
    for (const { spec, targets, properties } of e.relations) {
      const k = edgeKey(e.urn, spec.type, spec.direction);
      const current = new Set([...(open.get(k) ?? [])].filter((u) => parseUrn(u)?.type === spec.target));
      const desired = new Set(targets);
      const edge = (other: string): EdgeKey =>
        spec.direction === 'out' ? { from: e.urn, type: spec.type, to: other } : { from: other, type: spec.type, to: e.urn };
      const removed = [...current].filter((u) => !desired.has(u));
      const added = [...desired].filter((u) => !current.has(u));
      const field = properties ? spec.edgesField! : spec.field;
      const kept = [...desired].filter((u) => current.has(u));
      const restated = properties ? kept.filter((u) => !sameEdgeProps(openProps.get(edgeId(edge(u))), properties.get(u)) && !isSuperseded(edge(u), e.at)) : [];
      const moved = kept
        .filter((u) => !restated.includes(u))
        .map((u) => ({ urn: u, from: startsEarlier(edge(u), e.at) }))
        .filter((m): m is { urn: string; from: Date } => m.from !== null);
      for (const m of moved) p.changes.push({ field, old: { urn: m.urn, validFrom: m.from }, new: { urn: m.urn, validFrom: at } });
      if (!removed.length && !added.length && !restated.length) continue;
      for (const u of added) checkTarget(u, e.urn, `${e.path}.${field}`);
      const propsOf = (u: string) => properties?.get(u) ?? {};
      const before = [...current].sort().map((u) => (properties ? { urn: u, ...openProps.get(edgeId(edge(u))) } : u));
      removed.forEach((u) => plan(edge(u), false, `${e.path}.${field}`, at));
      added.forEach((u) => plan(edge(u), true, `${e.path}.${field}`, at, propsOf(u)));
      restated.forEach((u) => reopen(edge(u), `${e.path}.${field}`, at, propsOf(u)));
      // Keep both ends' view current, so a link of the same batch sees edges opened or closed here.
      removed.forEach((u) => markOpen(edge(u), false));
      added.forEach((u) => markOpen(edge(u), true));
      added.forEach((u) => openProps.set(edgeId(edge(u)), propsOf(u)));
      const after = [...desired].sort().map((u) => (properties ? { urn: u, ...propsOf(u) } : u));
      p.changes.push({ field, old: before, new: after });
    }
  }

  // 4b. Single links, recorded as changes of their `from` entity.
  for (const l of links) {
    const k = edgeKey(l.from, l.type, 'out');
    const current = open.get(k) ?? open.set(k, new Set()).get(k)!;
    const exists = current.has(l.to);
    const id = edgeId(l);
    const edge: EdgeKey = { from: l.from, type: l.type, to: l.to };
    const at = l.at ?? now;
    if (l.op === 'link' && !exists) {
      checkTarget(l.to, l.from, l.path);
      checkTarget(l.from, l.from, l.path);
      plan(edge, true, l.path, at, l.properties ?? {});
      current.add(l.to);
      openProps.set(id, l.properties ?? {});
      const added = l.properties && Object.keys(l.properties).length ? { urn: l.to, ...l.properties } : l.to;
      pendingFor(l.from, undefined, l.at).changes.push({ field: l.type, old: null, new: added });
    } else if (l.op === 'link' && l.properties && !sameEdgeProps(openProps.get(id), l.properties) && !isSuperseded(edge, l.at)) {
      const old = { urn: l.to, ...openProps.get(id) };
      reopen(edge, l.path, at, l.properties);
      pendingFor(l.from, undefined, l.at).changes.push({ field: l.type, old, new: { urn: l.to, ...l.properties } });
    } else if (l.op === 'link') {
      const from = startsEarlier(edge, l.at);
      if (from) pendingFor(l.from, undefined, l.at).changes.push({ field: l.type, old: { urn: l.to, validFrom: from }, new: { urn: l.to, validFrom: at } });
    } else if (l.op === 'unlink' && exists) {
      plan(edge, false, l.path, at);
      current.delete(l.to);
      pendingFor(l.from, undefined, l.at).changes.push({ field: l.type, old: l.to, new: null });
    }
  }

  // 4c. Columns: the schema of datasets whose schemaFields changed, column lineage, columns read.
  const columnPlan = await planColumns(tx, entities, (urn) => {
    const p = pending.get(urn)!;
    const schemaField = kindOf(p.type!).columns?.schema;
    return Boolean(schemaField && schemaField in p.props);
  }, (urn) => pending.get(urn)!.created, checkTarget);
  for (const [urn, changes] of columnPlan.changes) pendingFor(urn).changes.push(...changes);

  // 5. Write what changed (the entities and their history are written by lockedWrite); an ARCHIVED
  // entity changes (fields, sets, edges at either end) only for an ADMIN.
  const changed = [...pending.values()].filter((p) => p.created || p.changes.length);
  const touched = [...changed.map((p) => p.urn), ...[...toClose, ...toOpen.values(), ...toMove].flatMap((e) => [e.from, e.to])];
  requireAdminForArchived(options.principal, touched, (urn) => status.get(urn));
  const audit = { now: write.now, actor: options.actor };
  if (toClose.length) await tx.run(queries.edgesClose, { ...audit, edges: toClose });
  if (toMove.length) await tx.run(queries.edgesMoveStart, { edges: toMove });
  await columnPlan.apply(audit.now);
  // Opened by the write's last statement, after the closes (a replaced edge is closed first).
  write.open([...toOpen.values()].map((e) => ({ from: e.from, type: e.type, to: e.to, props: e.props, at: atOrNull(e.at, now) })));
  for (const p of changed) write.record({ urn: p.urn, type: p.type, props: p.props, changes: p.changes, at: p.at });

  const changedUrns = new Set(changed.map((p) => p.urn));
  return {
    created: changed.filter((p) => p.created).map((p) => p.urn),
    updated: changed.filter((p) => !p.created).map((p) => p.urn),
    unchanged: entities.map((e) => e.urn).filter((u) => !changedUrns.has(u)),
    warnings,
    dryRun: Boolean(options.dryRun),
  };
}

function pathOf(urn: string, entities: EntityWrite[], links: LinkWrite[]): string | undefined {
  for (const e of entities) for (const r of e.relations) if (r.targets.includes(urn)) return `${e.path}.${r.spec.field}`;
  return links.find((l) => l.from === urn || l.to === urn)?.path;
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
