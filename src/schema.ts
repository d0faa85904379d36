import 'reflect-metadata';
import { GraphQLScalarType, lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { buildSchema, getMetadataStorage, type ClassType, type NonEmptyArray } from 'type-graphql';
import { validateArgument } from './errors/validate-input';
import './modules/entities/graphql/enums';
import { entityResolvers } from './modules/entities/graphql/entity.resolver';
import { resolveRelationFieldsDirectly } from './modules/entities/graphql/relation-fields.resolver';
import { resolveLineageFieldsDirectly } from './modules/lineage/lineage-fields.resolver';
import { resolveEntityInterfacesSynchronously } from './modules/entities/graphql/type-resolution';
import { queryResolvers } from './modules/queries';
import { ServerInfoResolver } from './modules/system/server-info.resolver';
import { aliasResolvers } from './modules/aliases';
import { ingestResolvers } from './modules/ingest';
import { declareFormerIngestLists } from './modules/ingest/ingest-batch.input';
import { lifecycleResolvers } from './modules/lifecycle';
import { linkResolvers } from './modules/links';
import { lineageResolvers } from './modules/lineage';
import { urnResolvers } from './modules/urns';
import { TokenResolver } from './auth/token.resolver';

/** Every resolver of the schema; those of the kinds of entity come from their declarations. */
async function resolvers(): Promise<NonEmptyArray<ClassType>> {
  const kinds = await entityResolvers();
  await declareFormerIngestLists();
  return [
    ServerInfoResolver,
    TokenResolver,
    ...kinds,
    ...linkResolvers,
    ...aliasResolvers,
    ...lifecycleResolvers,
    ...ingestResolvers,
    ...queryResolvers,
    ...lineageResolvers,
    ...urnResolvers,
  ];
}

/**
 * graphql-scalars' DateTime (RFC 3339), the scalar the API documents (e.g. `lineage(asOf: DateTime)`),
 * answering with the ISO string itself (its own serializer hands back a Date object).
 */
const DateTime = new GraphQLScalarType({
  ...DateTimeResolver.toConfig(),
  serialize: (value) => (DateTimeResolver.serialize(value) as Date).toISOString(),
});

/**
 * Builds the executable schema; inputs are validated with class-validator before resolvers run,
 * errors named by argument path (see validate-input.ts). The hottest fields of answers (entity
 * interfaces, relationship lists, lineage entities) are then resolved without type-graphql's
 * per-call machinery (see resolveDirectly), answering the same.
 */
export async function createSchema(): Promise<GraphQLSchema> {
  const all = await resolvers();
  resolvePlainFieldsByDefault();
  const schema = await buildSchema({ resolvers: all, validateFn: validateArgument, scalarsMap: [{ type: Date, scalar: DateTime }] });
  resolveEntityInterfacesSynchronously(schema);
  resolveRelationFieldsDirectly(schema);
  resolveLineageFieldsDirectly(schema);
  return schema;
}

/**
 * Marks every declared field that is read straight from its object (no field resolver, no
 * middleware, stored under its schema name) as type-graphql's `simple` field: type-graphql would
 * otherwise give each such field a resolver of its own (an object and a middleware chain per
 * call), and graphql-jit, seeing a resolver, builds a resolve info for each call and awaits what it
 * returns. Without one the field is a property read, as graphql-js's default resolver does it.
 * The fields with a field resolver keep it (type-graphql ignores `simple` there).
 */
function resolvePlainFieldsByDefault(): void {
  for (const field of getMetadataStorage().fields) {
    if (field.simple === undefined && !field.middlewares?.length && field.name === field.schemaName) field.simple = true;
  }
}

/** The SDL committed as schema/schema.graphql: sorted, so diffs show real changes only. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
