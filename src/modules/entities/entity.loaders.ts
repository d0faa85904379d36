import DataLoader from 'dataloader';
import type { RequestScope } from '../../context';
import { int, queries, type Graph } from '../../graph';
import type { ProjectedRow, RelatedSliceParam } from '../../graph/queries';
import type { EntityType } from '../../model/entity-type';
import type { Direction, RelationshipType } from '../../model/relationship-type';
import { recordPrototypeOf } from './graphql/entity-classes';
import { knowJsonSize } from '../../limits/answer-budget';
import { decodeProjected, type Projection } from './projection';

/** A decoded entity as the GraphQL types read it: the properties of the request's projection. */
export type EntityRecord = Record<string, unknown> & { urn: string; type: string };

/** One slice of a relationship list: an entity's neighbours over some relationship types. */
export interface RelatedKey {
  urn: string;
  /** Relationship types (one for most lists; several for unions such as Dataset.consumers). */
  types: readonly RelationshipType[];
  direction: Direction;
  /** Type of the entities listed. */
  target: EntityType;
  /** At most this many, in URN order... */
  first: number;
  /** ...after this URN (null: from the start). */
  after: string | null;
  /**
   * Lists of the listed entities to read in the same statement (what the operation selects on
   * them: lookahead.ts); each is primed into `related` for each entity handed out.
   */
  nested?: readonly NestedList[];
}

/** A relationship list of each entity of another list, read with it. */
export type NestedList = Omit<RelatedKey, 'urn' | 'nested'>;

/** The entities of a slice (read with the list), in URN order, and whether the list goes on past it. */
export interface RelatedSlice {
  records: EntityRecord[];
  more: boolean;
}

export interface EntityLoaders {
  /** Entity by URN; null when absent. */
  entity: DataLoader<string, EntityRecord | null>;
  /** A slice of a relationship list over open edges; its entities are primed into `entity`. */
  related: DataLoader<RelatedKey, RelatedSlice, string>;
  /** How many open edges an entity has, by relationship type, direction and type at the other end. */
  edgeCounts: DataLoader<string, EdgeCount[]>;
}

export interface EdgeCount {
  type: RelationshipType;
  direction: Direction;
  target: string;
  count: number;
}

/**
 * The related statement's parameters for `slices`: each slice without its URNs, and each URN once
 * with the slices that ask it (edges/related seeks each entity once, whatever lists it is asked).
 */
function ownersOf(slices: RelatedSliceParam[]): { slices: Omit<RelatedSliceParam, 'urns'>[]; owners: { urn: string; slices: number[] }[] } {
  const owners = new Map<string, number[]>();
  slices.forEach((slice, i) => {
    for (const urn of slice.urns) {
      const asked = owners.get(urn);
      if (!asked) owners.set(urn, [i]);
      else if (asked.at(-1) !== i) asked.push(i);
    }
  });
  return {
    slices: slices.map(({ urns: _urns, ...slice }) => slice),
    owners: [...owners].map(([urn, asked]) => ({ urn, slices: asked })),
  };
}

/**
 * Builds the per-request loaders. Each tick's `load()` calls become one statement per loader,
 * whatever the page size. Entities are read through `scope.projection`: only the properties the
 * request's operation selects; each entity handed out is counted into `scope.answer`.
 */
