// Load and restart runs for BENCHMARKS.md and RELIABILITY.md. Usage (after `npm run build`):
//   npm run load:test -- [--connections 50] [--duration 60] [--restart] [--chains 200]
// Prints progress, then the report as JSON (also written to bench/results/, git-ignored).
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import { runLoadScenario } from './load-scenario';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

async function main() {
  const restart = process.argv.includes('--restart');
  const report = await runLoadScenario({
    connections: Number(arg('connections', '50')),
    durationSec: Number(arg('duration', '60')),
    chains: Number(arg('chains', '200')),
    restart,
    server: 'child',
    log: (line) => console.log(`[load] ${line}`),
  });
  const out = path.join(PROJECT_ROOT, 'bench', 'results', `load-${restart ? 'restart' : 'steady'}-${Date.now()}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(report, null, 2));
  console.log(JSON.stringify(report, null, 2));
  console.log(`[load] report written to ${path.relative(PROJECT_ROOT, out)}`);
  const c = report.consistency;
  if (c.acknowledgedMissing || c.duplicates || c.partialBatches || report.uncleanResponses) process.exit(1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
