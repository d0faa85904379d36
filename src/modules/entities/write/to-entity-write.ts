import { BadUserInputError } from '../../../errors/errors';
import { encodeFields, type StoredValue } from '../../../model/encode';
import { DEFAULT_ENV, EntityType, Status } from '../../../model/entity-type';
import { RELATION_FIELDS } from '../../../model/relationship-type';
import { buildUrn, URN_SPECS, type UrnKey } from '../../../model/urn';
import { keyFieldProblem } from '../graphql/entity-input.base';
import type { EntityWrite } from './write-plan';

/** The URN an upsert input of `type` addresses (key fields; env defaults to PROD). */
export function urnOfInput(type: EntityType, input: Record<string, unknown>, path = 'input'): string {
  const key: UrnKey = {};
  for (const k of URN_SPECS[type].keys) {
    const v = k === 'env' ? ((input.env as string | undefined) ?? DEFAULT_ENV) : input[k];
    if (typeof v !== 'string' || v.length === 0) throw new BadUserInputError(`${k} is required`, `${path}.${k}`);
    const problem = k === 'env' ? null : keyFieldProblem(k, v);
    if (problem) throw new BadUserInputError(problem, `${path}.${k}`);
    (key as Record<string, string>)[k] = v;
  }
  return buildUrn(type, key);
}

/**
 * Turns a validated upsert input into an EntityWrite: URN from the key fields, provided fields
 * encoded for storage, provided relationship fields (URN lists) as replacement sets.
 */
export function toEntityWrite(type: EntityType, input: Record<string, unknown>, path = 'input'): EntityWrite {
  const urn = urnOfInput(type, input, path);
  const createOnly: Record<string, StoredValue> = { type, status: Status.ACTIVE };
  for (const k of URN_SPECS[type].keys) {
    createOnly[k] = k === 'env' ? ((input.env as string | undefined) ?? DEFAULT_ENV) : (input[k] as string);
  }
  const fields = encodeFields(type, input);
  if (input.owners !== undefined) {
    // Derived, for the owner filter of lists; not part of history (see DERIVED_FIELDS).
    fields.ownerIds = input.owners === null ? null : (input.owners as { id: string }[]).map((o) => o.id);
  }
  const relations = RELATION_FIELDS[type]
    .filter((spec) => spec.input && input[spec.field] !== undefined)
    .map((spec) => {
      const v = input[spec.field] as string | string[] | null;
      const targets = v === null ? [] : Array.isArray(v) ? v : [v];
      return { spec, targets: [...new Set(targets)] };
    });
  return { type, urn, createOnly, fields, relations, path };
}
