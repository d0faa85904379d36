// How long the explorer's lineage layouts take on the 500-node neighbourhood of the browser test
// (test/support/web-seed.ts): ELK's layered layout with the explorer's options, and the
// linear-time layered layout used above ELK_MAX_NODES. Each sample runs in a fresh Node process,
// as each page load starts a fresh ELK worker whose code is not optimised yet.
// Usage: npm run bench:web-layout [-- --samples 5]
import { execFileSync } from 'node:child_process';
import ELK from 'elkjs/lib/elk.bundled.js';
import { toElkGraph } from '../web/src/lib/elk-graph';
import { fastLayeredLayout } from '../web/src/lib/fast-layout';
import { assembleGraph, type LineageGraphData } from '../web/src/lib/graph-assembly';
import { neighbourhood500 } from '../test/support/web-seed';

type Algo = 'elk' | 'fast';

/** The lineageGraph answer the server gives for the seeded hub (3 steps each side). */
function hubGraph(): LineageGraphData {
  const { hubUrn, batch } = neighbourhood500('bench');
  const ref = (urn: string, type: string) => ({ urn, type, name: urn, status: 'ACTIVE' });
  const ds = (name: string) => `urn:li:dataset:(urn:li:dataPlatform:s3,${name},PROD)`;
  const nodes: LineageGraphData['nodes'] = [];
  const edges: LineageGraphData['edges'] = [];
  const edge = (from: string, relationship: string, to: string) => edges.push({ from: { urn: from }, relationship, to: { urn: to } });
  for (const d of batch.datasets as { name: string }[]) {
    if (ds(d.name) === hubUrn) continue;
    nodes.push({ direction: 'UPSTREAM', degree: 1, entity: ref(ds(d.name), 'DATASET') });
    edge(hubUrn, 'DERIVED_FROM', ds(d.name));
  }
  for (const f of batch.features as { namespace: string; name: string }[]) {
    const urn = `urn:li:mlFeature:(${f.namespace},${f.name})`;
    nodes.push({ direction: 'DOWNSTREAM', degree: 1, entity: ref(urn, 'FEATURE') });
    edge(urn, 'DERIVED_FROM', hubUrn);
  }
  for (const m of batch.models as { name: string; features: string[]; deployments: string[] }[]) {
    const urn = `urn:li:mlModel:(urn:li:dataPlatform:mlflow,${m.name},PROD)`;
    nodes.push({ direction: 'DOWNSTREAM', degree: 1, entity: ref(urn, 'MODEL') });
    edge(urn, 'TRAINED_ON', hubUrn);
    m.features.forEach((f) => edge(urn, 'CONSUMES', f));
    m.deployments.forEach((d) => {
      nodes.push({ direction: 'DOWNSTREAM', degree: 2, entity: ref(d, 'DEPLOYMENT') });
      edge(urn, 'DEPLOYED_TO', d);
    });
  }
  return { root: ref(hubUrn, 'DATASET'), isPartial: false, nodes, edges };
}

async function once(algo: Algo): Promise<{ wallMs: number; cpuMs: number }> {
  const graph = assembleGraph(hubGraph());
  const cpu = process.cpuUsage();
  const started = performance.now();
  if (algo === 'elk') await new ELK().layout(toElkGraph(graph));
  else fastLayeredLayout(graph);
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const one = argv.indexOf('--one');
  if (one >= 0) {
    process.stdout.write(JSON.stringify(await once(argv[one + 1] as Algo)));
    return;
  }
  const samples = Number(argv[argv.indexOf('--samples') + 1]) || 5;
  const graph = assembleGraph(hubGraph());
  const report: Record<string, unknown> = { when: new Date().toISOString(), nodes: graph.nodes.length, edges: graph.edges.length, loadBefore: (await import('node:os')).loadavg() };
  for (const algo of ['elk', 'fast'] as Algo[]) {
    const runs = Array.from({ length: samples }, (_, i) => {
      process.stderr.write(`${algo} ${i + 1}/${samples}\n`);
      return JSON.parse(execFileSync(process.execPath, [__filename, '--one', algo], { encoding: 'utf8' })) as { wallMs: number; cpuMs: number };
    });
    const median = (k: 'wallMs' | 'cpuMs') => runs.map((r) => r[k]).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
    report[algo] = { medianWallMs: Math.round(median('wallMs')), medianCpuMs: Math.round(median('cpuMs')), runs: runs.map((r) => ({ wallMs: Math.round(r.wallMs), cpuMs: Math.round(r.cpuMs) })) };
  }
  report.loadAfter = (await import('node:os')).loadavg();
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
