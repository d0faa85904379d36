import net from 'node:net';
import path from 'node:path';
import pino from 'pino';
import { PROJECT_ROOT } from '../src/config';
import { connectGraph, migrate, type Graph } from '../src/graph';
import { startLocalNeo4j, type LocalNeo4j } from '../src/local/local-neo4j';

export const benchLog = pino({ level: process.env.BENCH_LOG_LEVEL ?? 'warn' });

export interface BenchDatabase {
  neo4j: LocalNeo4j;
  graph: Graph;
  home: string;
  stop(): Promise<void>;
}

/** Sizes the generator knows, by name. */
export const SIZES: Record<string, number> = { '1k': 1_000, '10k': 10_000, '100k': 100_000, '1m': 1_000_000 };

export function parseSize(raw: string | undefined): { name: string; nodes: number } {
  const name = (raw ?? '10k').toLowerCase();
  const nodes = SIZES[name];
  if (!nodes) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}; got ${raw}`);
  return { name, nodes };
}

/**
 * Starts the local Neo4j on the benchmark store of `size` (.data/bench/<size>, git-ignored, never the
 * development store) on a free port, and migrates it. Heap and page cache come from
 * BENCH_NEO4J_HEAP_MB (default 2048) and BENCH_NEO4J_PAGECACHE_MB (default 3072); Bolt listens on
 * `boltPort` when given, else on a free port.
 */
export async function startBenchDatabase(size: string, queryTimeoutMs = 120_000, boltPort?: number): Promise<BenchDatabase> {
  const home = path.join(PROJECT_ROOT, '.data', 'bench', size);
  const port = boltPort ?? (await freePort());
  const neo4j = await startLocalNeo4j({
    home,
    port,
    heapMb: Number(process.env.BENCH_NEO4J_HEAP_MB ?? 2048),
    pagecacheMb: Number(process.env.BENCH_NEO4J_PAGECACHE_MB ?? 3072),
    startTimeoutMs: 300_000,
  });
  const graph = connectGraph(
    { uri: neo4j.uri, user: 'neo4j', password: '', database: 'neo4j', queryTimeoutMs, maxRetryMs: 5_000 },
    benchLog,
  );
  await migrate(graph, benchLog);
  return {
    neo4j,
    graph,
    home,
    async stop() {
      await graph.close();
      await neo4j.stop();
    },
  };
}

/** `--name value` from argv. */
export function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

/** `--bolt-port N`: the Bolt port of the benchmark's Neo4j (absent: a free one). */
export function boltPortArg(): number | undefined {
  const port = arg('bolt-port');
  return port === undefined ? undefined : Number(port);
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}
