import { BadUserInputError } from '../../errors/errors';
import { DEFAULT_ENV } from '../../model/env';
import type { EntityType } from '../../model/entity-type';
import { buildUrn, parseUrn, urnFormatOf, urnSchemeOf } from '../../model/urn';
import { checkKeyInput } from '../../model/urn-scheme';

/**
 * The URN of `type` from `parts`, checked as an upsert checks its key fields (env defaults to
 * PROD); BAD_USER_INPUT naming the part that is missing, wrong, or not one of the type's.
 */
export function urnFromParts(type: EntityType, parts: Record<string, string | undefined>): { urn: string; type: EntityType; format: string } {
  const scheme = urnSchemeOf(type);
  const fields = scheme.key.map((slot) => slot.field);
  const format = urnFormatOf(type);
  for (const [field, value] of Object.entries(parts)) {
    if (value != null && !fields.includes(field)) {
      throw new BadUserInputError(`${type} URNs (${format}) have no ${field} part; their parts are ${fields.join(', ')}`, `parts.${field}`);
    }
  }
  const key: Record<string, string> = {};
  for (const slot of scheme.key) {
    const value = slot.kind === 'env' ? (parts[slot.field] ?? DEFAULT_ENV) : parts[slot.field];
    const problem = checkKeyInput(slot, value, parseUrn);
    if (problem) throw new BadUserInputError(`${problem} (${type} URNs are ${format})`, `parts.${slot.field}`);
    key[slot.field] = value as string;
  }
  return { urn: buildUrn(type, key), type, format };
}
