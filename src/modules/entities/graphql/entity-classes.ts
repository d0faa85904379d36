import type { ClassType } from 'type-graphql';
import type { EntityType } from '../../../model/entity-type';

// EntityType -> GraphQL object class. Filled by each type's module when it is imported (see
// src/schema.ts), so the interface can resolve concrete types without importing them all here.
const classes = new Map<EntityType, ClassType>();

export function registerEntityClass(type: EntityType, cls: ClassType): void {
  classes.set(type, cls);
}

/** The GraphQL object class of `type`; throws if its module was not loaded. */
export function entityClassOf(type: EntityType): ClassType {
  const cls = classes.get(type);
  if (!cls) throw new Error(`no GraphQL type registered for ${type}`);
  return cls;
}
