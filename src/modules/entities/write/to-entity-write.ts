import { BadUserInputError } from '../../../errors/errors';
import { encodeFields, type StoredValue } from '../../../model/encode';
import { DEFAULT_ENV } from '../../../model/env';
import { kindOf, Status, type EntityType } from '../../../model/entity-type';
import { RELATION_FIELDS } from '../../../model/relationship-type';
import { buildUrn, parseUrn, urnSchemeOf } from '../../../model/urn';
import { checkKeyInput } from '../../../model/urn-scheme';
import type { EdgeProps, EntityWrite } from './write-plan';
import { edgePropsOf } from './write-checks';
import { columnWriteOf } from '../../columns/column-input';
import { eventTimeOf } from './event-time';

/** An element of a `<field>Edges` input (see RelatedEdgeInput). */
interface RelatedEdgeInput {
  urn: string;
  properties?: Record<string, unknown> | null;
}

/**
 * The key fields of an upsert input of `type`, in URN order (env defaults to PROD); BAD_USER_INPUT
 * naming the first that cannot be part of a URN.
 */
function keyOfInput(type: EntityType, input: Record<string, unknown>, path: string): Record<string, string> {
  const key: Record<string, string> = {};
  for (const slot of urnSchemeOf(type).key) {
    const v = slot.kind === 'env' ? (input[slot.field] ?? DEFAULT_ENV) : input[slot.field];
    const problem = checkKeyInput(slot, v, parseUrn);
    if (problem) throw new BadUserInputError(problem, `${path}.${slot.field}`);
    key[slot.field] = v as string;
  }
  return key;
}

/**
 * Turns a validated upsert input into an EntityWrite: URN from the key fields, provided fields
 * encoded for storage, provided relationship fields (URN lists, or `<field>Edges` with edge
 * properties) as replacement sets. `onCreate` (default: the kind's) gives fields stored when the
 * entity is created and the input leaves them out. The input's `eventTime` (else `defaultAt`) is
 * when its facts became true (BAD_USER_INPUT at `<path>.eventTime` when in the future).
 */
export function toEntityWrite(
  type: EntityType,
  input: Record<string, unknown>,
  path = 'input',
  onCreate: Readonly<Record<string, string>> = kindOf(type).onCreate ?? {},
  defaultAt?: Date,
): EntityWrite {
  const key = keyOfInput(type, input, path);
  const urn = buildUrn(type, key);
  const defaults = Object.fromEntries(Object.entries(onCreate).filter(([field]) => input[field] == null));
  const createOnly: Record<string, StoredValue> = { type, status: Status.ACTIVE, ...key, ...defaults };
  const fields = encodeFields(type, input);
  if (input.owners !== undefined) {
    // Derived, for the owner filter of lists; not part of history (see DERIVED_FIELDS).
    fields.ownerIds = input.owners === null ? null : (input.owners as { id: string }[]).map((o) => o.id);
  }
  const relations: EntityWrite['relations'] = RELATION_FIELDS[type]
    .filter((spec) => spec.input && input[spec.field] !== undefined)
    .map((spec) => {
      const v = input[spec.field] as string | string[] | null;
      const targets = v === null ? [] : Array.isArray(v) ? v : [v];
      return { spec, targets: [...new Set(targets)] };
    });
  for (const spec of RELATION_FIELDS[type]) {
    const edges = spec.input && spec.edgesField ? (input[spec.edgesField] as RelatedEdgeInput[] | null | undefined) : undefined;
    if (edges === undefined) continue;
    const at = `${path}.${spec.edgesField}`;
    if (input[spec.field] !== undefined) throw new BadUserInputError(`give ${spec.field} or ${spec.edgesField}, not both`, at);
    const properties = new Map<string, EdgeProps>();
    (edges ?? []).forEach((e, i) => properties.set(e.urn, edgePropsOf(e.properties, spec.properties, spec.type, `${at}.${i}.properties`)));
    relations.push({ spec, targets: [...properties.keys()], properties });
  }
  const at = eventTimeOf(input.eventTime, `${path}.eventTime`) ?? defaultAt;
  return { type, urn, createOnly, fields, relations, columns: columnWriteOf(type, input), path, ...(at && { at }) };
}
