// The built server (dist/src/index.js) as a process of its own, as in production: its memory, event
// loop and log are its own, so a test or a benchmark can measure them. Used by bench/hostile.ts and
// the integration tests that read the server's log or its peak memory.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import { freePort } from './bench-neo4j';

/** user + system CPU in ms of a /proc stat line (fields 14 and 15 of stat(5); USER_HZ is 100). */
function statCpuMs(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** CPU time (user + system) process `pid` has used so far, in ms, from /proc/<pid>/stat. */
export function cpuMs(pid: number): number {
  return statCpuMs(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
}

/** Peak resident memory (VmHWM) of process `pid` since it started, in MiB (Linux). */
export function peakMemoryMb(pid: number): number {
  const kb = Number(/^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);
  return Math.round(kb / 1024);
}

/**
 * CPU time of a JVM (Neo4j) so far, in ms, from the stat file of each of its threads
 * (/proc/<pid>/task): `work` over every thread but the JIT compilers, `jit` over those (C1 and C2
 * CompilerThread). A JVM compiles hot code for a long while after a start, and the process taken
 * whole counts that compilation as the work measured.
 */
export function jvmCpuMs(pid: number): { work: number; jit: number } {
  const out = { work: 0, jit: 0 };
  for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${pid}/task/${task}/stat`, 'utf8');
    } catch {
      continue; // the thread ended
    }
    if (/\(C[12] CompilerThre/.test(stat)) out.jit += statCpuMs(stat);
    else out.work += statCpuMs(stat);
  }
  return out;
}

export interface Neo4jTarget {
  uri: string;
  user: string;
  password: string;
  database: string;
}

export interface ServerProcess {
  /** http://127.0.0.1:<port>/graphql */
  url: string;
  /** http://127.0.0.1:<port> */
  base: string;
  port: number;
  pid: number;
  /** Everything the server wrote to stdout and stderr so far. */
  output(): string;
  /** Peak resident memory (VmHWM) since start or the last reset, in MiB. */
  peakMemoryMb(): number;
  /** Starts a new peak-memory measurement (writes 5 to /proc/<pid>/clear_refs). */
  resetPeakMemory(): void;
  alive(): boolean;
  /** SIGTERM, then SIGKILL after 10 s; resolves when the process has exited. */
  stop(): Promise<void>;
}

/** Newest modification time of the TypeScript sources under `dir`, in ms. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Compiles src/ into dist/ unless dist/src/index.js is newer than every source file. */
export function buildServer(): void {
  const entry = path.join(PROJECT_ROOT, 'dist', 'src', 'index.js');
  if (fs.existsSync(entry) && fs.statSync(entry).mtimeMs > newestSource(path.join(PROJECT_ROOT, 'src'))) return;
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
}

export interface ServerProcessOptions {
  /** Variables on top of a minimal environment (no variable of the caller leaks in but PATH and HOME). */
  env?: Record<string, string>;
  readyWithinMs?: number;
  /** A built checkout to run instead of this one (e.g. main, for a before/after comparison). */
  root?: string;
}

/**
 * Starts `node dist/src/index.js` on 127.0.0.1 and a free port against `neo4j`, and resolves once
 * /ready answers 200. Call buildServer() first.
 */
export async function startServerProcess(neo4j: Neo4jTarget, o: ServerProcessOptions = {}): Promise<ServerProcess> {
  const { env = {}, readyWithinMs = 60_000, root = PROJECT_ROOT } = o;
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [path.join(root, 'dist', 'src', 'index.js')], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NEO4J_URI: neo4j.uri,
      NEO4J_USER: neo4j.user,
      NEO4J_PASSWORD: neo4j.password,
      NEO4J_DATABASE: neo4j.database,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  const pid = child.pid!;
  const alive = () => child.exitCode === null && child.signalCode === null;
  const server: ServerProcess = {
    url: `${base}/graphql`,
    base,
    port,
    pid,
    output: () => out,
    peakMemoryMb: () => peakMemoryMb(pid),
    resetPeakMemory: () => fs.writeFileSync(`/proc/${pid}/clear_refs`, '5'),
    alive,
    stop: async () => {
      if (!alive()) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    },
  };
  const deadline = Date.now() + readyWithinMs;
  while (Date.now() < deadline) {
    if (!alive()) throw new Error(`the server exited during start-up:\n${out.slice(-4000)}`);
    const ready = await fetch(`${base}/ready`).then((r) => r.status === 200, () => false);
    if (ready) return server;
    await new Promise((r) => setTimeout(r, 200));
  }
  await server.stop();
  throw new Error(`the server was not ready within ${readyWithinMs} ms:\n${out.slice(-4000)}`);
}
