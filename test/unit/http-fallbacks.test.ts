import { refusalOf } from '../../src/http/http-fallbacks';

// What a caller is told when the body parser (or express.static) refuses a request: each kind of
// failure says what it is, not that the body is not JSON.

describe('refusalOf', () => {
  it('says which failure it was, with a stable code', () => {
    expect(refusalOf({ status: 400, type: 'entity.parse.failed' }, '1mb')).toEqual({ status: 400, code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' });
    expect(refusalOf({ status: 413, type: 'entity.too.large' }, '1mb')).toEqual({ status: 413, code: 'BAD_REQUEST', message: 'The request body exceeds the 1mb limit.', limit: 'bodySize' });
    expect(refusalOf({ status: 415, type: 'charset.unsupported', charset: 'latin1' }, '1mb')).toEqual({
      status: 415,
      code: 'BAD_REQUEST',
      message: "The request body's charset (latin1) is not supported: send UTF-8.",
    });
    expect(refusalOf({ status: 415, type: 'encoding.unsupported', encoding: 'compress' }, '1mb').message).toBe(
      "The request body's Content-Encoding (compress) is not supported: send gzip, deflate, br or none.",
    );
    expect(refusalOf({ status: 404 }, '1mb')).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(refusalOf({ status: 400, type: 'request.aborted', expose: true, message: 'request aborted' }, '1mb').message).toBe(
      'The request body could not be read: request aborted.',
    );
  });

  it('tells nothing of an unexpected error', () => {
    expect(refusalOf({ message: 'secret detail' }, '1mb')).toEqual({ status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' });
    expect(refusalOf({ status: 400, message: 'internal detail', expose: false }, '1mb').message).toBe('The request body could not be read.');
  });
});
