import { getNamedType, type GraphQLResolveInfo } from 'graphql';
import { validate, ValidationError, type ValidatorOptions } from 'class-validator';
import { ArgumentValidationError, getMetadataStorage, type ValidatorFn } from 'type-graphql';
import { malformedTextError } from './errors';
import { memoizeRuleLookup } from './validation-rules-memo';

memoizeRuleLookup();

// type-graphql's own defaults: absent (or null) fields skip their checks; GraphQL already enforces
// non-null fields.
const OPTIONS: ValidatorOptions = { skipMissingProperties: true, forbidUnknownValues: false };

/**
 * type-graphql's `validateFn`: runs class-validator on an object argument and reports its errors
 * under the argument's name, so `extensions.field` reads `input.name` or `batch.models.3.name`, the
 * same paths the writer uses for its own BAD_USER_INPUT errors. Throws ArgumentValidationError.
 */
export const validateArgument: ValidatorFn = async (argValue, argType, { info }) => {
  if (argValue === null || typeof argValue !== 'object') return;
  if (validationOff(argType, info)) return;
  const name = argumentName(argType, info);
  const malformed = findMalformedText(argValue, name ?? '');
  if (malformed !== null) throw malformedTextError(malformed);
  const items: unknown[] = Array.isArray(argValue) ? argValue : [argValue];
  const errors: ValidationError[] = [];
  for (const [i, item] of items.entries()) {
    if (item === null || typeof item !== 'object') continue;
    const found = await validate(item, OPTIONS);
    if (!found.length) continue;
    errors.push(...(Array.isArray(argValue) ? [nest(String(i), found, item)] : found));
  }
  if (!errors.length) return;
  throw new ArgumentValidationError(name ? [nest(name, errors, argValue)] : errors);
};

/** `@Arg(name, { validate: false })` (or @Args): the resolver validates that argument itself. */
function validationOff(argType: unknown, info: GraphQLResolveInfo): boolean {
  return getMetadataStorage().params.some(
    (p) =>
      (p.kind === 'arg' || p.kind === 'args') &&
      p.methodName === info.fieldName &&
      p.validateSettings === false &&
      p.getType() === argType,
  );
}

function nest(property: string, children: ValidationError[], value: unknown): ValidationError {
  return Object.assign(new ValidationError(), { property, children, value });
}

/**
 * The name of the field argument whose input type is `argType`; undefined for @Args() classes,
 * whose properties already are the argument names.
 */
function argumentName(argType: unknown, info: GraphQLResolveInfo): string | undefined {
  const typeName = getMetadataStorage().inputTypes.find((t) => t.target === argType)?.name;
  if (!typeName) return undefined;
  const field = info.parentType.getFields()[info.fieldName];
  return field?.args.find((a) => getNamedType(a.type).name === typeName)?.name;
}

/**
 * Path of the first string in `value` that is not well-formed Unicode (an unpaired surrogate), or
 * null. Such text cannot be stored as UTF-8 without being changed, so it is refused, not mangled.
 */
export function findMalformedText(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.isWellFormed() ? null : path;
  if (value === null || typeof value !== 'object' || value instanceof Date) return null;
  for (const [k, v] of Object.entries(value)) {
    const found = findMalformedText(v, path ? `${path}.${k}` : k);
    if (found !== null) return found;
  }
  return null;
}
