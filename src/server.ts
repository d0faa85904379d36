import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type NextFunction, type Request, type Response } from 'express';
import { pinoHttp } from 'pino-http';
import { Authenticator } from './auth/authenticator';
import { authorizationPlugin } from './auth/authorization.plugin';
import { Role, type Principal } from './auth/role';
import { DEFAULT_HTTP_TIMEOUTS, DEFAULT_QUERY_LIMITS, isLoopbackAddress, type Config, type Limits } from './config';
import { createContext, type Context } from './context';
import { createFormatError, enumValuesOf } from './errors/format-error';
import { compiledGateway } from './execution/compiled-executor';
import { CompiledQueries } from './execution/compiled-queries';
import type { Graph } from './graph';
import { authenticateFirst, checkOperationFirst, loopbackHostOnly } from './http/front-door';
import { healthRoutes } from './http/health.routes';
import { limitsPlugin } from './http/limits.plugin';
import { Readiness } from './http/readiness';
import { responseSizePlugin } from './http/response-size.plugin';
import { retryAfterPlugin } from './http/retry-after.plugin';
import { validationLimitRules } from './http/validation-limits';
import { warningsPlugin } from './http/warnings.plugin';
import { WEB_ROOT, webRoutes } from './http/web.routes';
import { httpErrors, notFound } from './http/http-fallbacks';
import { projectionPlugin } from './modules/entities/projection.plugin';
import { openLineageRoutes } from './modules/openlineage/openlineage.routes';
import type { Logger } from './logger';
import { createMetrics, type Metrics } from './metrics/metrics';
import { metricsPlugin } from './metrics/metrics.plugin';
import { metricsRoutes } from './metrics/metrics.routes';
import { createSchema } from './schema';

export interface ServerDeps {
  config: Pick<Config, 'bodyLimit' | 'introspection' | 'landingPage'> &
    Partial<Pick<Config, 'auth' | 'http' | 'host' | 'metrics' | 'executor' | 'shutdownGraceMs'>> & { limits?: Partial<Limits> };
  graph: Graph;
  log: Logger;
  readiness?: Readiness;
  /** Folder of the built web explorer and GraphQL IDE (default dist/web). */
  webRoot?: string;
}

export interface MlgraphServer {
  apollo: ApolloServer<Context>;
  httpServer: http.Server;
  readiness: Readiness;
  authenticator: Authenticator;
  metrics: Metrics;
  /** The operations run compiled (GRAPHQL_EXECUTOR=compiled, the default); undefined with graphql-js. */
  compiledQueries: CompiledQueries | undefined;
  /** Per-request context, for tests that call `apollo.executeOperation` in process. */
  contextFor(requestId?: string, principal?: Principal): Context;
  /** Listens on host:port (port 0 picks a free one) and resolves with the URL of /graphql. */
  listen(port: number, host: string): Promise<string>;
  /** Stops accepting connections, drains in-flight requests, then stops Apollo. */
  stop(): Promise<void>;
}

