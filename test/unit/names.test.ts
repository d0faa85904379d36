import { keyFieldProblem } from '../../src/model/urn-scheme';

describe('keyFieldProblem (entity names and URN key parts)', () => {
  it('accepts names in any script after a first ASCII letter or digit, with spaces and punctuation other than , ( )', () => {
    for (const name of ['churn_features', 'Kundenabwanderung Übersicht', 'café', 'v2 顧客離反', 'données brutes v2.1', 'model 🚀', 'model हिन्दी']) {
      expect({ name, problem: keyFieldProblem('name', name) }).toEqual({ name, problem: null });
    }
  });

  it.each([
    ['NUL', 'a\u0000b'],
    ['ESC', 'a\u001b[31mred'],
    ['tab', 'a\tb'],
    ['right-to-left override', 'invoice\u202Efdp.exe'],
    ['zero-width space', 'churn\u200Bmodel'],
    ['zero-width joiner', 'a\u200Db'],
    ['byte order mark', 'churn\uFEFF'],
    ['line separator', 'a\u2028b'],
    ['soft hyphen', 'churn\u00ADmodel'],
    ['lone surrogate', 'a\uD800b'],
  ])('refuses a name with a %s', (_what, name) => {
    expect(keyFieldProblem('name', name)).toMatch(/^name must start with a letter or digit and contain no , \( \), control or format characters/);
  });

  it('refuses names not in NFC instead of storing a look-alike', () => {
    const decomposed = 'cafe\u0301'; // renders as "café"
    expect(decomposed).not.toBe('café');
    expect(keyFieldProblem('name', decomposed)).toMatch(/^name must be in Unicode normalization form C \(NFC\)/);
    expect(keyFieldProblem('name', decomposed.normalize('NFC'))).toBeNull();
  });

  it('keeps key parts to ASCII letters, digits and _ . : - / @, naming the field', () => {
    expect(keyFieldProblem('platform', 'snowflake')).toBeNull();
    expect(keyFieldProblem('platform', 's3\u200B')).toMatch(/^platform must start with a letter or digit and use only/);
    expect(keyFieldProblem('id', 'run\u0000')).toMatch(/^id /);
    expect(keyFieldProblem('namespace', 'caf\u00e9')).toMatch(/^namespace /);
  });
});
