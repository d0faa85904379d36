import type { ClassType } from 'type-graphql';
import { KINDS } from '../../../kinds';
import type { EntityType } from '../../../model/entity-type';

// EntityType -> its GraphQL classes, loaded from the declarations by loadEntityClasses.
const classes = new Map<string, { objectType: ClassType; input: ClassType }>();

/** Loads every kind's object type and upsert input classes; call (and await) before building the schema. */
export async function loadEntityClasses(): Promise<void> {
  for (const kind of KINDS) {
    if (!classes.has(kind.type)) classes.set(kind.type, { objectType: await kind.graphql.objectType(), input: await kind.graphql.input() });
  }
}

/** The GraphQL object class of `type`; throws if loadEntityClasses has not run. */
export function entityClassOf(type: EntityType): ClassType {
  return loaded(type).objectType;
}

/** The upsert input class of `type`; throws if loadEntityClasses has not run. */
export function inputClassOf(type: EntityType): ClassType {
  return loaded(type).input;
}

function loaded(type: EntityType) {
  const found = classes.get(type);
  if (!found) throw new Error(`the GraphQL classes of ${type} are not loaded (loadEntityClasses)`);
  return found;
}
