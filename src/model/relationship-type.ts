import { KINDS } from '../kinds';
import type { Direction, EdgePropertyDeclaration, EntityKind, LineageStep } from './entity-kind';
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
  /** Properties its edges carry (none when absent). */
  properties?: readonly EdgePropertyDeclaration[];
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
  /** Properties its edges carry (settable through `edgesField` when `input`). */
  properties: readonly EdgePropertyDeclaration[];
  /** The field listing the same edges with their properties (lists only), e.g. inputEdges. */
  edgesField?: string;
}

/** Names an edge's own bookkeeping uses, and the fields of RelationEdge: no property may take them. */
const RESERVED_EDGE_NAMES = new Set(['urn', 'node', 'relationship', 'properties', 'validFrom', 'validTo', 'createdAt', 'createdBy', 'closedBy', 'closedAt', 'source', 'aliases', 'from', 'to']);

/** The field that lists a relationship field's edges with their properties: inputs -> inputEdges, inputOf -> inputOfEdges. */
export function edgesFieldOf(field: string): string {
  return `${field.endsWith('s') ? field.slice(0, -1) : field}Edges`;
}

/** The relationship tables of a list of declarations (their types are plain strings). */
export interface RelationTables {
  types: string[];
  rules: RelationshipRule<string, string>[];
  fields: Record<string, readonly RelationField<string, string>[]>;
  /** Every declared edge property, by name (one declaration per name). */
  properties: Map<string, EdgePropertyDeclaration>;
}

/**
 * Derives the relationship tables from the declarations, refusing a target no kind declares, a
 * stored relationship (type, from, to) declared twice, a field name used twice on one kind, an edge
 * property name declared with two kinds (or on a single relationship, or with a reserved name). Each kind's fields: its own declarations in
 * order (a relationship to its own kind followed by its other end), then the other ends of what
 * other kinds declare towards it, in the order of the kinds.
 */
export function relationTables(kinds: readonly EntityKind[]): RelationTables {
  const known = new Set(kinds.map((k) => k.type));
  const fields = Object.fromEntries(kinds.map((k) => [k.type, [] as RelationField<string, string>[]]));
  const add = (type: string, f: RelationField<string, string>) => {
    if (f.properties.length) f.edgesField = edgesFieldOf(f.field);
    const names = fields[type].flatMap((g) => [g.field, g.edgesField]);
    for (const name of [f.field, f.edgesField]) {
      if (name && names.includes(name)) throw new Error(`${type} declares the relationship field ${name} twice`);
    }
    fields[type].push(f);
  };
  const properties = new Map<string, EdgePropertyDeclaration>();
  const rules: RelationshipRule<string, string>[] = [];
  const reverse = (owner: EntityKind, d: EntityKind['relationships'][number]): RelationField<string, string> => ({
    field: d.reverse.field,
    type: d.relationship,
    direction: d.direction === 'out' ? 'in' : 'out',
    target: owner.type,
    description: d.reverse.description,
    properties: d.properties ?? [],
  });
  for (const k of kinds) {
    for (const d of k.relationships) {
      if (!known.has(d.target)) throw new Error(`${k.type}.${d.field} targets ${d.target}, which no kind declares`);
      checkProperties(k, d, properties);
      const own = { field: d.field, type: d.relationship, direction: d.direction, target: d.target, input: true, description: d.description, properties: d.properties ?? [] };
      add(k.type, { ...own, ...(d.single && { single: true })});
      if (d.target === k.type) add(k.type, reverse(k, d));
      const [from, to] = d.direction === 'out' ? [k.type, d.target] : [d.target, k.type];
      if (rules.some((r) => r.type === d.relationship && r.from === from && r.to === to)) {
        throw new Error(`${d.relationship} from ${from} to ${to} is declared twice (again as ${k.type}.${d.field})`);
      }
      rules.push({ type: d.relationship, from, to, ...(d.lineage && { lineage: d.lineage }), ...(d.properties?.length && { properties: d.properties }) });
    }
  }
  for (const target of kinds) {
    for (const k of kinds) {
      if (k !== target) for (const d of k.relationships) if (d.target === target.type) add(target.type, reverse(k, d));
    }
  }
  return { types: [...new Set(rules.map((r) => r.type))], rules, fields, properties };
}

type Declaration = EntityKind['relationships'][number];

function checkProperties(k: EntityKind, d: Declaration, seen: Map<string, EdgePropertyDeclaration>): void {
  for (const p of d.properties ?? []) {
    const where = `${k.type}.${d.field}`;
    if (d.single) throw new Error(`${where} is single and cannot declare edge properties`);
    if (!/^[a-z][A-Za-z0-9]*$/.test(p.name) || RESERVED_EDGE_NAMES.has(p.name)) throw new Error(`${where} declares the edge property name ${p.name}, which is reserved or not a field name`);
    const earlier = seen.get(p.name);
    if (earlier && JSON.stringify(earlier.kind) !== JSON.stringify(p.kind)) throw new Error(`the edge property ${p.name} is declared with two kinds (again on ${where})`);
    if (!earlier) seen.set(p.name, p);
  }
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

/** Every declared edge property, by name. */
export const EDGE_PROPERTIES: ReadonlyMap<string, EdgePropertyDeclaration> = TABLES.properties;

/** The rule of a stored edge (type, from, to), or undefined when no declaration allows it. */
export function ruleOf(type: RelationshipType, from: EntityType, to: EntityType): RelationshipRule | undefined {
  return RELATIONSHIP_RULES.find((r) => r.type === type && r.from === from && r.to === to);
}

export function isLegalRelationship(type: RelationshipType, from: EntityType, to: EntityType): boolean {
  return ruleOf(type, from, to) !== undefined;
}
