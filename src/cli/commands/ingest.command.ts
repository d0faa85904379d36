import { Command, Option } from 'commander';
import { readBatchFile, type BatchFile, type BatchItem } from '../ingest/batch-file';
import { SERVER_LIMITS } from '../ingest/ingest-lists';
import { planChunks } from '../ingest/plan';
import { sendChunks, type IngestReport } from '../ingest/send';
import { positiveInt, clientFrom, type GlobalOptions } from '../options';
import { printJson } from '../output';

const HELP = `
A batch file is the \`ingest\` mutation's IngestBatchInput (see schema/schema.graphql) as JSON or
YAML: lists named datasets, features, featureTables, modelGroups, models, experiments,
trainingRuns, deployments and links. A YAML file may hold several batches (documents split by
---). All files of one command form one batch, so they may name each other's entities.

Within the server's limits (${SERVER_LIMITS.entities.toLocaleString('en-US')} entities and ${SERVER_LIMITS.links.toLocaleString('en-US')} links per call) the whole batch is
ONE transaction: all of it is written or nothing. A larger batch is sent as several calls, each
entity before those that name it and links last, so every call only names entities already
written; a call that fails leaves the earlier calls written (re-running is safe: ingest is
idempotent). --dry-run checks every call and writes nothing.

Errors are printed with their place, e.g.
  run.yaml:14:7: BAD_USER_INPUT: name must start with a letter or digit ...

Examples:
  $ mlgraph ingest examples/ci-batch.json --dry-run && mlgraph ingest examples/ci-batch.json
  $ mlgraph ingest datasets.yaml models.yaml --json
  $ MLGRAPH_URL=https://mlgraph.example.com/graphql MLGRAPH_TOKEN=$TOKEN mlgraph ingest run.json
`;

interface IngestOptions {
  dryRun?: boolean;
  json?: boolean;
  batchSize: number;
  linkBatchSize: number;
}

/** `mlgraph ingest FILE...`. */
export function ingestCommand(globals: () => GlobalOptions): Command {
  return new Command('ingest')
    .summary('write entities and links from JSON or YAML batch files')
    .description('Write the entities and links of JSON or YAML batch files through the server\'s `ingest` mutation.')
    .argument('<files...>', 'batch files (.json, .yaml, .yml)')
    .option('--dry-run', 'check everything and report what would change, writing nothing')
    .option('--json', 'print the report as JSON')
    .addOption(new Option('--batch-size <n>', 'most entities per call').argParser(positiveInt).default(SERVER_LIMITS.entities))
    .addOption(new Option('--link-batch-size <n>', 'most links per call').argParser(positiveInt).default(SERVER_LIMITS.links))
    .addHelpText('after', HELP)
    .action(async (files: string[], opts: IngestOptions) => {
      const g = globals();
      const parsed: BatchFile[] = files.map(readBatchFile);
      const items: BatchItem[] = parsed.flatMap((f) => f.items);
      const byPath = new Map(parsed.map((f) => [f.path, f]));
      const chunks = planChunks(items, { entities: opts.batchSize, links: opts.linkBatchSize }, Boolean(opts.dryRun));
      const report = await sendChunks(clientFrom(g), chunks, {
        dryRun: Boolean(opts.dryRun),
        quiet: g.quiet || opts.json,
        locate: (origin, rest) => byPath.get(origin.file)!.locate(origin.doc, [origin.list, origin.index, ...rest]),
      });
      if (opts.json) printJson(report);
      else printReport(report, files);
    });
}

function printReport(r: IngestReport, files: string[]): void {
  const notes = [r.dryRun ? 'dry run: nothing written' : '', r.calls > 1 ? `${r.calls} calls` : ''].filter(Boolean);
  process.stdout.write(
    `${files.join(', ')}: ${r.created.length} created, ${r.updated.length} updated, ${r.unchanged.length} unchanged` +
      `${notes.length ? ` (${notes.join(', ')})` : ''}\n`,
  );
  for (const w of r.warnings) process.stdout.write(`warning: ${w.at ?? w.field}: ${w.code}: ${w.message}\n`);
}
