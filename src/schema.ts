import 'reflect-metadata';
import { GraphQLScalarType, lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { buildSchema, type ClassType, type NonEmptyArray } from 'type-graphql';
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
  const schema = await buildSchema({ resolvers: await resolvers(), validateFn: validateArgument, scalarsMap: [{ type: Date, scalar: DateTime }] });
  resolveEntityInterfacesSynchronously(schema);
  resolveRelationFieldsDirectly(schema);
  resolveLineageFieldsDirectly(schema);
  return schema;
}

/** The SDL committed as schema/schema.graphql: sorted, so diffs show real changes only. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
