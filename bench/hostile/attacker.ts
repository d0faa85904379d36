// One attacking client for the load runs (`npm run load:test -- --attacker`): the hostile cases of
// cases.ts, sent one after another in a loop for as long as the load lasts. It runs in a worker
// thread of its own: building a 17 MB body (the million aliases) takes a few hundred ms of CPU, and
// in the load generator's thread that would count as the server's slowness in the normal clients'
// latencies. Each answer is checked against the case's expectation as bench:hostile checks it.
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { HOSTILE_CASES, type HostileCase, type HostileTarget } from './cases';
import { checkAnswer } from './run';

export interface AttackerCaseStats {
  id: string;
  class: string;
  sent: number;
  /** Answers by "status code (limit)", e.g. "400 QUERY_TOO_COMPLEX (tokens)"; "0" for a closed connection. */
  answers: Record<string, number>;
  latencyMs: { p50: number; max: number };
  /** What did not match the case's expectation, with how often. */
  problems: Record<string, number>;
}

export interface AttackerReport {
  /** Complete passes through the cases. */
  rounds: number;
  sent: number;
  cases: AttackerCaseStats[];
  /** Cases of cases.ts the attacker does not send, and why. */
  skipped: { id: string; reason: string }[];
}

/** The cases the attacker sends: every hostile case against the token-protected server. */
export function attackerCases(): { cases: HostileCase[]; skipped: AttackerReport['skipped'] } {
  const skipped: AttackerReport['skipped'] = [];
  const cases: HostileCase[] = [];
  for (const c of HOSTILE_CASES) {
    if (c.control) skipped.push({ id: c.id, reason: 'a control: a legitimate request, not an attack' });
    else if (c.server !== 'tokens') skipped.push({ id: c.id, reason: `needs the ${c.server} server; the load server has tokens` });
    else cases.push(c);
  }
  return { cases, skipped };
}

interface Answer {
  kind: 'answer';
  id: string;
  status: number;
  code?: string;
  limit?: string;
  ms: number;
  problems: string[];
}

type Message = Answer | { kind: 'round' } | { kind: 'done' };

/** The worker's body: sends the cases in a loop until the main thread posts anything. */
export async function attackLoop(): Promise<void> {
  const target = workerData.target as HostileTarget;
  const port = parentPort!;
  let stopped = false;
  port.on('message', () => (stopped = true));
  const { cases } = attackerCases();
  while (!stopped) {
    for (const c of cases) {
      if (stopped) break;
      const o = await c.send(target);
      const checked = checkAnswer(c, o);
      if (o.timedOut) checked.problems.push(`no answer within ${o.ms} ms`);
      if (c.verify) checked.problems.push(...(await c.verify(o, target)));
      const answer: Answer = { kind: 'answer', id: c.id, status: o.status, code: checked.code, limit: checked.limit, ms: o.ms, problems: checked.problems };
      port.postMessage(answer satisfies Message);
    }
    if (!stopped) port.postMessage({ kind: 'round' } satisfies Message);
  }
  port.postMessage({ kind: 'done' } satisfies Message);
}

// Under ts-jest only the test's own thread compiles TypeScript; a worker started from a .ts file
// transpiles the few modules it loads (cases.ts and http.ts: no decorators, no types at run time)
// with the compiler the project already has.
const BOOT = `
const { workerData } = require('node:worker_threads');
if (workerData.file.endsWith('.ts')) {
  const fs = require('node:fs');
  const ts = require(workerData.typescript);
  require.extensions['.ts'] = (m, f) => m._compile(ts.transpileModule(fs.readFileSync(f, 'utf8'), {
    fileName: f, compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } }).outputText, f);
}
require(workerData.file).attackLoop();
`;

const percentile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : 0);

/**
 * Starts the attacker against `target` (a server with tokens, as bench/hostile/setup.ts starts it).
 * `stop()` lets the case in flight finish (up to the target's timeout), then reports every answer.
 */
export function startAttacker(target: HostileTarget): { sent(): number; stop(): Promise<AttackerReport> } {
  const worker = new Worker(BOOT, { eval: true, workerData: { file: __filename, typescript: require.resolve('typescript'), target } });
  const { cases, skipped } = attackerCases();
  const stats = new Map<string, AttackerCaseStats & { ms: number[] }>(
    cases.map((c) => [c.id, { id: c.id, class: c.class, sent: 0, answers: {}, latencyMs: { p50: 0, max: 0 }, problems: {}, ms: [] }]),
  );
  let rounds = 0;
  let sent = 0;
  let failure: Error | undefined;
  let done = () => {};
  const finished = new Promise<void>((resolve) => (done = resolve));
  worker.on('message', (m: Message) => {
    if (m.kind === 'round') rounds++;
    else if (m.kind === 'done') done();
    else {
      const s = stats.get(m.id)!;
      sent++;
      s.sent++;
      s.ms.push(m.ms);
      const key = `${m.status}${m.code ? ` ${m.code}` : ''}${m.limit ? ` (${m.limit})` : ''}`;
      s.answers[key] = (s.answers[key] ?? 0) + 1;
      for (const p of m.problems) s.problems[p] = (s.problems[p] ?? 0) + 1;
    }
  });
  worker.on('error', (err) => {
    failure = err;
    done();
  });
  worker.on('exit', () => done());
  return {
    sent: () => sent,
    async stop() {
      worker.postMessage('stop');
      const timer = setTimeout(() => done(), target.timeoutMs + 5_000);
      await finished;
      clearTimeout(timer);
      await worker.terminate();
      if (failure) throw failure;
      return {
        rounds,
        sent,
        skipped,
        cases: [...stats.values()].map(({ ms, ...s }) => {
          const sorted = [...ms].sort((a, b) => a - b);
          return { ...s, latencyMs: { p50: percentile(sorted, 0.5), max: sorted.at(-1) ?? 0 } };
        }),
      };
    },
  };
}
