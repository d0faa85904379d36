// Runs hostile cases one at a time against a server process while another client probes it with a
// cheap query, and measures what each case costs: time to the answer, the server's peak memory, and
// the probe's worst latency meanwhile.
import type { ServerProcess } from '../server-process';
import type { HostileCase, HostileTarget } from './cases';
import os from 'node:os';
import { Worker } from 'node:worker_threads';

export interface CaseResult {
  id: string;
  class: string;
  status: number;
  code?: string;
  limit?: string;
  message?: string;
  ms: number;
  timedOut: boolean;
  /** Peak resident memory of the server during the case (VmHWM), MiB. */
  peakMb: number;
  /** Slowest probe answer during the case (an unanswered probe counts until the case ended), ms. */
  othersMaxMs: number;
  /** Slowest probe answer just before the case: how slow the machine itself was. */
  othersBaselineMs: number;
  othersProbes: number;
  othersFailed: number;
  /** What does not match the case's expectation; empty when it does. */
  problems: string[];
}

export const LIMITS = { peakMb: 1_024, othersMs: 500, answerMs: 2_000 };

// The probe runs in a worker thread: building and sending a 17 MB body keeps this thread busy, and
// a probe here would count that as the server's slowness. It posts every answer as it comes.
const PROBE = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { base, token, body } = workerData;
let stopped = false;
const once = () => new Promise((resolve) => {
  const sentAt = Date.now();
  parentPort.postMessage({ kind: 'sent', sentAt });
  const req = http.request(base + '/graphql', { method: 'POST', agent: false,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: 'Bearer ' + token } : {}) } }, (res) => {
    let text = '';
    res.on('data', (c) => (text += c));
    res.on('end', () => resolve({ sentAt, ms: Date.now() - sentAt, ok: res.statusCode === 200 && text.includes(body.variables.u), what: res.statusCode + ' ' + text.slice(0, 200) }));
  });
  req.on('error', (err) => resolve({ sentAt, ms: Date.now() - sentAt, ok: false, what: String(err) }));
  req.end(JSON.stringify(body));
});
parentPort.on('message', () => (stopped = true));
(async () => {
  while (!stopped) {
    const r = await once();
    parentPort.postMessage({ kind: 'answer', ...r });
    await new Promise((r) => setTimeout(r, 50));
  }
})();
`;

interface ProbeAnswer {
  sentAt: number;
  ms: number;
  ok: boolean;
  what: string;
}

interface ProbeReport {
  /** Slowest answer before the window. */
  baselineMs: number;
  /** Slowest answer that overlapped the window (an unanswered probe counts until the window ended). */
  maxMs: number;
  probes: number;
  failures: string[];
}

/** Probes `t` with a cheap read every 50 ms, from a thread of its own. */
async function startProbe(t: HostileTarget, token: string | undefined) {
  const body = { query: 'query Probe($u: ID!) { entity(urn: $u) { urn } }', variables: { u: t.seedUrn } };
  const worker = new Worker(PROBE, { eval: true, workerData: { base: t.base, token, body } });
  const answers: ProbeAnswer[] = [];
  let lastSent = 0;
  let answered = () => {};
  worker.on('message', (m: { kind: string } & ProbeAnswer) => {
    if (m.kind === 'sent') lastSent = m.sentAt;
    else {
      answers.push(m);
      answered();
    }
  });
  // a baseline: five answers before the window opens
  for (let i = 0; answers.length < 5 && i < 30; i++) await new Promise<void>((r) => ((answered = r), setTimeout(r, 1_000)));
  return {
    /** Reports the answers that overlapped [from, to]. */
    async stop(from: number, to: number): Promise<ProbeReport> {
      worker.postMessage('stop');
      await worker.terminate();
      const during = answers.filter((a) => a.sentAt <= to && a.sentAt + a.ms >= from);
      const unanswered = lastSent > (answers.at(-1)?.sentAt ?? 0) ? to - lastSent : 0;
      return {
        baselineMs: Math.max(0, ...answers.filter((a) => a.sentAt + a.ms < from).map((a) => a.ms)),
        maxMs: Math.max(unanswered, ...during.map((a) => a.ms)),
        probes: during.length,
        failures: during.filter((a) => !a.ok).map((a) => a.what),
      };
    },
  };
}

/** Sends one case and checks its answer against `c.expect` and the limits above. */
export async function runCase(c: HostileCase, t: HostileTarget, server: ServerProcess, probeToken: string | undefined): Promise<CaseResult> {
  server.resetPeakMemory();
  const probe = await startProbe(t, probeToken);
  const from = Date.now();
  const o = await c.send(t);
  await new Promise((r) => setTimeout(r, 150)); // the probe's next answers, after the server answered
  const others = await probe.stop(from, Date.now());
  const peakMb = server.alive() ? server.peakMemoryMb() : NaN;
  const error = Array.isArray(o.body?.errors) ? o.body.errors[0] : undefined;
  const result: CaseResult = {
    id: c.id,
    class: c.class,
    status: o.status,
    code: error?.extensions?.code,
    limit: error?.extensions?.limit,
    message: error?.message?.slice(0, 200),
    ms: o.ms,
    timedOut: Boolean(o.timedOut),
    peakMb,
    othersMaxMs: others.maxMs,
    othersBaselineMs: others.baselineMs,
    othersProbes: others.probes,
    othersFailed: others.failures.length,
    problems: [],
  };
  const p = result.problems;
  const e = c.expect;
  const statuses = Array.isArray(e.status) ? e.status : [e.status];
  if (!statuses.includes(o.status)) p.push(`status ${o.status}, expected ${statuses.join(' or ')}`);
  if (e.code && result.code !== e.code) p.push(`code ${result.code}, expected ${e.code}`);
  if (e.limit && result.limit !== e.limit) p.push(`limit ${result.limit}, expected ${e.limit}`);
  if (e.field && error?.extensions?.field !== e.field) p.push(`field ${error?.extensions?.field}, expected ${e.field}`);
  // A fixed answer limit; timeouts (functions) are the server's own and never scaled. On a machine
  // whose run queue is longer than its cores (other test files, other processes), the answer limit
  // grows with the load average per core: the case must stay far from the freezes it guards against
  // (tens of seconds), not beat a busy machine's scheduler.
  const busy = Math.max(1, os.loadavg()[0] / os.cpus().length);
  const within = typeof e.withinMs === 'function' ? e.withinMs(t) : Math.round((e.withinMs ?? LIMITS.answerMs) * busy);
  if (o.timedOut) p.push(`no answer within ${o.ms} ms`);
  else if (!c.control && o.ms > within) p.push(`answered after ${o.ms} ms, allowed ${within} ms`);
  if (!server.alive()) p.push('the server died');
  else if (!(peakMb < LIMITS.peakMb)) p.push(`peak memory ${peakMb} MiB, allowed ${LIMITS.peakMb}`);
  // On a machine so busy that the probe was already slow before the case (over a third of the
  // limit), allow three times that: the case must not make it much slower than the machine is.
  const othersAllowed = Math.max(LIMITS.othersMs * busy, 3 * others.baselineMs);
  if (!c.control && others.maxMs > othersAllowed) p.push(`another client waited ${others.maxMs} ms, allowed ${othersAllowed}`);
  if (others.failures.length) p.push(`${others.failures.length} of another client's reads failed: ${others.failures[0]}`);
  if (c.verify && server.alive()) p.push(...(await c.verify(o, t)));
  return result;
}
