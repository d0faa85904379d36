import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';

export const LAUNCHER_DIR = path.join(PROJECT_ROOT, 'neo4j-local');
const LIB_DIR = path.join(LAUNCHER_DIR, 'target', 'lib');
const CLASSES_DIR = path.join(LAUNCHER_DIR, 'target', 'classes');
/** APOC Core and its dependencies (pom.xml), loaded by Neo4j as plugins. */
const PLUGINS_DIR = path.join(LAUNCHER_DIR, 'target', 'plugins');
const READY = /^MLGRAPH_NEO4J_READY (\S+) (\S+)/;

/**
 * The JVM flags of Neo4j 5's own neo4j.conf (`server.jvm.additional`), which its start script
 * passes and this launcher, started without that script, must pass itself: the module openings it
 * fails without on Java 17+, and the tuning it ships with. TrustFinalNonStaticFields lets the JIT
 * fold Neo4j's final fields; the heap is committed and touched at start (-Xms as -Xmx below, with
 * AlwaysPreTouch) rather than page by page under load. Measured against the openings alone
 * (BENCHMARKS.md, "Mixed load", the round on Neo4j's own JVM flags): a tenth less of Neo4j's CPU
 * per column walk and per request of the mixed load.
 */
const JVM_FLAGS = [
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+AlwaysPreTouch',
  '-XX:+UnlockExperimentalVMOptions',
  '-XX:+TrustFinalNonStaticFields',
  '-XX:+DisableExplicitGC',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--enable-native-access=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Dlog4j2.disable.jmx=true',
];

export interface LocalNeo4jOptions {
  home: string;
  host?: string;
  port: number;
  heapMb?: number;
  pagecacheMb?: number;
  startTimeoutMs?: number;
  /** Called with each line Neo4j prints, for progress and diagnostics. */
  onOutput?: (line: string) => void;
}

export interface LocalNeo4j {
  uri: string;
  version: string;
  pid: number;
  /** Resolves when the process has exited, for whatever reason (stop, kill, or a crash). */
  exited: Promise<void>;
  /** Resolves when the process has exited; it shuts the database down cleanly first. */
  stop(): Promise<void>;
  /** Ends the process at once (SIGKILL), as a crash would. */
  kill(): Promise<void>;
}

/** Thrown when the local Neo4j cannot be started for a reason the user must fix (e.g. no Java). */
export class LocalNeo4jUnavailable extends Error {}

/** Whether the launcher's jars were built (`npm run neo4j:build`). */
export function localNeo4jBuilt(): boolean {
  return fs.existsSync(path.join(LIB_DIR, '.build-stamp')) && fs.existsSync(CLASSES_DIR);
}

function javaBinary(): string {
  return process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
}

/**
 * Starts Neo4j Community from the jars in neo4j-local/target as a child process listening on
 * `host:port` (127.0.0.1 by default) with its store under `home`, and resolves once Bolt answers.
 * The child exits when this process exits, even on a crash: it watches its standard input.
 */
export function startLocalNeo4j(opts: LocalNeo4jOptions): Promise<LocalNeo4j> {
  if (!localNeo4jBuilt()) {
    return Promise.reject(
      new LocalNeo4jUnavailable('The local Neo4j is not built yet: run `npm run neo4j:build` (needs Java 17+ and Maven).'),
    );
  }
  const host = opts.host ?? '127.0.0.1';
  fs.mkdirSync(opts.home, { recursive: true });
  const plugins = fs.existsSync(PLUGINS_DIR);
  const heapMb = opts.heapMb ?? 1024;
  const args = [
    `-Xms${heapMb}m`,
    `-Xmx${heapMb}m`,
    ...JVM_FLAGS,
    '-cp',
    // As Neo4j's own start script does, the plugins are on the classpath too: APOC's configuration
    // is an extension found there, and its procedures are loaded from the plugin directory.
    [CLASSES_DIR, path.join(LIB_DIR, '*'), ...(plugins ? [path.join(PLUGINS_DIR, '*')] : [])].join(path.delimiter),
    'org.mlgraph.neo4j.LocalNeo4j',
    '--home',
    opts.home,
    '--host',
    host,
    '--port',
    String(opts.port),
    '--pagecache-mb',
    String(opts.pagecacheMb ?? 256),
    ...(plugins ? ['--plugins', PLUGINS_DIR] : []),
  ];
  const child = spawn(javaBinary(), args, { stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  return new Promise<LocalNeo4j>((resolve, reject) => {
    const tail: string[] = [];
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Neo4j did not start within ${opts.startTimeoutMs ?? 120_000} ms:\n${tail.join('\n')}`));
    }, opts.startTimeoutMs ?? 120_000);

    const onLine = (line: string) => {
      opts.onOutput?.(line);
      tail.push(line);
      if (tail.length > 40) tail.shift();
      const m = READY.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve(handle(child, exited, m[1], m[2]));
      }
    };
    lines(child.stdout!, onLine);
    lines(child.stderr!, onLine);
    child.once('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        err.code === 'ENOENT'
          ? new LocalNeo4jUnavailable('Java was not found: install Java 17 or 21 (or set JAVA_HOME), or set NEO4J_URI.')
          : err,
      );
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`Neo4j exited before it was ready (code ${code}, signal ${signal}):\n${tail.join('\n')}`));
    });
  });
}

function handle(child: ChildProcess, exited: Promise<void>, uri: string, version: string): LocalNeo4j {
  return {
    uri,
    version,
    pid: child.pid!,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.stdin!.end(); // the launcher shuts down cleanly at end of input
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      await exited;
      clearTimeout(timer);
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}

function lines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  let buffer = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    buffer += chunk;
    let i: number;
    while ((i = buffer.indexOf('\n')) >= 0) {
      onLine(buffer.slice(0, i));
      buffer = buffer.slice(i + 1);
    }
  });
}
