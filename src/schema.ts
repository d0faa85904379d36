import 'reflect-metadata';
import { GraphQLScalarType, lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { validateArgument } from './errors/validate-input';
import './modules/entities/graphql/enums';
import { datasetResolvers } from './modules/datasets';
import { deploymentResolvers } from './modules/deployments';
import { experimentResolvers } from './modules/experiments';
import { featureTableResolvers } from './modules/feature-tables';
import { featureResolvers } from './modules/features';
import { modelGroupResolvers } from './modules/model-groups';
import { modelResolvers } from './modules/models';
import { trainingRunResolvers } from './modules/training-runs';
import { queryResolvers } from './modules/queries';
import { ServerInfoResolver } from './modules/system/server-info.resolver';
import { aliasResolvers } from './modules/aliases';
import { ingestResolvers } from './modules/ingest';
import { lifecycleResolvers } from './modules/lifecycle';
import { linkResolvers } from './modules/links';
import { lineageResolvers } from './modules/lineage';
import { TokenResolver } from './auth/token.resolver';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const RESOLVERS: NonEmptyArray<Function> = [
  ServerInfoResolver,
  TokenResolver,
  ...datasetResolvers,
  ...featureResolvers,
  ...featureTableResolvers,
  ...modelGroupResolvers,
  ...modelResolvers,
  ...experimentResolvers,
  ...trainingRunResolvers,
  ...deploymentResolvers,
  ...linkResolvers,
  ...aliasResolvers,
  ...lifecycleResolvers,
  ...ingestResolvers,
  ...queryResolvers,
  ...lineageResolvers,
];

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
 * errors named by argument path (see validate-input.ts).
 */
export function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers: RESOLVERS, validateFn: validateArgument, scalarsMap: [{ type: Date, scalar: DateTime }] });
}

/** The SDL committed as schema/schema.graphql: sorted, so diffs show real changes only. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
