import { execFile, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from './cli';

/** The venv's python, made by scripts/python-env.js (npm test's pretest) if it is not there yet. */
export function venvPython(): string {
  return execFileSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts', 'python-env.js'), '--python'], { encoding: 'utf8' }).trim();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

export interface MlflowServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts a real `mlflow server` from the venv: SQLite store and artifacts in a temporary folder, on
 * a free loopback port, one worker and no job runner (the tests need neither). Resolves when GET
 * /health answers (about 13 s on an idle machine); `stop` ends its whole process group and removes
 * the folder.
 */
export async function startMlflowServer(python: string, timeoutMs = 240_000): Promise<MlflowServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlgraph-mlflow-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const args = ['-m', 'mlflow', 'server', '--host', '127.0.0.1', '--port', String(port), '--workers', '1',
    '--backend-store-uri', `sqlite:///${path.join(dir, 'mlflow.db')}`, '--default-artifact-root', path.join(dir, 'artifacts')];
  const child = spawn(python, args, {
    cwd: dir,
    detached: true, // its own process group, so stop() reaches the workers it forks
    env: { ...process.env, MLFLOW_SERVER_ENABLE_JOB_EXECUTION: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  child.stdout.on('data', (c) => log.push(String(c)));
  child.stderr.on('data', (c) => log.push(String(c)));
  let exited = false;
  child.on('exit', () => (exited = true));

  const stop = async () => {
    if (!exited && child.pid) {
      const gone = new Promise((r) => child.once('exit', r));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const timer = setTimeout(() => child.pid && !exited && process.kill(-child.pid, 'SIGKILL'), 10_000);
      await gone;
      clearTimeout(timer);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) break;
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return { url, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`mlflow server did not answer /health at ${url}:\n${log.join('').slice(-3000)}`);
}

/** Runs test/mlflow/fill_mlflow.py with the real MLflow client and returns the JSON it prints. */
export function fillMlflow(python: string, url: string, prefix: string, step: 'initial' | 'change'): Promise<any> {
  const script = path.join(PROJECT_ROOT, 'test', 'mlflow', 'fill_mlflow.py');
  return new Promise((resolve, reject) => {
    execFile(python, [script, url, prefix, step], { encoding: 'utf8', timeout: 240_000, env: { ...process.env, MLFLOW_TRACKING_URI: url } }, (err, stdout, stderr) => {
      if (err) reject(new Error(`fill_mlflow.py ${step} failed: ${err.message}\n${stderr.slice(-3000)}`));
      else resolve(JSON.parse(stdout.trim().split('\n').pop()!));
    });
  });
}