export function createEntityLoaders(graph: Graph, scope: RequestScope): EntityLoaders {
  const projection = () => scope.projection;
  const ahead = scope.ahead;
  const entity = new DataLoader<string, EntityRecord | null>(async (urns) => {
    scope.answer.check();
    const fields = projection();
    const keys = ahead.size ? urns.flatMap((u) => ahead.get(u) ?? []) : [];
    ahead.clear();
    if (!keys.length) {
      const rows = await graph.read(queries.entitiesByUrns, { urns: [...urns], fields });
      const byUrn = new Map(rows.map((r) => [r.urn, recordOf(r, fields)]));
      return urns.map((u) => byUrn.get(u) ?? null);
    }
    // The entities themselves (slice 0) and the lists read ahead, in one statement.
    const self: RelatedSliceParam = { self: true, urns: [...urns], types: [], out: true, target: '', after: null, limit: int(1), nested: [] };
    const byUrn = new Map<string, EntityRecord>();
    const lists = await readRelated(keys, [self]).read((slice, record) => (slice === 0 ? byUrn.set(record.urn, record) : entity.prime(record.urn, record)));
    for (const [i, k] of keys.entries()) if (byUrn.has(k.urn)) related.prime(k, lists[i]);
    return urns.map((u) => byUrn.get(u) ?? null);
  });
  const readRelated = (keys: readonly RelatedKey[], before: RelatedSliceParam[] = []) => {
    // The statement's slices: `before`, then one per list asked (keys asking the same list share it).
    const slices = new Map<string, RelatedSliceParam>();
    const sliceOfKey = keys.map((k) => {
      const id = sliceId(k);
      let slice = slices.get(id);
      if (slice) slice.urns.push(k.urn);
      else slices.set(id, (slice = { ...sliceParam(k), urns: [k.urn], nested: (k.nested ?? []).map(sliceParam) }));
      return slice;
    });
    const params = [...before, ...slices.values()];
    const indexOf = new Map(params.map((p, i) => [p, i]));
    return {
      async read(each: (slice: number, record: EntityRecord) => void): Promise<RelatedSlice[]> {
        const fields = projection();
        // Entities by slice, list (0: the slice's own; j: its j-th nested list) and owner URN. An
        // entity comes once however many lists hold it, decoded once, the same record in each.
        const found: Map<string, EntityRecord[]>[][] = [];
        for (const [urn, type, values, at] of (await graph.read(queries.related, { ...ownersOf(params), fields })).flatMap((r) => r.rows)) {
          const record = recordOf({ urn, type, values }, fields);
          for (const [slice, sub, key] of at) {
            each(slice, record);
            if (slice < before.length) continue;
            const owners = ((found[slice] ??= [])[sub] ??= new Map());
            const listed = owners.get(key);
            if (listed) listed.push(record);
            else owners.set(key, [record]);
          }
        }
        const sliceOf = (slice: number, k: { first: number }, owner: string, sub: number): RelatedSlice => {
          // One entity more than asked tells whether the list goes on. A list comes in no order, an
          // entity twice when two edges (or two keys listing its owner) lead to it: the same record.
          const listed = found[slice]?.[sub]?.get(owner) ?? [];
          const records = listed.length < 2 ? listed : listed.sort(byUrn).filter((r, i, all) => i === 0 || r !== all[i - 1]);
          return records.length > k.first ? { records: records.slice(0, k.first), more: true } : { records, more: false };
        };
        return keys.map((k, i) => {
          const at = indexOf.get(sliceOfKey[i])!;
          const slice = sliceOf(at, k, k.urn, 0);
          // The nested lists of each entity handed out (none found: an empty list, known too).
          for (const [j, n] of (k.nested ?? []).entries()) {
            for (const r of slice.records) related.prime({ urn: r.urn, ...n }, sliceOf(at, n, r.urn, j + 1));
          }
          return slice;
        });
      },
    };
  };
  const related = new DataLoader<RelatedKey, RelatedSlice, string>(
    async (keys) => {
      scope.answer.check();
      return readRelated(keys).read((_slice, record) => entity.prime(record.urn, record));
    },
    { cacheKeyFn: relatedKeyId },
  );
  const edgeCounts = new DataLoader<string, EdgeCount[]>(async (urns) => {
    const byUrn = new Map<string, EdgeCount[]>();
    for (const r of await graph.read(queries.edgeCounts, { urns: [...urns] })) {
      const count: EdgeCount = { type: r.type as RelationshipType, direction: r.outgoing ? 'out' : 'in', target: r.target, count: r.count };
      (byUrn.get(r.urn) ?? byUrn.set(r.urn, []).get(r.urn)!).push(count);
    }
    return urns.map((u) => byUrn.get(u) ?? []);
  });
  // Every entity a field receives (loadMany goes through load) enters the answer once more.
  const load = entity.load.bind(entity);
  entity.load = (urn) =>
    load(urn).then((record) => {
      if (record) scope.answer.charge(record);
      return record;
    });
  return { entity, related, edgeCounts };
}

/**
 * The record last decoded from a row's values, and the fields it was decoded under. Rows the read
 * cache keeps (src/graph/read-cache.ts) come back as the same objects to every request that reads
 * them, so their records are decoded once (no JSON parsed and no time made again); records are
 * never changed once made (the walk cache holds them across requests too).
 */
const decoded = new WeakMap<readonly unknown[], { fields: readonly string[]; record: EntityRecord }>();
const NO_FIELDS: readonly string[] = [];

/** The record of a projected row (entities/by-urns, edges/related and the like) under `fields`. */
export function recordOf(row: ProjectedRow, fields: Projection): EntityRecord {
  const type = row.type as EntityType;
  const own = fields[type] ?? NO_FIELDS;
  const known = decoded.get(row.values);
  if (known && known.fields === own && known.record.urn === row.urn) return known.record;
  // Made as an instance of the type's GraphQL class: see recordPrototypeOf.
  const record = Object.create(recordPrototypeOf(type)) as EntityRecord;
  const size = decodeProjected(type, own, row.values, record);
  record.urn = row.urn;
  record.type = type;
  // Counted as jsonSizeOf would count it: braces, the fields, urn and type.
  knowJsonSize(record, 2 + size + row.urn.length + 9 + type.length + 10);
  decoded.set(row.values, { fields: own, record });
  return record;
}

export function relatedKeyId(k: RelatedKey): string {
  return `${sliceId(k)}|${k.urn}`;
}

// The joined form of a list of relationship types, kept per list: resolvers declare each list once,
// and the key of every load() call would otherwise join it again.
const joinedTypes = new WeakMap<readonly RelationshipType[], string>();

/** What keys asking the same list share: everything but the entity. */
function sliceId(k: Omit<RelatedKey, 'urn'>): string {
  let types = joinedTypes.get(k.types);
  if (types === undefined) joinedTypes.set(k.types, (types = k.types.join(',')));
  return `${k.direction}|${types}|${k.target}|${k.first}|${k.after ?? ''}${k.nested?.length ? `|${nestedId(k.nested)}` : ''}`;
}

// The id of a key's nested lists, kept per array (lookahead.ts hands the same array to every key of a field).
const nestedIds = new WeakMap<readonly NestedList[], string>();

function nestedId(nested: readonly NestedList[]): string {
  let id = nestedIds.get(nested);
  if (id === undefined) nestedIds.set(nested, (id = `[${nested.map(sliceId).join(';')}]`));
  return id;
}

/** A list as edges/related takes it (its entities' URNs and nested lists aside). */
function sliceParam(k: NestedList): Omit<RelatedSliceParam, 'urns' | 'nested'> {
  return { self: false, types: [...k.types], out: k.direction === 'out', target: k.target, after: k.after, limit: int(k.first + 1) };
}

function byUrn(a: { urn: string }, b: { urn: string }): number {
  return a.urn < b.urn ? -1 : a.urn > b.urn ? 1 : 0;
}
