import { EntityType } from '../../model/entity-type';
import { RELATIONSHIP_RULES, RelationshipType } from '../../model/relationship-type';

/**
 * How a stored edge reads in lineage. 'along': downstream follows the stored direction (a dataset
 * is INPUT_OF a run, so the run is downstream of the dataset). 'against': downstream goes from the
 * edge's end to its start (a model is TRAINED_BY a run, so the model is downstream of the run).
 */
export type LineageStep = 'along' | 'against';

/** Which way a lineage walk goes from its root. */
export enum LineageDirection {
  /** What the root was produced from. */
  UPSTREAM = 'UPSTREAM',
  /** What is affected if the root changes. */
  DOWNSTREAM = 'DOWNSTREAM',
}

const R = RelationshipType;

/**
 * THE lineage semantics: each stored relationship type that is lineage, and its downstream step
 * ("what is affected if the node changes"). Upstream is the exact reverse. PART_OF and CHILD_OF
 * group runs (experiment, sweep) and are not lineage. Every traversal uses this table; the Cypher
 * files of cypher/lineage/ are checked against it by a contract test, since their relationship
 * types must be literals.
 */
export const LINEAGE_STEPS: Readonly<Partial<Record<RelationshipType, LineageStep>>> = {
  [R.INPUT_OF]: 'along', // dataset -> run
  [R.OUTPUT_OF]: 'against', // run -> dataset
  [R.TRAINED_BY]: 'against', // run -> model
  [R.TRAINED_ON]: 'against', // dataset -> model
  [R.EVALUATED_ON]: 'against', // dataset -> model
  [R.CONSUMES]: 'against', // feature -> model
  [R.DERIVED_FROM]: 'against', // source dataset -> derived feature or dataset
  [R.CONTAINS]: 'along', // feature table -> feature
  [R.DEPLOYED_TO]: 'along', // model -> deployment
  [R.MEMBER_OF]: 'along', // model -> model group
};

/** Relationship types that group rather than derive (a run's experiment, a trial's sweep). */
export const NOT_LINEAGE: readonly RelationshipType[] = [R.PART_OF, R.CHILD_OF];

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
