import { Router } from 'express';
import type { Readiness } from './readiness';

/**
 * GET /health: the process is up (always 200 while it serves).
 * GET /ready: 200 with the Neo4j version and edition once Neo4j answers and the schema is migrated;
 * 503 with the reason otherwise, so a load balancer stops sending traffic.
 */
export function healthRoutes(readiness: Readiness): Router {
  const router = Router();
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/ready', async (_req, res) => {
    const state = await readiness.check();
    if (state.ready) res.json({ status: 'ready', neo4j: state.neo4j });
    else res.status(503).json({ status: 'unavailable', reason: state.reason });
  });
  return router;
}
