import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { pinoHttp } from 'pino-http';
import type { Config } from './config';
import { createContext, type Context } from './context';
import { createFormatError } from './errors/format-error';
import type { Graph } from './graph';
import { healthRoutes } from './http/health.routes';
import { Readiness } from './http/readiness';
import { warningsPlugin } from './http/warnings.plugin';
import type { Logger } from './logger';
import { createSchema } from './schema';

export interface ServerDeps {
  config: Pick<Config, 'bodyLimit' | 'introspection' | 'landingPage'>;
  graph: Graph;
  log: Logger;
  readiness?: Readiness;
}

export interface MlgraphServer {
  apollo: ApolloServer<Context>;
  httpServer: http.Server;
  readiness: Readiness;
  /** Per-request context, for tests that call `apollo.executeOperation` in process. */
  contextFor(requestId?: string): Context;
  /** Listens on host:port (port 0 picks a free one) and resolves with the URL of /graphql. */
  listen(port: number, host: string): Promise<string>;
  /** Stops accepting connections, drains in-flight requests, then stops Apollo. */
  stop(): Promise<void>;
}

/** Builds the Express app with /graphql, /health and /ready, without listening. */
export async function createServer(deps: ServerDeps): Promise<MlgraphServer> {
  const { graph, log } = deps;
  const readiness = deps.readiness ?? new Readiness(graph, log);
  const app = express();
  const httpServer = http.createServer(app);
  const schema = await createSchema();
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: deps.config.introspection,
    formatError: createFormatError(log),
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false, // index.ts owns shutdown: Apollo, then the driver, then the local Neo4j
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      warningsPlugin,
      deps.config.landingPage ? ApolloServerPluginLandingPageLocalDefault({ embed: true }) : ApolloServerPluginLandingPageDisabled(),
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
    }),
  );
  app.use(healthRoutes(readiness));
  app.use(
    '/graphql',
    express.json({ limit: deps.config.bodyLimit }),
    expressMiddleware(apollo, { context: async ({ req }) => createContext({ graph, log }, String(req.id)) }),
  );

  return {
    apollo,
    httpServer,
    readiness,
    contextFor: (requestId = randomUUID()) => createContext({ graph, log }, requestId),
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
