import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { Context } from '../context';
import { ErrorCode } from '../errors/error-code';
import { estimateCost, MAX_COST_NODES } from '../limits/cost';

export interface QueryLimits {
  /** Highest allowed estimated cost (src/limits/cost.ts; the numbers are declared with the fields). */
  maxCost: number;
  /** Largest answer, in bytes of JSON (see response-size.plugin.ts); DEFAULT_MAX_RESPONSE_BYTES when absent. */
  maxResponseBytes?: number;
}

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
            cost = estimateCost(schema, document, request.variables ?? {}, operationName ?? undefined);
          } catch (err) {
            if (err instanceof GraphQLError && /maximum allowed number of nodes/.test(err.message)) {
              throw tooComplex(`The query selects more fields than the cost check reads (${MAX_COST_NODES}); ask for less.`, { maxCost: limits.maxCost });
            }
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

