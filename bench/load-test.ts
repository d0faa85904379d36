// Load and restart runs for BENCHMARKS.md and RELIABILITY.md. Usage (after `npm run build`):
//   npm run load:test -- [--connections 50] [--duration 60] [--restart] [--chains 200] [--tokens] [--attacker] [--ops ingest,entity,list,lineage,impact]
//   [--warmup 20] (seconds of the same load first, not measured) [--server-root DIR] (another build's root: before/after)
// --tokens: the server bench:hostile's cases need (tokens, NODE_ENV=production, short HTTP timeouts),
// the normal clients sending a writer token; --attacker: the same, plus one client sending those cases
// in a loop for the whole run. Prints progress, then the report as JSON (also written to
// bench/results/, git-ignored), then a summary of the normal clients and of the attacker.
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import { runLoadScenario, type ScenarioReport } from './load-scenario';
import { OPS, type Op } from './mixed-load';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

/** The numbers RELIABILITY.md's tables take, one line each. */
function summarize(r: ScenarioReport) {
  const l = r.latencyMs;
  const errors = Object.entries(r.errorCodes).filter(([code]) => code !== 'none');
  const la = r.loadAverage;
  console.log(`[load] load average ${la.atStart.join(' ')} at the start, ${la.atEnd.join(' ')} at the end (${la.cpus} cores)`);
  console.log(
    `[load] normal clients: ${r.requests} requests, ${r.throughputPerSec}/s, p50 ${l.p50} / p99 ${l.p99} / max ${l.max} ms, ` +
      `errors ${errors.length ? errors.map(([c, n]) => `${c} ${n}`).join(', ') : 'none'}, unclean ${r.uncleanResponses}, ` +
      `no answer within 30 s ${r.clientTimeouts} (connection errors, timeouts included: ${r.clientErrors})`,
  );
  for (const [op, st] of Object.entries(r.operations)) {
    console.log(`[load]   ${op}: ${st.requests} answers, p50 ${st.latencyMs.p50} / p99 ${st.latencyMs.p99} / max ${st.latencyMs.max} ms`);
  }
  const c = r.consistency;
  console.log(`[load] writes: ${c.acknowledgedWrites} acknowledged, ${c.acknowledgedMissing} missing, ${c.duplicates} duplicates, ${c.partialBatches} batches stored in part`);
  if (r.cpuSeconds) console.log(`[load] CPU during the load: server ${r.cpuSeconds.server ?? '?'} s, Neo4j ${r.cpuSeconds.neo4j ?? '?'} s${r.cpuSeconds.neo4jJit !== undefined ? ` (${r.cpuSeconds.neo4jJit} s of it in its JIT compilers)` : ''}, the load generator ${r.cpuSeconds.generator?.toFixed(2) ?? '?'} s`);
  if (r.cpuSeconds?.machineBusy !== undefined) console.log(`[load] the machine's cores: busy ${r.cpuSeconds.machineBusy.toFixed(1)} s of ${r.cpuSeconds.machineTotal?.toFixed(1)} s`);
  if (r.serverPeakMemoryMb !== undefined) console.log(`[load] the server's peak resident memory: ${r.serverPeakMemoryMb} MiB`);
  for (const [query, t] of Object.entries(r.statements ?? {}).slice(0, 12)) {
    console.log(`[load]   ${query}: ${t.count} statements, ${t.totalSec} s in all, ${Math.round((t.totalSec / t.count) * 1000)} ms each`);
  }
  for (const [code, example] of Object.entries(r.errorExamples)) console.log(`[load]   ${code}, e.g. ${example}`);
  if (!r.attacker) return;
  console.log(`[load] attacker: ${r.attacker.sent} cases, ${r.attacker.rounds} full rounds`);
  for (const c of r.attacker.cases) {
    const answers = Object.entries(c.answers).map(([a, n]) => `${a} x${n}`).join(', ');
    const problems = Object.entries(c.problems).map(([p, n]) => ` ! ${p} x${n}`).join(';');
    console.log(`[load]   ${c.id}: sent ${c.sent}, ${answers || 'no answer'}, p50 ${c.latencyMs.p50} / max ${c.latencyMs.max} ms${problems}`);
  }
  for (const s of r.attacker.skipped) console.log(`[load]   ${s.id}: not sent (${s.reason})`);
}

async function main() {
  const ops = arg('ops', OPS.join(',')).split(',') as Op[];
  const unknown = ops.filter((op) => !OPS.includes(op));
  if (unknown.length) throw new Error(`--ops: unknown ${unknown.join(', ')} (the operations are ${OPS.join(', ')})`);
  const restart = process.argv.includes('--restart');
  const attacker = process.argv.includes('--attacker');
  const report = await runLoadScenario({
    connections: Number(arg('connections', '50')),
    durationSec: Number(arg('duration', '60')),
    chains: Number(arg('chains', '200')),
    ops,
    warmupSec: Number(arg('warmup', '0')),
    serverRoot: process.argv.includes('--server-root') ? path.resolve(arg('server-root', '')) : undefined,
    restart,
    tokens: process.argv.includes('--tokens'),
    attacker,
    server: 'child',
    log: (line) => console.log(`[load] ${line}`),
  });
  const out = path.join(PROJECT_ROOT, 'bench', 'results', `load-${restart ? 'restart' : 'steady'}${attacker ? '-attacker' : report.tokens ? '-tokens' : ''}-${Date.now()}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(report, null, 2));
  console.log(JSON.stringify(report, null, 2));
  console.log(`[load] report written to ${path.relative(PROJECT_ROOT, out)}`);
  summarize(report);
  const c = report.consistency;
  if (c.acknowledgedMissing || c.duplicates || c.partialBatches || report.uncleanResponses) process.exit(1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
