import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { GraphQLError } from 'graphql';
import type { Authenticator } from '../auth/authenticator';
import { hasRole, Role, type Principal } from '../auth/role';
import { ErrorCode } from '../errors/error-code';
import type { Metrics } from '../metrics/metrics';
import { countError } from '../metrics/metrics.plugin';
import { checkOperation, type EarlyRules, type OperationLimits, type Refusal } from './operation-check';

// What runs on /graphql before Apollo: the cheap refusals that must come before any work a
// stranger could make expensive (reading and parsing a body, validating a query).

export type HttpRefusal = Omit<Refusal, 'code'> & { code: string };

/**
 * Answers from Express in GraphQL's error shape (`{"errors":[{message, extensions: {code}}]}`) and
 * counts it in the metrics. When the request's body has not been read, the connection is closed
 * after the answer, so the body is dropped rather than received.
 */
export function sendRefusal(res: Response, metrics: Metrics | undefined, r: HttpRefusal): void {
  const extensions = { code: r.code, ...(r.limit ? { limit: r.limit } : {}), ...r.extensions };
  if (metrics) countError(metrics, extensions);
  if (!res.req.complete) res.setHeader('connection', 'close');
  res.status(r.status).json({ errors: [{ message: r.message, extensions }] });
}

/** `localhost`, `127.0.0.1` or `[::1]`, with or without a port. */
const LOOPBACK_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/i;

/**
 * For the open local mode (anonymous callers have a role, the server listens on loopback): only
 * requests whose Host header names the loopback interface are served. A web page the browser
 * loaded from elsewhere can point its own domain at 127.0.0.1 (DNS rebinding) and then counts as
 * same-origin, but its requests still carry its domain in Host; those get 403.
 */
export function loopbackHostOnly(metrics: Metrics, authenticator: Authenticator): RequestHandler {
  return async (req, res, next) => {
    if (LOOPBACK_HOST.test(req.headers.host ?? '')) return next();
    // Closed after all (stored tokens: Authenticator.roleOfAnonymous): every caller needs a token.
    // Not known (Neo4j unreachable): refused, as an open server would.
    const closed = await authenticator.roleOfAnonymous().then((role) => role === null, () => false);
    if (closed) return next();
    sendRefusal(res, metrics, {
      status: 403,
      code: ErrorCode.FORBIDDEN,
      message: 'This server accepts requests without a token from this machine only: address it as localhost, 127.0.0.1 or [::1].',
    });
  };
}

/**
 * Who is calling, from the Authorization header; or the refusal when the token is unknown, revoked
 * or malformed (401), or the caller has no role (401 anonymous, 403 with a token). `need` is the
 * least role to let through; `what` names what it is for in the 403's message.
 */
export async function callerOrRefusal(authenticator: Authenticator, req: Request, need: Role, what = 'This'): Promise<Principal | HttpRefusal> {
  let principal: Principal;
  try {
    principal = await authenticator.authenticate(req.headers.authorization);
  } catch (err) {
    if (!(err instanceof GraphQLError)) throw err;
    const code = String(err.extensions.code ?? ErrorCode.INTERNAL_SERVER_ERROR);
    const status = code === ErrorCode.UNAUTHENTICATED ? 401 : code === ErrorCode.UNAVAILABLE ? 503 : 500;
    return { status, code, message: err.message };
  }
  if (hasRole(principal.role, need)) return principal;
  if (principal.anonymous) {
    return { status: 401, code: ErrorCode.UNAUTHENTICATED, message: 'This server needs a token: send "Authorization: Bearer <token>".' };
  }
  return { status: 403, code: ErrorCode.FORBIDDEN, message: `${what} needs the ${need} role; ${principal.name} has ${principal.role ?? 'none'}.` };
}

const isRefusal = (x: Principal | HttpRefusal): x is HttpRefusal => 'status' in x;

/** A GET without a query (Apollo's landing page) carries no operation and needs no role. */
const carriesOperation = (req: Request) => !(req.method === 'GET' || req.method === 'HEAD') || req.query.query !== undefined;

/**
 * Authenticates before the body is read: a caller without even the READER role is refused here
 * (a stranger can make the server do nothing else), and the caller is kept in `res.locals.principal`
 * for the GraphQL context. Finer rules are the authorization plugin's.
 */
export function authenticateFirst(authenticator: Authenticator, metrics: Metrics): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    if (!carriesOperation(req)) return next(); // the landing page
    const caller = await callerOrRefusal(authenticator, req, Role.READER, 'Calling the API');
    if (isRefusal(caller)) return sendRefusal(res, metrics, caller);
    res.locals.principal = caller;
    next();
  };
}

/** Query texts up to this long that passed are remembered (PASSED_KEPT of them), so a client's usual operations are not lexed, parsed and checked on every request. */
const PASSED_TEXT_MAX = 20_000;
const PASSED_KEPT = 256;

/**
 * Refuses a query over the limits of operation-check.ts before Apollo parses and validates it. The
 * check depends only on the text, the operation's name and this server's limits: the last
 * PASSED_KEPT texts that passed are let through without it (as Apollo keeps parsed and validated
 * documents); a refused text is checked again each time.
 */
export function checkOperationFirst(limits: OperationLimits, metrics: Metrics, early?: EarlyRules): RequestHandler {
  const passed = new Map<string, true>();
  return (req, res, next) => {
    const request: unknown = req.method === 'GET' || req.method === 'HEAD' ? req.query : req.body;
    if (!request || typeof request !== 'object' || Array.isArray(request)) return next();
    const { query, operationName } = request as { query?: unknown; operationName?: unknown };
    if (typeof query !== 'string') return next();
    const name = typeof operationName === 'string' ? operationName : undefined;
    const key = query.length <= PASSED_TEXT_MAX ? `${name?.length ?? -1}:${name ?? ''}${query}` : undefined;
    if (key !== undefined && passed.delete(key)) {
      passed.set(key, true);
      return next();
    }
    const refusal = checkOperation(query, name, limits, early);
    if (refusal) return sendRefusal(res, metrics, refusal);
    if (key !== undefined) {
      passed.set(key, true);
      if (passed.size > PASSED_KEPT) passed.delete(passed.keys().next().value!);
    }
    next();
  };
}
