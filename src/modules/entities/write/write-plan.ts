import type { Principal } from '../../../auth/role';
import type { EntityType } from '../../../model/entity-type';
import type { ColumnWrite } from '../../../model/columns';
import type { StoredValue } from '../../../model/encode';
import type { RelationField, RelationshipType } from '../../../model/relationship-type';

/** One entity to create or update, already validated and encoded. */
export interface EntityWrite {
  type: EntityType;
  urn: string;
  /** Set only when the entity is created: type, key fields, initial status. */
  createOnly: Record<string, StoredValue>;
  /** Fields the input provided (null clears); absent fields are left alone. */
  fields: Record<string, StoredValue>;
  /**
   * Relationship sets the input provided; each replaces the stored set. With `properties` (from
   * `<field>Edges`) each target's edge must carry exactly those edge properties (an open edge that
   * carries others is closed and opened again); without, open edges are kept as they are.
   */
  relations: { spec: RelationField; targets: string[]; properties?: Map<string, EdgeProps> }[];
  /** What the input says about columns (schema, column lineage, columns read); absent parts are left alone. */
  columns?: ColumnWrite;
  /** Where this entity sits in the request, for error messages (e.g. "input", "batch.models.3"). */
  path: string;
  /**
   * When the facts of this write became true (its eventTime, checked by eventTimeOf): the edges it
   * opens or closes and its history record take it. Absent: the write's own time.
   */
  at?: Date;
  /**
   * Decides `fields` against what is stored (null: nothing yet), inside the transaction and after
   * the entity's lock, for writes whose outcome must not depend on the order they arrive in (e.g.
   * a run's state from events: a late START never moves a finished run back). Absent: `fields`.
   */
  resolveFields?: (stored: Readonly<Record<string, unknown>> | null) => Record<string, StoredValue>;
}

/** One edge to open (link) or close (unlink). */
export interface LinkWrite {
  from: string;
  type: RelationshipType;
  to: string;
  op: 'link' | 'unlink';
  path: string;
  /** Edge properties the link sets (an open edge with others is closed and opened again); absent: kept. */
  properties?: EdgeProps;
  /** When the edge opened (or closed), see EntityWrite.at. */
  at?: Date;
}

/** The declared properties of one edge, by name (absent: not recorded). */
export type EdgeProps = Record<string, string>;

export interface WriteOptions {
  /** Principal recorded as createdBy/updatedBy and in history. */
  actor: string;
  /**
   * Who asks, for the rules that depend on the role (changing an ARCHIVED entity needs ADMIN).
   * Absent: an in-process caller with every right (scripts, benchmarks, test seeding).
   */
  principal?: Principal;
  /** Who asserted the change: api, batch, ... (stored on edges and history). */
  source: string;
  /** Validate and report without writing anything. */
  dryRun?: boolean;
}

/** A problem that did not stop the write (e.g. a deprecated input), sent in the response extensions. */
export interface WriteWarning {
  code: string;
  message: string;
  urn: string;
  field: string;
}

export interface WriteOutcome {
  created: string[];
  updated: string[];
  unchanged: string[];
  warnings: WriteWarning[];
  dryRun: boolean;
}

/** One field's change, as recorded in history. */
export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}
