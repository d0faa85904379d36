import { KINDS } from '../kinds';
import type { Direction, EntityKind, LineageStep } from './entity-kind';
import type { EntityType } from './entity-type';

export type { Direction } from './entity-kind';

/** Relationship types: every type a kind's declaration stores, each in its declared direction. */
export type RelationshipType = (typeof KINDS)[number]['relationships'][number]['relationship'];

/** A legal stored edge: (from)-[type]->(to), and its downstream step when it is lineage. */
export interface RelationshipRule<R extends string = RelationshipType, E extends string = EntityType> {
  type: R;
  from: E;
  to: E;
  lineage?: LineageStep;
}

/**
 * A relationship seen from one entity type: a GraphQL field on that type, and (when `input` is set)
 * a field of its upsert input that replaces the set.
 */
export interface RelationField<R extends string = RelationshipType, E extends string = EntityType> {
  field: string;
  type: R;
  direction: Direction;
  target: E;
  /** At most one target (e.g. a run's experiment). */
  single?: boolean;
  /** Settable through the upsert input. */
  input?: boolean;
  description: string;
}

/** The relationship tables of a list of declarations (their types are plain strings). */
export interface RelationTables {
  types: string[];
  rules: RelationshipRule<string, string>[];
  fields: Record<string, readonly RelationField<string, string>[]>;
}

/**
 * Derives the relationship tables from the declarations, refusing a target no kind declares, a
 * stored relationship (type, from, to) declared twice, and a field name used twice on one kind. Each kind's fields: its own declarations in order (a
 * relationship to its own kind followed by its other end), then the other ends of what other
 * kinds declare towards it, in the order of the kinds.
 */
export function relationTables(kinds: readonly EntityKind[]): RelationTables {
  const known = new Set(kinds.map((k) => k.type));
  const fields = Object.fromEntries(kinds.map((k) => [k.type, [] as RelationField<string, string>[]]));
  const add = (type: string, f: RelationField<string, string>) => {
    if (fields[type].some((g) => g.field === f.field)) throw new Error(`${type} declares the relationship field ${f.field} twice`);
    fields[type].push(f);
  };
  const rules: RelationshipRule<string, string>[] = [];
  const reverse = (owner: EntityKind, d: EntityKind['relationships'][number]): RelationField<string, string> => ({
    field: d.reverse.field,
    type: d.relationship,
    direction: d.direction === 'out' ? 'in' : 'out',
    target: owner.type,
    description: d.reverse.description,
  });
  for (const k of kinds) {
    for (const d of k.relationships) {
      if (!known.has(d.target)) throw new Error(`${k.type}.${d.field} targets ${d.target}, which no kind declares`);
      const own = { field: d.field, type: d.relationship, direction: d.direction, target: d.target, input: true, description: d.description };
      add(k.type, { ...own, ...(d.single && { single: true }) });
      if (d.target === k.type) add(k.type, reverse(k, d));
      const [from, to] = d.direction === 'out' ? [k.type, d.target] : [d.target, k.type];
      if (rules.some((r) => r.type === d.relationship && r.from === from && r.to === to)) {
        throw new Error(`${d.relationship} from ${from} to ${to} is declared twice (again as ${k.type}.${d.field})`);
      }
      rules.push({ type: d.relationship, from, to, ...(d.lineage && { lineage: d.lineage }) });
    }
  }
  for (const target of kinds) {
    for (const k of kinds) {
      if (k !== target) for (const d of k.relationships) if (d.target === target.type) add(target.type, reverse(k, d));
    }
  }
  return { types: [...new Set(rules.map((r) => r.type))], rules, fields };
}

const TABLES = relationTables(KINDS);

/** Every relationship type the declarations store, in the order they first appear. */
export const RelationshipType = Object.freeze(Object.fromEntries(TABLES.types.map((t) => [t, t]))) as {
  readonly [T in RelationshipType]: T;
};

/** The only legal (type, from, to) combinations; anything else is BAD_USER_INPUT. */
export const RELATIONSHIP_RULES = TABLES.rules as readonly RelationshipRule[];

/** Every relationship field of every entity type, both ends of each stored relationship. */
export const RELATION_FIELDS = TABLES.fields as Record<EntityType, readonly RelationField[]>;

export function isLegalRelationship(type: RelationshipType, from: EntityType, to: EntityType): boolean {
  return RELATIONSHIP_RULES.some((r) => r.type === type && r.from === from && r.to === to);
}
