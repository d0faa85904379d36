import { registerDecorator, type ValidationOptions } from 'class-validator';
import type { EntityType } from '../../model/entity-type';
import { parseUrn } from '../../model/urn';

/**
 * class-validator rule: the value is a URN of an entity of `type` (e.g. a dataset URN), whether or
 * not that entity is stored. Refused values read "<field> must be the URN of a DATASET".
 */
export function IsUrnOf(type: EntityType, options?: ValidationOptions): PropertyDecorator {
  return (target, key) =>
    registerDecorator({
      name: 'isUrnOf',
      target: target.constructor,
      propertyName: String(key),
      constraints: [type],
      options: { message: `${String(key)} must be the URN of a ${type}`, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && value.length <= 2048 && parseUrn(value)?.type === type },
    });
}
