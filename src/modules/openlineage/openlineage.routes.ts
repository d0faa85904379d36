import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { GraphQLError } from 'graphql';
import type { Authenticator } from '../../auth/authenticator';
import { Role, type Principal } from '../../auth/role';
import { ErrorCode } from '../../errors/error-code';
import type { Graph } from '../../graph';
import { callerOrRefusal, sendRefusal } from '../../http/front-door';
import type { Logger } from '../../logger';
import type { Metrics } from '../../metrics/metrics';
import { applyEvents } from './openlineage.service';

/** The path OpenLineage's HTTP transport posts to by default. */
export const LINEAGE_PATH = '/api/v1/lineage';

/** HTTP status of an error mlgraph raised on purpose, by its code. */
const STATUS: Partial<Record<string, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.NOT_FOUND]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.UNAVAILABLE]: 503,
  [ErrorCode.TIMEOUT]: 503,
};

export interface LineageRouteDeps {
  graph: Graph;
  authenticator: Authenticator;
  metrics: Metrics;
  log: Logger;
  bodyLimit: string;
}

/**
 * `POST /api/v1/lineage`: OpenLineage events (one, or a JSON array written in one transaction),
 * gzip bodies included (Content-Encoding), for a caller with the WRITER role. The caller is checked
 * before the body is read; errors answer in GraphQL's error shape with `extensions.field`.
 */
export function openLineageRoutes(deps: LineageRouteDeps): Router {
  const router = express.Router();
  router.post(
    LINEAGE_PATH,
    async (req: Request, res: Response, next: NextFunction) => {
      res.setHeader('cache-control', 'no-store');
      const caller = await callerOrRefusal(deps.authenticator, req, Role.WRITER, 'Sending OpenLineage events');
      if ('status' in caller) return sendRefusal(res, deps.metrics, caller);
      res.locals.principal = caller;
      next();
    },
    express.json({ limit: deps.bodyLimit }),
    async (req: Request, res: Response) => {
      if (!req.is('application/json')) {
        return sendRefusal(res, deps.metrics, { status: 415, code: 'BAD_REQUEST', message: 'Send OpenLineage events as JSON (Content-Type: application/json).' });
      }
      try {
        const outcome = await applyEvents(deps.graph.forRequest(), res.locals.principal as Principal, req.body);
        res.status(200).json(outcome);
      } catch (err) {
        const code = err instanceof GraphQLError ? String(err.extensions.code ?? '') : '';
        const status = STATUS[code];
        if (!status) {
          deps.log.error({ err, requestId: req.id }, 'OpenLineage events failed');
          return sendRefusal(res, deps.metrics, { status: 500, code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'Internal server error' });
        }
        const { code: _code, ...extensions } = (err as GraphQLError).extensions;
        if (typeof extensions.retryAfter === 'number') res.setHeader('retry-after', String(extensions.retryAfter));
        sendRefusal(res, deps.metrics, { status, code, message: (err as GraphQLError).message, extensions });
      }
    },
  );
  return router;
}
