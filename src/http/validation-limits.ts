import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';
import { LimitError } from '../errors/errors';

/** Limits graphql-armor checks during validation (see README.md, "Security"). */
export interface ValidationLimits {
  /** Deepest allowed selection nesting (MAX_QUERY_DEPTH): an operation's top fields are level 0. */
  maxDepth: number;
  /** Most aliases in one operation, fragments included (MAX_QUERY_ALIASES). */
  maxAliases: number;
  /** Most directives in one operation, fragments included (MAX_QUERY_DIRECTIVES). */
  maxDirectives: number;
}

/** What a rule does with a refusal: report it as a validation error, or throw it (ending validation). */
export type OnRefusal = 'report' | 'throw';

/**
 * graphql-armor's max-aliases, max-directives and max-depth rules, refusing with a LimitError
 * (QUERY_TOO_COMPLEX with the limit's name). Its rules count fragments once each (no exponential
 * walk over fragment spreads, which graphql-depth-limit had). The front door runs them on their own
 * with `onRefusal: 'throw'`, so a refusal ends there, before the full validation; Apollo runs them
 * again in its validation ('report'), for callers that do not come through HTTP. Its token limit is not used: the operation check
 * (operation-check.ts) and Apollo's `parseOptions.maxTokens` bound tokens with one parse, where
 * armor's Apollo plugin parses every query a second time. Its cost limit is not used either
 * (limits.plugin.ts has mlgraph's own cost model), nor its suggestion masking, which misses
 * graphql-js's enum-value hints (format-error.ts removes every hint).
 */
export function validationLimitRules(limits: ValidationLimits, onRefusal: OnRefusal = 'report'): ValidationRule[] {
  // `offset` turns armor's count (in its message) into ours
  const refuse = (limit: string, message: string, extra: Record<string, unknown>, offset = 0) => (ctx: ValidationContext | null, err: GraphQLError) => {
    const count = Number(/found (\d+)/.exec(err.message)?.[1]);
    const error = new LimitError(message, limit, Number.isFinite(count) ? { ...extra, found: count + offset } : extra);
    if (onRefusal === 'throw') throw error;
    ctx?.reportError(error);
  };
  const armor = new ApolloArmor({
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: false },
    maxAliases: {
      n: limits.maxAliases,
      propagateOnRejection: false,
      onReject: [refuse('aliases', `The operation uses more than the allowed ${limits.maxAliases} aliases.`, { maxAliases: limits.maxAliases })],
    },
    maxDirectives: {
      n: limits.maxDirectives,
      propagateOnRejection: false,
      onReject: [refuse('directives', `The operation uses more than the allowed ${limits.maxDirectives} directives.`, { maxDirectives: limits.maxDirectives })],
    },
    maxDepth: {
      // armor counts an operation's top fields as depth 1; MAX_QUERY_DEPTH has always counted them as 0
      n: limits.maxDepth + 1,
      flattenFragments: true,
      ignoreIntrospection: true,
      propagateOnRejection: false,
      onReject: [refuse('depth', `The query is nested deeper than the allowed ${limits.maxDepth} levels.`, { maxDepth: limits.maxDepth }, -1)],
    },
  });
  return armor.protect().validationRules ?? [];
}
