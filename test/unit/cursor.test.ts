import { decodeCursor, encodeCursor } from '../../src/modules/queries/cursor';

describe('opaque cursors', () => {
  it('round-trip the position they encode', () => {
    const c = encodeCursor('entities', ['MODEL', 'churn, "v2"', 'urn:li:mlModel:(urn:li:dataPlatform:x,churn,PROD)']);
    expect(c).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor('entities', c, 'sss')).toEqual(['MODEL', 'churn, "v2"', 'urn:li:mlModel:(urn:li:dataPlatform:x,churn,PROD)']);
    expect(decodeCursor('search', encodeCursor('search', [17]), 'n')).toEqual([17]);
  });

  it.each([
    ['a cursor of another list', 'entities', 'sss', encodeCursor('search', [3])],
    ['the wrong number of parts', 'entities', 'sss', encodeCursor('entities', ['MODEL', 'a'])],
    ['a text where a number belongs', 'history', 'n', encodeCursor('history', ['3'])],
    ['a negative offset', 'search', 'n', encodeCursor('search', [-1])],
    ['text that is not base64 JSON', 'history', 'n', 'garbage!'],
    ['JSON that is no list', 'entities', 'sss', Buffer.from('{"a":1}').toString('base64url')],
  ] as const)('refuses %s with BAD_USER_INPUT on after', (_what, kind, shape, cursor) => {
    expect(() => decodeCursor(kind, cursor, shape)).toThrow(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } }),
    );
  });
});
