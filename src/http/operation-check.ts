import {
  getOperationAST,
  Kind,
  Lexer,
  parse,
  Source,
  TokenKind,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';
import { LimitError } from '../errors/errors';

/** Limits checked before GraphQL validation runs (see README.md, "Security"). */
export interface OperationLimits {
  /** Most lexical tokens in the query text (MAX_QUERY_TOKENS). */
  maxTokens: number;
  /** Most fields selected again where the operation already selects them (MAX_REPEATED_FIELDS). */
  maxRepeatedFields: number;
  /** Most selections once fragments are expanded (MAX_QUERY_SELECTIONS). */
  maxSelections: number;
}

export interface Refusal {
  status: number;
  code: 'QUERY_TOO_COMPLEX' | 'BAD_REQUEST';
  message: string;
  /** Which limit refused it (QUERY_TOO_COMPLEX only), e.g. "tokens". */
  limit?: string;
  extensions?: Record<string, unknown>;
}

const tooComplex = (limit: string, message: string, extensions: Record<string, unknown>): Refusal => ({
  status: 400,
  code: 'QUERY_TOO_COMPLEX',
  limit,
  message,
  extensions,
});

/** Validation rules to run here, on their own, before the full validation (graphql-armor's limits). */
export interface EarlyRules {
  schema: GraphQLSchema;
  /** Rules that throw a LimitError to refuse (validationLimitRules(limits, 'throw')). */
  rules: ValidationRule[];
}

/**
 * Checks a query's text before GraphQL parses it for good and validates it, in time linear in the
 * text and bounded by the limits: more than `maxTokens` tokens, a subscription (this server has
 * none), too many repeated fields or too many selections once fragments are expanded are refused,
 * then `early` rules run. Returns null when the text passes, and also when it is not valid GraphQL:
 * Apollo then reports that with its usual error. Never throws.
 *
 * Why repeated fields are counted here rather than left to validation: graphql-js's
 * OverlappingFieldsCanBeMerged compares every pair of fields that answer under the same response
 * key, so `{ a a a ... }` costs the square of its length (2,000 copies of one field took 2 s, 10,000
 * took 54 s of one core), and nested copies multiply. No token limit that admits ordinary queries
 * keeps that small (graphql-armor's default of 1,000 tokens still lets through ~1,000 copies, about
 * a second), and graphql-armor's other rules, run in Apollo's validation, only report their errors:
 * the same pass goes on into the overlap rule. Counting fields that repeat an already selected
 * response path bounds that work: r repeats make at most r^2 pairs (100 repeats: at most 10,000
 * pairs, about 20 ms).
 */
export function checkOperation(
  query: string,
  operationName: string | null | undefined,
  limits: OperationLimits,
  early?: EarlyRules,
): Refusal | null {
  const tokens = countTokens(query, limits.maxTokens);
  if (tokens === null) return null;
  if (tokens > limits.maxTokens) {
    return tooComplex('tokens', `The query has more than the allowed ${limits.maxTokens} tokens; send values as variables, or split the query.`, {
      maxTokens: limits.maxTokens,
    });
  }
  let document: DocumentNode;
  try {
    document = parse(query, { noLocation: true });
  } catch (err) {
    // graphql-js parses recursively: a few thousand nested selections overflow the stack
    if (err instanceof RangeError || /call stack/i.test(String((err as Error)?.message))) return nestedTooDeep();
    return null;
  }
  if (getOperationAST(document, operationName)?.operation === 'subscription') {
    return { status: 400, code: 'BAD_REQUEST', message: 'This server has no subscriptions; poll with a query instead.' };
  }
  return countSelections(document, limits) ?? (early ? runEarly(document, early) : null);
}

/** The first refusal of `early.rules`; validation errors of other kinds are Apollo's to report. */
function runEarly(document: DocumentNode, early: EarlyRules): Refusal | null {
  try {
    validate(early.schema, document, early.rules);
    return null;
  } catch (err) {
    if (!(err instanceof LimitError)) return null;
    const { code: _code, limit, http: _http, ...extensions } = err.extensions;
    return tooComplex(String(limit), err.message, extensions);
  }
}

/** Tokens in `query`, counting no further than max + 1; null when the text does not lex. */
function countTokens(query: string, max: number): number | null {
  try {
    const lexer = new Lexer(new Source(query));
    let n = 0;
    while (n <= max && lexer.advance().kind !== TokenKind.EOF) n++;
    return n;
  } catch {
    return null;
  }
}

/**
 * Walks every definition once, expanding fragment spreads where they are used (a fragment that
 * spreads itself is not expanded again), and stops at the first limit passed. A field repeats when
 * its response key (alias or name) is already selected under the same parent path: those are the
 * pairs validation compares.
 */
function countSelections(document: DocumentNode, limits: OperationLimits): Refusal | null {
  const fragments = new Map<string, SelectionSetNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d.selectionSet);
  const paths = new Map<string, number>();
  const expanding = new Set<string>();
  let selections = 0;
  let repeats = 0;
  let nextPath = 0;

  const walk = (set: SelectionSetNode, parent: number): Refusal | null => {
    for (const s of set.selections) {
      if (++selections > limits.maxSelections) {
        return tooComplex(
          'selections',
          `The query has more than the allowed ${limits.maxSelections} selections once its fragments are expanded.`,
          { maxSelections: limits.maxSelections },
        );
      }
      let refused: Refusal | null = null;
      if (s.kind === Kind.FIELD) {
        const key = `${parent}/${s.alias?.value ?? s.name.value}`;
        let path = paths.get(key);
        if (path === undefined) paths.set(key, (path = nextPath++));
        else if (++repeats > limits.maxRepeatedFields) {
          return tooComplex(
            'repeatedFields',
            `The query selects fields it already selects more than the allowed ${limits.maxRepeatedFields} times; select each field once.`,
            { maxRepeatedFields: limits.maxRepeatedFields },
          );
        }
        if (s.selectionSet) refused = walk(s.selectionSet, path);
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        refused = walk(s.selectionSet, parent);
      } else {
        const name = s.name.value;
        const fragment = fragments.get(name);
        if (fragment && !expanding.has(name)) {
          expanding.add(name);
          refused = walk(fragment, parent);
          expanding.delete(name);
        }
      }
      if (refused) return refused;
    }
    return null;
  };

  try {
    for (const d of document.definitions) {
      if (d.kind !== Kind.OPERATION_DEFINITION && d.kind !== Kind.FRAGMENT_DEFINITION) continue;
      // Validation visits every fragment definition on its own too, used or not.
      const refused = walk(d.selectionSet, nextPath++);
      if (refused) return refused;
    }
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    return nestedTooDeep();
  }
  return null;
}

const nestedTooDeep = () => tooComplex('depth', 'The query is nested too deeply to be parsed.', {});
