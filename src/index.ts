import 'reflect-metadata';
import v8 from 'node:v8';
import { loadConfig } from './config';
import { connectGraph } from './graph';
import { LocalNeo4jUnavailable, startLocalNeo4j, type LocalNeo4j } from './local/local-neo4j';
import { createLogger } from './logger';
import { createServer } from './server';

// Wires configuration, Neo4j and the HTTP server, then listens. See README.md, "Configuration".
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    // A malformed setting: its message names the variable; a stack would only hide it.
    return cannotStart(err instanceof Error ? err.message : String(err));
  }
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
  const url = await server.listen(config.port, config.host).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'EADDRINUSE') return cannotStart(`port ${config.port} on ${config.host} is already in use (PORT, HOST)`);
    if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND') return cannotStart(`cannot listen on ${config.host} (HOST): ${err.code}`);
    if (err.code === 'EACCES') return cannotStart(`no permission to listen on port ${config.port} (PORT)`);
    throw err;
  });
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
  // The local Neo4j is this process's own: should it die, stop too (and say so), so that whatever
  // runs mlgraph starts both again, rather than serve UNAVAILABLE forever.
  void local?.exited.then(() => {
    if (stopping) return;
    log.fatal('the local Neo4j exited unexpectedly: stopping mlgraph (start it again; its data is kept)');
    void server.stop().finally(() => process.exit(1));
  });
}

/** Stops the start with one line naming the cause, no stack trace. */
function cannotStart(message: string): never {
  process.stderr.write(`mlgraph cannot start: ${message}\n`);
  process.exit(1);
}

main().catch((err) => {
  process.stderr.write(`mlgraph failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
