import type { LineageStep } from '../../model/entity-kind';
import type { EntityType } from '../../model/entity-type';
import { RELATIONSHIP_RULES, RelationshipType, type RelationshipRule } from '../../model/relationship-type';

/** Which way a lineage walk goes from its root. */
export enum LineageDirection {
  /** What the root was produced from. */
  UPSTREAM = 'UPSTREAM',
  /** What is affected if the root changes. */
  DOWNSTREAM = 'DOWNSTREAM',
}

/**
 * The downstream step of each relationship type that is lineage, from the declarations; throws when
 * two declarations of one type disagree (one type is walked one way, whatever kinds it joins).
 */
export function lineageSteps(rules: readonly RelationshipRule<string, string>[]): Partial<Record<string, LineageStep>> {
  const steps: Partial<Record<string, LineageStep>> = {};
  for (const type of new Set(rules.map((r) => r.type))) {
    const declared = new Set(rules.filter((r) => r.type === type).map((r) => r.lineage ?? 'none'));
    if (declared.size > 1) throw new Error(`the declarations of ${type} disagree on its lineage step: ${[...declared].join(', ')}`);
    const [step] = declared;
    if (step !== 'none') steps[type] = step;
  }
  return steps;
}

/**
 * THE lineage semantics: each stored relationship type that is lineage, and its downstream step
 * ("what is affected if the node changes"), as the kinds' declarations give them. Upstream is the
 * exact reverse. Relationships declared without a step (a run's experiment, a trial's sweep) group
 * rather than derive. Every traversal uses this table.
 */
export const LINEAGE_STEPS: Readonly<Partial<Record<RelationshipType, LineageStep>>> = lineageSteps(RELATIONSHIP_RULES);

/** Relationship types that group rather than derive (a run's experiment, a trial's sweep). */
export const NOT_LINEAGE: readonly RelationshipType[] = Object.values(RelationshipType).filter((t) => LINEAGE_STEPS[t] === undefined);

/** Relationship types that are lineage, in enum order. */
export const LINEAGE_RELATIONSHIPS: readonly RelationshipType[] = Object.values(RelationshipType).filter(
  (t) => LINEAGE_STEPS[t] !== undefined,
);

/**
 * The relationship types a walk in `direction` follows out of a node along the stored direction
 * (`outgoing`: the node is the edge's start) and against it (`incoming`), sorted.
 */
export function stepTypes(direction: LineageDirection): { outgoing: RelationshipType[]; incoming: RelationshipType[] } {
  const forward: LineageStep = direction === LineageDirection.DOWNSTREAM ? 'along' : 'against';
  const outgoing = LINEAGE_RELATIONSHIPS.filter((t) => LINEAGE_STEPS[t] === forward).sort();
  const incoming = LINEAGE_RELATIONSHIPS.filter((t) => LINEAGE_STEPS[t] !== forward).sort();
  return { outgoing, incoming };
}

/**
 * Whether a hop `from -> to` walked in `direction` over `relationship` corresponds to the stored
 * edge `(start)-[relationship]->(end)`. Used to check that reported paths are real edges.
 */
export function storedEnds(
  direction: LineageDirection,
  hop: { from: string; to: string; relationship: RelationshipType },
): { start: string; end: string } {
  const step = LINEAGE_STEPS[hop.relationship];
  if (!step) throw new Error(`${hop.relationship} is not a lineage relationship`);
  const along = (step === 'along') === (direction === LineageDirection.DOWNSTREAM);
  return along ? { start: hop.from, end: hop.to } : { start: hop.to, end: hop.from };
}

/**
 * The entity types a walk in `direction` can step out of, derived from LINEAGE_STEPS and the legal
 * relationships: the others (a model group or deployment downstream, a feature table upstream) end
 * every path, so a walk never sends them to Neo4j to expand.
 */
export function expandableTypes(direction: LineageDirection): ReadonlySet<EntityType> {
  const forward: LineageStep = direction === LineageDirection.DOWNSTREAM ? 'along' : 'against';
  const types = RELATIONSHIP_RULES.filter((r) => LINEAGE_STEPS[r.type]).map((r) => (LINEAGE_STEPS[r.type] === forward ? r.from : r.to));
  return new Set(types);
}
