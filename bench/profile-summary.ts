// Summarises a V8 CPU profile (node --cpu-prof) by where the time went: garbage collection, the
// Neo4j driver, GraphQL execution, Apollo/Express, mlgraph's own code, and the rest.
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const CATEGORIES: [string, (fn: string, url: string) => boolean][] = [
  ['garbage collection', (fn) => fn === '(garbage collector)'],
  ['idle', (fn) => fn === '(idle)' || fn === '(program)'],
  ['neo4j-driver', (_fn, url) => url.includes('node_modules/neo4j-driver')],
  ['graphql / type-graphql', (_fn, url) => /node_modules\/(graphql|type-graphql|graphql-query-complexity|graphql-depth-limit|class-validator|class-transformer)\//.test(url)],
  ['apollo / express / pino', (_fn, url) => /node_modules\/(@apollo|express|body-parser|@as-integrations|pino|pino-http|raw-body|router|iconv-lite)/.test(url)],
  ['dataloader', (_fn, url) => url.includes('node_modules/dataloader')],
  ['mlgraph', (_fn, url) => /\/(dist|dist\/bench-out)\/src\//.test(url)],
  ['node internals', (_fn, url) => url.startsWith('node:') || url === ''],
];

/** A table of self time by category, with the ten heaviest functions. */
export function summarizeProfile(file: string): string {
  const p = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const cats = new Map<string, number>();
  const fns = new Map<string, number>();
  for (const [id, t] of self) {
    const { functionName, url } = byId.get(id)!.callFrame;
    const cat = CATEGORIES.find(([, test]) => test(functionName, url))?.[0] ?? 'other';
    cats.set(cat, (cats.get(cat) ?? 0) + t);
    const key = `${functionName || '(anonymous)'} ${url.replace(/^.*node_modules\//, '').replace(/^.*\/dist\//, 'dist/')}`;
    fns.set(key, (fns.get(key) ?? 0) + t);
  }
  const busy = total - (cats.get('idle') ?? 0);
  const pct = (t: number) => `${((100 * t) / busy).toFixed(1)}%`.padStart(6);
  const lines = [`${file}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy; share of busy time:`];
  for (const [cat, t] of [...cats].filter(([c]) => c !== 'idle').sort((a, b) => b[1] - a[1])) lines.push(`  ${pct(t)}  ${cat}`);
  lines.push('  heaviest functions (self time):');
  const heaviest = [...fns].filter(([fn]) => !/^\((idle|program)\)/.test(fn)).sort((a, b) => b[1] - a[1]);
  for (const [fn, t] of heaviest.slice(0, 15)) lines.push(`  ${pct(t)}  ${fn}`);
  return lines.join('\n');
}

if (require.main === module) {
  for (const f of process.argv.slice(2)) console.log(summarizeProfile(f));
}
