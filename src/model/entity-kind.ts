import type { ClassType } from 'type-graphql';
import type { UrnScheme } from './urn-scheme';

/**
 * How a field is stored on the node: scalars and string lists as Neo4j properties (so they can be
 * filtered and indexed), nested structures (metrics, hyperparameters, framework...) as JSON text.
 * 'jsonList' is a JSON array that reads as [] when unset; 'strings' likewise.
 */
export type FieldKind = 'string' | 'int' | 'float' | 'datetime' | 'strings' | 'json' | 'jsonList';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
}

/** Which end of a stored edge an entity is: 'out' its start, 'in' its end. */
export type Direction = 'out' | 'in';

/**
 * How a stored edge reads in lineage. 'along': downstream follows the stored direction (a dataset
 * is INPUT_OF a run, so the run is downstream of the dataset). 'against': downstream goes from the
 * edge's end to its start (a model is TRAINED_BY a run, so the model is downstream of the run).
 */
export type LineageStep = 'along' | 'against';

/**
 * How a relationship property is stored (as text on the edge) and shown: free text, or one value
 * of an enumeration (`enum` names its GraphQL enum; `values` maps each value to its description).
 */
export type EdgePropertyKind = 'string' | { enum: string; description: string; values: Readonly<Record<string, string>> };

/**
 * A property of a stored edge, declared with the relationship that carries it (e.g. the version of
 * a dataset a run read): settable through the upsert input's `<field>Edges` elements, `link` and
 * `ingest.links`, compared for idempotency, and shown on relationship lists, lineage hops and
 * `lineageGraph` edges. One property name has one kind and one meaning wherever it is declared.
 */
export interface EdgePropertyDeclaration {
  name: string;
  kind: EdgePropertyKind;
  description: string;
}

/**
 * A stored relationship, declared once, on the kind whose upsert input sets it (e.g. a run's
 * `inputs`): that input field replaces the set, and both ends get a GraphQL field listing it.
 */
export interface RelationshipDeclaration {
  /** The field on this kind: in its upsert input (URNs) and on its object type (entities). */
  field: string;
  /** The stored relationship type, e.g. INPUT_OF. One type may join several pairs of kinds. */
  relationship: string;
  /** Which end of the stored edge this kind is. */
  direction: Direction;
  /** The kind at the other end. */
  target: string;
  /** At most one target (e.g. a run's experiment): the input takes one URN, the field one entity. */
  single?: boolean;
  description: string;
  /** The field on the target kind that lists the same edges from the other end. */
  reverse: { field: string; description: string };
  /**
   * The relationship's downstream step when it is lineage; absent when it only groups (a run's
   * experiment). Every declaration of one relationship type must agree.
   */
  lineage?: LineageStep;
  /** Properties its edges carry (see EdgePropertyDeclaration); only on a list (not `single`). */
  properties?: readonly EdgePropertyDeclaration[];
}

/**
 * The names an older release gave a kind, kept for a release (README, "Deprecations"): its
 * EntityType value (accepted wherever types are filtered, meaning this kind), its GraphQL type
 * (kept as an interface of the kind's object type, with the fields it had), its getter, upsert and
 * ingest list (with the older input). Stored data moves to the new names by a migration (0005 for runs).
 */
export interface FormerKind {
  type: string;
  /** The GraphQL type name, e.g. TrainingRun: interface, getter trainingRun, upsertTrainingRun. */
  name: string;
  ingestList: string;
  input: () => Promise<ClassType>;
  /** Stored when the older upsert creates an entity and its input does not say otherwise. */
  onCreate: Readonly<Record<string, string>>;
  noun: string;
  /** What to use instead; the GraphQL deprecation reason. */
  reason: string;
}

/**
 * Everything that varies by kind of entity, in one declaration (src/kinds/<kind>/<kind>.spec.ts):
 * the rest of the server derives its tables, URN parsing, relationship rules, lineage steps,
 * ingest lists and GraphQL operations from the list of declarations in src/kinds/index.ts.
 */
export interface EntityKind {
  /** The EntityType value, e.g. DATASET. */
  type: string;
  /** The Neo4j label beside the shared `Entity` label. */
  label: string;
  /** The DataHub URN; its key fields are stored on the node and are the upsert's key. */
  urn: UrnScheme;
  /** The kind's own stored fields (besides the common ones and the key), by name. */
  fields: Readonly<Record<string, FieldKind>>;
  /** The stored relationships this kind's input sets. */
  relationships: readonly RelationshipDeclaration[];
  /** The name of its list in `ingest(batch: ...)`. */
  ingestList: string;
  /** Names of an older release kept for a release. */
  formerly?: FormerKind;
  /**
   * A default stored when the entity is created and its input leaves the field out (e.g. a run's
   * type); later upserts that leave it out leave it alone.
   */
  onCreate?: Readonly<Record<string, string>>;
  /**
   * The input fields that say something about columns (src/model/columns.ts): `schema` names the
   * stored field whose list the dataset's column nodes follow, `lineage` the field with the column
   * lineage of its columns (OpenLineage's columnLineage facet), `reads` the field naming columns the
   * entity reads (a feature's sources, a model's input signature).
   */
  columns?: { schema?: string; lineage?: string; reads?: string };
  graphql: {
    /**
     * The object type and upsert input classes. Loaded when the schema is built, so that the
     * declarations, and what is derived from them, never load GraphQL classes themselves.
     */
    objectType: () => Promise<ClassType>;
    input: () => Promise<ClassType>;
    /** What one entity is called in the API's descriptions, e.g. "model version" (plural: + "s"). */
    noun: string;
    /** Resolvers of fields only this kind has (e.g. a dataset's consumers). */
    resolvers?: () => Promise<ClassType[]>;
  };
}

/** Declares a kind of entity; keeps its literal types (its EntityType, relationship types...). */
export function defineKind<const K extends EntityKind>(kind: K): K {
  return kind;
}
