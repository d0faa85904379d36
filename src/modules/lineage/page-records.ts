import type { Context } from '../../context';
import { queries, type GraphTransaction } from '../../graph';
import type { ProjectedRow } from '../../graph/query-shapes';
import { recordOf, type EntityRecord } from '../entities/entity.loaders';
import type { Projection } from '../entities/projection';

// The entity records of a lineage page, read into the request's loader or made from the walk
// (src/modules/lineage/walk-and-page.ts).

/**
 * Reads the entities at `urns` in one statement inside `tx` and primes the request's entity loader
 * with them (null for the missing ones), so the field resolvers that follow find them without
 * another round trip. Priming never overwrites what the loader already holds. Returns those found.
 */
export async function loadEntities(ctx: Context, tx: GraphTransaction, urns: string[]): Promise<Map<string, EntityRecord>> {
  if (!urns.length) return new Map();
  return primeFound(ctx, urns, await tx.run(queries.entitiesByUrns, { urns, fields: ctx.scope.projection }));
}

/** Whether `projection` reads no stored property of any type (the operation selects URNs and types only). */
export function readsNothing(projection: Projection): boolean {
  let bare = bareProjections.get(projection);
  if (bare === undefined) bareProjections.set(projection, (bare = Object.values(projection).every((fields) => fields.length === 0)));
  return bare;
}

const bareProjections = new WeakMap<Projection, boolean>();

/**
 * The records of `urns` under a projection that reads nothing (urn and type are the whole record),
 * made from the types the walk gives (`typeOf`; those it does not know are left out), primed into the
 * request's entity loader.
 */
export function madeFromWalk(ctx: Context, urns: string[], typeOf: (urn: string) => string | undefined): Map<string, EntityRecord> {
  const made = new Map<string, EntityRecord>();
  for (const urn of urns) {
    const type = typeOf(urn);
    if (!type) continue;
    const record = recordOf({ urn, type, values: [] }, ctx.scope.projection);
    ctx.loaders.entity.prime(urn, record);
    made.set(urn, record);
  }
  return made;
}

/** Primes the request's entity loader with the rows read for `urns` (null for the URNs without one); returns the records found. */
export function primeFound(ctx: Context, urns: string[], rows: ProjectedRow[]): Map<string, EntityRecord> {
  const found = new Map(rows.map((r) => [r.urn, recordOf(r, ctx.scope.projection)]));
  for (const u of urns) ctx.loaders.entity.prime(u, found.get(u) ?? null);
  return found;
}
