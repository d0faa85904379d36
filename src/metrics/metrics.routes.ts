import { Router } from 'express';
import type { Authenticator } from '../auth/authenticator';
import { Role } from '../auth/role';
import { callerOrRefusal, sendRefusal } from '../http/front-door';
import type { Metrics } from './metrics';

/**
 * GET /metrics: the Prometheus text format. It needs the READER role, as a query does: the open
 * local default serves it to this machine, and with tokens Prometheus sends a reader token
 * (`authorization: { credentials: ... }` in its scrape config). It holds no secrets: counts and
 * times by operation name, error code, limit and Cypher query name.
 */
export function metricsRoutes(metrics: Metrics, authenticator: Authenticator): Router {
  const router = Router();
  router.get('/metrics', async (req, res) => {
    const caller = await callerOrRefusal(authenticator, req, Role.READER, 'Reading the metrics');
    if ('status' in caller) return sendRefusal(res, undefined, caller);
    res.setHeader('content-type', metrics.registry.contentType);
    res.end(await metrics.registry.metrics());
  });
  return router;
}
