import { GraphQLInterfaceType, type GraphQLSchema } from 'graphql';
import { KINDS } from '../../../kinds';
import type { EntityType } from '../../../model/entity-type';
import { objectTypeNameOf } from './entity-classes';

/**
 * Makes the entity interfaces (`Entity`, and the interfaces of former kinds, which extend it) pick
 * an entity's object type synchronously, by its `type`, on the built schema. type-graphql wraps a
 * declared `resolveType` in an async function, so every value of an interface type (an impact
 * item's entity, each hop's two ends, each node of a page) became a promise that graphql-js waited
 * for, and each list and object holding one waited in turn: thousands of promises on a page of 500
 * impact items. The decision is the one the declarations make (entity.interface.ts, run.type.ts).
 * Call once on the schema buildSchema returns; throws when a kind's object type is missing.
 */
export function resolveEntityInterfacesSynchronously(schema: GraphQLSchema): void {
  const names = new Map<string, string>();
  for (const kind of KINDS) {
    const name = objectTypeNameOf(kind.type as EntityType);
    if (!schema.getType(name)) throw new Error(`the object type ${name} of ${kind.type} is not in the schema`);
    names.set(kind.type, name);
  }
  const byType = (value: { type?: unknown }) => (typeof value?.type === 'string' ? names.get(value.type) : undefined);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLInterfaceType)) continue;
    if (type.name === 'Entity' || type.getInterfaces().some((i) => i.name === 'Entity')) type.resolveType = byType;
  }
}
