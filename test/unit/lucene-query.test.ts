import { MAX_QUERY_WORDS, toLuceneQuery } from '../../src/modules/queries/lucene';

// What reaches Lucene is only ever: (word OR word*) for plain words, or a quoted phrase with " and \
// escaped, joined by AND. Anything matching this grammar parses.
const CLAUSE = String.raw`(?:\([\p{L}\p{N}_]+ OR [\p{L}\p{N}_]+\*\)|"(?:[^"\\]|\\["\\])*")`;
const GRAMMAR = new RegExp(`^${CLAUSE}(?: AND ${CLAUSE})*$`, 'u');

describe('toLuceneQuery', () => {
  it('matches plain words whole or as a prefix, and requires every word', () => {
    expect(toLuceneQuery('Churn model')).toBe('(churn OR churn*) AND (model OR model*)');
    expect(toLuceneQuery('  store_size  ')).toBe('(store_size OR store_size*)');
  });

  it('turns operators into ordinary words', () => {
    expect(toLuceneQuery('foo OR (')).toBe('(foo OR foo*) AND (or OR or*)');
    expect(toLuceneQuery('NOT AND')).toBe('(not OR not*) AND (and OR and*)');
  });

  it('quotes words with other characters, escaping quotes and backslashes', () => {
    expect(toLuceneQuery('fraud-detector v1.2')).toBe('"fraud-detector" AND "v1.2"');
    expect(toLuceneQuery('"unterminated')).toBe('"\\"unterminated"');
    expect(toLuceneQuery('a\\"b')).toBe('"a\\\\\\"b"');
    expect(toLuceneQuery('title:[a TO z]')).toBe('"title:[a" AND (to OR to*) AND "z]"');
  });

  it('drops words without letters or digits, and is null when nothing is left', () => {
    for (const q of ['', '   ', '*', '\\', '?', '( ) " ~ ^', '+-&&||!(){}[]^"~*?:\\/']) expect(toLuceneQuery(q)).toBeNull();
    expect(toLuceneQuery('* model ?')).toBe('(model OR model*)');
  });

  it('keeps any input inside the grammar', () => {
    const alphabet = 'ab Z9_\\"()[]{}*?~^:+-!&|/ \t\u00e9\u0301日.,\'';
    let seed = 42;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let i = 0; i < 5000; i++) {
      let text = '';
      for (let k = rand(20); k >= 0; k--) text += alphabet[rand(alphabet.length)];
      const q = toLuceneQuery(text);
      if (q !== null) expect({ text, q, ok: GRAMMAR.test(q) }).toEqual({ text, q, ok: true });
    }
  });

  it('refuses overlong text and too many words with BAD_USER_INPUT on the field', () => {
    expect(() => toLuceneQuery('x'.repeat(501))).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'query' } }));
    const words = Array.from({ length: MAX_QUERY_WORDS + 1 }, (_, i) => `w${i}`).join(' ');
    expect(() => toLuceneQuery(words)).toThrow(/more than 32 words/);
    expect(toLuceneQuery(words.split(' ').slice(1).join(' '))).not.toBeNull();
  });
});
