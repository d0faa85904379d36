import type { ApolloServerPlugin } from '@apollo/server';
import { getNullableType, GraphQLError, isListType, type GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import type { Context } from '../context';
import { ErrorCode } from '../errors/error-code';

export interface QueryLimits {
  /** Highest allowed estimated cost (see `costEstimator`). */
  maxCost: number;
}

/** Assumed length of a list field called without `first` (relationship lists). */
export const UNBOUNDED_LIST_FACTOR = 10;

/** Items assumed for a page (connection, lineage result) called without `first` (the usual page size). */
export const ASSUMED_PAGE = 50;

/** Types whose item lists are already counted by the `first` of the field that returns them. */
const PAGE_TYPE = /(Connection|Result)$/;

/**
 * Cost of a field: 1, plus its selection's cost times how many items it returns — its `first` when
 * given; ASSUMED_PAGE for a page without `first`; UNBOUNDED_LIST_FACTOR for other lists; 1 for
 * single values and for the item lists of a page (`edges`, `items`), which its `first` counted.
 */
export const costEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const list = isListType(getNullableType(field.type));
  if (typeof args.first === 'number') return 1 + childComplexity * Math.max(1, args.first);
  if (!list && field.args.some((a) => a.name === 'first')) return 1 + childComplexity * ASSUMED_PAGE;
  return 1 + childComplexity * (list && !PAGE_TYPE.test(type.name) ? UNBOUNDED_LIST_FACTOR : 1);
};

function tooComplex(message: string, extra: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limit: 'cost', http: { status: 400 }, ...extra } });
}

/**
 * Refuses operations estimated costlier than `maxCost`, before any resolver runs (so before
 * anything reaches Neo4j), with QUERY_TOO_COMPLEX. Depth is graphql-armor's (validation-limits.ts).
 */
export function limitsPlugin(schema: GraphQLSchema, limits: QueryLimits): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, operationName }) {
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: document,
              variables: request.variables ?? {},
              operationName: operationName ?? undefined,
              estimators: [costEstimator],
            });
          } catch {
            // The variables do not fit their types: execution rejects them before any resolver
            // runs, with BAD_USER_INPUT naming the field, so there is no cost to check.
            return;
          }
          if (cost > limits.maxCost) {
            throw tooComplex(
              `The query's estimated cost ${cost} exceeds the allowed ${limits.maxCost}; ask for fewer items (first) or fewer nested lists.`,
              { cost, maxCost: limits.maxCost },
            );
          }
        },
      };
    },
  };
}