/** Builds the Express app with /graphql, /api/v1/lineage (OpenLineage), /health, /ready and the web explorer, without listening. */
export async function createServer(deps: ServerDeps): Promise<MlgraphServer> {
  const { graph, log } = deps;
  const readiness = deps.readiness ?? new Readiness(graph, log);
  // Without an auth config (tests, scripts) the server is open, as the local default start is.
  const auth = deps.config.auth ?? { tokens: [], anonymousRole: Role.ADMIN };
  const authenticator = new Authenticator(graph, auth.tokens, auth.anonymousRole, auth.closedByStoredTokens);
  const limits: Limits = { ...DEFAULT_QUERY_LIMITS, ...deps.config.limits };
  const timeouts = deps.config.http ?? DEFAULT_HTTP_TIMEOUTS;
  const metrics = createMetrics(graph);
  graph.onStatement((e) => {
    metrics.statements.inc({ query: e.query });
    metrics.statementSeconds.observe({ query: e.query }, e.ms / 1000);
  });
  const app = express();
  // No ETag on answers: express hashed every answer body for one (SHA-1 over the whole JSON, about
  // 450 KB for an impact page with paths), and GraphQL clients POST, where no cache or conditional
  // request uses it. Static files (the web explorer) keep theirs: serve-static sets its own.
  app.set('etag', false);
  // Node checks these timeouts every connectionsCheckingInterval (30 s by default): check every
  // second, so a client sending its headers or body a byte at a time is cut close to the timeout.
  const httpServer = http.createServer(
    { headersTimeout: timeouts.headersTimeoutMs, requestTimeout: timeouts.requestTimeoutMs, connectionsCheckingInterval: 1_000 },
    app,
  );
  httpServer.keepAliveTimeout = timeouts.keepAliveTimeoutMs;
  const schema = await createSchema();
  const compiledQueries = (deps.config.executor ?? 'compiled') === 'compiled' ? new CompiledQueries(schema) : undefined;
  const apollo = new ApolloServer<Context>({
    // The gateway serves the same schema and runs operations compiled (see compiled-executor.ts).
    ...(compiledQueries ? { gateway: compiledGateway(compiledQueries) } : { schema }),
    introspection: deps.config.introspection,
    // Suggestions ("Did you mean ...?") reveal no more than introspection does, and go with it.
    formatError: createFormatError(log, { suggestions: deps.config.introspection, enumValues: enumValuesOf(schema) }),
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false, // index.ts owns shutdown: Apollo, then the driver, then the local Neo4j
    // The front door (front-door.ts) already refused anything longer; this guards in-process callers.
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: validationLimitRules(limits),
    plugins: [
      // A stop waits this long for requests in flight (a 10,000-entity ingest takes 10-40 s), then closes them.
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: deps.config.shutdownGraceMs ?? 30_000 }),
      metricsPlugin(metrics),
      authorizationPlugin,
      limitsPlugin(schema, limits),
      warningsPlugin,
      retryAfterPlugin,
      responseSizePlugin(limits.maxResponseBytes),
      projectionPlugin,
      // mlgraph sets no cache hints; Apollo's default cache-control plugin would wrap every field's
      // resolver to compute them (a measured few percent of the server's time, see BENCHMARKS.md).
      ApolloServerPluginCacheControlDisabled(),
      // GET /graphql from a browser is the bundled IDE of web.routes.ts (GRAPHQL_LANDING_PAGE), never Apollo's CDN page.
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();

  app.disable('x-powered-by');
  app.use(
    pinoHttp({
      logger: log,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && /^[\w.-]{1,128}$/.test(given) ? given : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/ready' },
      // One short line per request: serializing every header of every request and response costs
      // more than the rest of the line, and headers carry credentials (Authorization).
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  // Open to anonymous callers on loopback: refuse foreign Host names (DNS rebinding).
  if (auth.anonymousRole !== null && isLoopbackAddress(deps.config.host ?? '127.0.0.1')) app.use(loopbackHostOnly(metrics, authenticator));
  app.use(healthRoutes(readiness));
  if (deps.config.metrics ?? true) app.use(metricsRoutes(metrics, authenticator));
  app.use(openLineageRoutes({ graph, authenticator, metrics, log, bodyLimit: deps.config.bodyLimit }));
  app.use(webRoutes({ root: deps.webRoot ?? WEB_ROOT, ide: deps.config.landingPage, introspection: deps.config.introspection }));
  app.use(
    '/graphql',
    // What Apollo's cache-control plugin (off, see above) said of every answer: never store it.
    (_req: Request, res: Response, next: NextFunction) => {
      res.setHeader('cache-control', 'no-store');
      next();
    },
    // In this order: who is calling (before the body is read), the body, then the query's text.
    authenticateFirst(authenticator, metrics),
    express.json({ limit: deps.config.bodyLimit }),
    checkOperationFirst(limits, metrics, { schema, rules: validationLimitRules(limits, 'throw') }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) =>
        createContext(
          { graph, log, authenticator },
          String(req.id),
          (res.locals.principal as Principal | undefined) ?? (await authenticator.authenticate(req.headers.authorization)),
        ),
    }),
  );

  // A path nothing serves, and body-parser failures (too large, malformed JSON): GraphQL's error shape, not HTML.
  app.use(notFound(metrics));
  app.use(httpErrors(metrics, log, deps.config.bodyLimit));

  return {
    apollo,
    httpServer,
    readiness,
    authenticator,
    metrics,
    compiledQueries,
    contextFor: (requestId = randomUUID(), principal?: Principal) =>
      createContext({ graph, log, authenticator }, requestId, principal),
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address() as AddressInfo;
          resolve(`http://${host.includes(':') ? `[${host}]` : host}:${address.port}/graphql`);
        });
      }),
    stop: async () => {
      readiness.stop();
      await apollo.stop();
    },
  };
}
