import { GraphQLObjectType, type GraphQLSchema } from 'graphql';
import type { Context } from '../../../context';

/** A field's handler as its resolver class declares it: root, context, then its arguments in order (and the resolve info). */
export type FieldHandler = (root: never, ctx: Context, ...args: never[]) => unknown;

/**
 * Lets graphql-js call `handler` itself for `typeName.field` of the built schema, with the field's
 * arguments `argNames` in that order. type-graphql resolves each call of a field by building its
 * parameter list (sorted on every call), turning a root that is not an instance of the class into
 * one, and validating each argument in an async function (a promise per argument, gathered with
 * Promise.all); on an answer with thousands of such fields that machinery cost more than the
 * fields. Only for fields where it has nothing to do: the root is used as it is, the arguments are
 * scalars the handler checks itself (class-validator checks only input objects), and the schema has
 * no middlewares or auth checker. The declaration (SDL, description, complexity) stays
 * type-graphql's. Throws when the schema has no such field.
 */
export function resolveDirectly(schema: GraphQLSchema, typeName: string, field: string, handler: FieldHandler, argNames: readonly string[] = []): void {
  const type = schema.getType(typeName);
  const config = type instanceof GraphQLObjectType ? type.getFields()[field] : undefined;
  if (!config) throw new Error(`${typeName}.${field} is not in the schema`);
  const call = handler as (root: unknown, ctx: Context, ...args: unknown[]) => unknown;
  // The handler gets the field's resolve info after its arguments (relationship lists read ahead
  // from it what their entities' fields select: lookahead.ts).
  config.resolve =
    argNames.length === 0
      ? (root, _args, ctx: Context, info) => call(root, ctx, info)
      : (root, args: Record<string, unknown>, ctx: Context, info) => call(root, ctx, ...argNames.map((a) => args[a]), info);
}
