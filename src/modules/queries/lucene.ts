import { BadUserInputError } from '../../errors/errors';

/** Longest search text accepted, in characters. */
export const MAX_QUERY_LENGTH = 500;
/** Most words a search may have: each becomes six Lucene clauses (two forms x three fields), well under Lucene's 1024. */
export const MAX_QUERY_WORDS = 32;

const PLAIN_WORD = /^[\p{L}\p{N}_]+$/u;
const HAS_WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * Turns what a user typed into a Lucene query for the `entity_search` full-text index, such that
 * no input can make Lucene fail to parse it. The user's syntax is not interpreted: every word must
 * match (AND), in any indexed field.
 *
 * - A plain word (letters, digits, `_`) matches as a whole word or as the start of one
 *   (`churn` finds "churn" and "churn.model_v2"); a whole-word hit scores higher, since it matches
 *   both forms. Operators typed as words (`OR`, `AND`, `NOT`) are lowercased, which makes them
 *   ordinary words.
 * - Any other word (`foo-bar`, `v1.2`, `"x`) is a quoted phrase with `"` and `\` escaped, so
 *   Lucene's analyzer splits it exactly as it split the indexed text and special characters are
 *   never syntax.
 * - Words without a letter or digit (`*`, `(`, `\`) are dropped; returns null when none is left,
 *   and the caller answers with no hits.
 *
 * Throws BAD_USER_INPUT on `field` for text longer than MAX_QUERY_LENGTH or with more than
 * MAX_QUERY_WORDS words.
 */
export function toLuceneQuery(text: string, field = 'query'): string | null {
  if (text.length > MAX_QUERY_LENGTH) {
    throw new BadUserInputError(`${field} is longer than ${MAX_QUERY_LENGTH} characters`, field);
  }
  const words = text.split(/\s+/u).filter((w) => HAS_WORD_CHARACTER.test(w));
  if (words.length > MAX_QUERY_WORDS) throw new BadUserInputError(`${field} has more than ${MAX_QUERY_WORDS} words`, field);
  if (!words.length) return null;
  return words.map(clause).join(' AND ');
}

function clause(word: string): string {
  if (PLAIN_WORD.test(word)) {
    const w = word.toLowerCase();
    return `(${w} OR ${w}*)`;
  }
  return `"${word.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}
