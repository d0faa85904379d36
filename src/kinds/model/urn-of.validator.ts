import { ValidateBy } from 'class-validator';
import type { EntityType } from '../../model/entity-type';
import { parseUrn, urnFormatOf, urnProblem } from '../../model/urn';

/** Why `value` is not a URN of `type`, in words for the person who sent it; null when it is one. */
function urnOfProblem(type: EntityType, field: string, value: unknown): string | null {
  const expected = `${field} takes ${type} URNs (${urnFormatOf(type)})`;
  if (typeof value !== 'string') return expected;
  const parsed = parseUrn(value);
  if (!parsed) return `${expected}: ${urnProblem(value)}`;
  return parsed.type === type ? null : `${expected}; "${value}" is a ${parsed.type} URN`;
}

/**
 * class-validator rule: the value is a URN of an entity of `type` (e.g. a dataset URN), whether or
 * not that entity is stored; the message gives the expected format and the part that is wrong.
 */
export function IsUrnOf(type: EntityType): PropertyDecorator {
  return ValidateBy({
    name: 'isUrnOf',
    constraints: [type],
    validator: {
      validate: (value, args) => urnOfProblem(type, args?.property ?? 'value', value) === null,
      defaultMessage: (args) => urnOfProblem(type, args?.property ?? 'value', args?.value) ?? `must be a ${type} URN`,
    },
  });
}
