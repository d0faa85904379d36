import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ErrorCode } from '../errors/error-code';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics/metrics';
import { sendRefusal, type HttpRefusal } from './front-door';

// The answers of last resort, in GraphQL's error shape rather than Express's HTML pages: a path
// nothing serves, and an error no route answered (most of them the body parser's).

/** A request no route took: 404 NOT_FOUND. */
export function notFound(metrics: Metrics): RequestHandler {
  return (_req, res) =>
    sendRefusal(res, metrics, {
      status: 404,
      code: ErrorCode.NOT_FOUND,
      message: 'Nothing is served at this path: the API is POST /graphql (also /health, /ready, /metrics and /api/v1/lineage).',
    });
}

/** An error passed on by a route or the body parser, as a refusal that says what was wrong. */
export function httpErrors(metrics: Metrics, log: Logger, bodyLimit: string): ErrorRequestHandler {
  return (err, _req, res, next) => {
    if (res.headersSent) return next(err);
    const refusal = refusalOf(err, bodyLimit);
    if (refusal.status === 500) log.error({ err }, 'unhandled HTTP error');
    sendRefusal(res, metrics, refusal);
  };
}

/** What the body parser's (and express.static's) errors mean to the caller; 500 for anything else. */
export function refusalOf(
  err: { status?: number; type?: string; message?: string; expose?: boolean; charset?: string; encoding?: string },
  bodyLimit: string,
): HttpRefusal {
  const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
  if (status === 500) return { status, code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'Internal server error' };
  if (status === 413) return { status, code: 'BAD_REQUEST', message: `The request body exceeds the ${bodyLimit} limit.`, limit: 'bodySize' };
  if (status === 404) return { status, code: ErrorCode.NOT_FOUND, message: 'Nothing is served at this path.' };
  const message =
    err.type === 'entity.parse.failed'
      ? 'The request body is not valid JSON.'
      : err.type === 'charset.unsupported'
        ? `The request body's charset (${err.charset}) is not supported: send UTF-8.`
        : err.type === 'encoding.unsupported'
          ? `The request body's Content-Encoding (${err.encoding}) is not supported: send gzip, deflate, br or none.`
          : `The request body could not be read${err.expose && err.message ? `: ${err.message}` : ''}.`;
  return { status, code: 'BAD_REQUEST', message };
}
