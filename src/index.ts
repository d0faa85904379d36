import 'reflect-metadata';
import v8 from 'node:v8';
import { loadConfig } from './config';
import { connectGraph } from './graph';
import { LocalNeo4jUnavailable, startLocalNeo4j, type LocalNeo4j } from './local/local-neo4j';
import { createLogger } from './logger';
import { createServer } from './server';

// Wires configuration, Neo4j and the HTTP server, then listens. See README.md, "Configuration".
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  // Under a steady load V8 lets its heap grow to four times what survives a full collection before
  // it collects again: the mixed load's server kept about 100 MB alive and reached 600 MB resident.
  // A fixed factor (2 by default) keeps it near 370 MB for about a tenth more of the server's CPU
  // per request (BENCHMARKS.md, "Mixed load", fifteenth round). It is a growth factor, not a
  // cap: a server that needs more heap still gets it. V8 reads the flag when it sizes the heap after
  // a collection, so setting it here takes effect (the peak fell from 575-601 MiB to 360-370).
  if (config.heapGrowingPercent > 0) v8.setFlagsFromString(`--heap-growing-percent=${config.heapGrowingPercent}`);

  let local: LocalNeo4j | undefined;
  let uri = config.neo4j.uri;
  if (!uri) {
    log.info({ home: config.local.home, port: config.local.port }, 'NEO4J_URI is not set: starting the local Neo4j');
    try {
      local = await startLocalNeo4j({
        ...config.local,
        onOutput: (line) => log.debug({ component: 'neo4j' }, line),
      });
    } catch (err) {
      if (err instanceof LocalNeo4jUnavailable) {
        process.stderr.write(`\nmlgraph cannot start: ${err.message}\n\n`);
        process.exit(1);
      }
      throw err;
    }
    uri = local.uri;
    log.info({ uri, version: local.version }, 'local Neo4j is up');
  }

  const graph = connectGraph({ ...config.neo4j, uri }, log);
  const server = await createServer({ config, graph, log });
  // The local Neo4j is known to be up: migrate before serving. An external one may still be starting:
  // serve at once (/ready says 503) and migrate as soon as it answers.
  if (local) await server.readiness.migrateWhenReachable();
  else void server.readiness.migrateWhenReachable();

  // The open local default is closed by stored API tokens (AuthConfig.closedByStoredTokens): with
  // the local Neo4j up, look now; an external one is asked at the first request without a token.
  const closable = config.auth.closedByStoredTokens === true;
  // (Should that read fail, the first request without a token asks again.)
  const anonymous = local ? await server.authenticator.roleOfAnonymous().catch(() => config.auth.anonymousRole) : config.auth.anonymousRole;
  const url = await server.listen(config.port, config.host);
  log.info({ url }, 'mlgraph is serving GraphQL');
  if (anonymous === null) {
    log.info({ provisionedTokens: config.auth.tokens.length }, `requests need an API token${closable ? ' (API tokens are stored: `mlgraph token list`)' : ''}`);
  } else {
    log.warn({ anonymousRole: anonymous, host: config.host }, `requests without a token are allowed as ${anonymous}${closable ? ' until an API token is stored and the server restarted' : ''}`);
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: draining in-flight requests');
    try {
      await server.stop();
      await graph.close();
      await local?.stop();
      log.info('stopped');
      process.exit(0);
    } catch (err) {
      log.error({ err }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  process.stderr.write(`mlgraph failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
