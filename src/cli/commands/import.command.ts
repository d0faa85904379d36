import { Command, InvalidArgumentError, Option } from 'commander';
import { SERVER_LIMITS } from '../ingest/ingest-lists';
import { importMlflow, KINDS, type ImportReport } from '../mlflow/importer';
import { MlflowRest } from '../mlflow/rest';
import { clientFrom, nonNegativeInt, parseEnv, type GlobalOptions } from '../options';
import { printJson, printTable } from '../output';
import { DEFAULT_ENV, Env } from '../urn';

const HELP = `
Reads experiments, runs (params, latest metrics, tags, dataset inputs, parent runs), registered
models, model versions (linked to the run that made them), aliases and tags through MLflow's REST
API, and writes them to mlgraph through \`ingest\` (platform "mlflow"). README.md, "MLflow import",
has the mapping table.

Incremental: the state of the last import is kept in mlgraph itself, on the imported entities
(custom properties mlflow.import.*), so any machine importing the same tracking server continues
where the last one stopped. Experiments, registered models and versions are sent when their
content changed; runs when they started or ended after the experiment's watermark, or were still
running last time. Aliases are compared on every import: a moved alias moves, a deleted one goes.

MLflow credentials come from MLflow's own variables: MLFLOW_TRACKING_TOKEN, or
MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD.

Examples:
  $ mlgraph import mlflow --tracking-uri http://127.0.0.1:5000
  $ mlgraph import mlflow --tracking-uri https://mlflow.internal --env DEV --dry-run
  $ mlgraph import mlflow --tracking-uri $MLFLOW_TRACKING_URI --instance eu --json
`;

interface ImportMlflowOptions {
  trackingUri: string;
  env: Env;
  instance?: string;
  full?: boolean;
  lookback: number;
  dryRun?: boolean;
  json?: boolean;
}

function instanceName(value: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(value)) throw new InvalidArgumentError('letters, digits, _ . - (at most 64), starting with a letter or digit');
  return value;
}

/** `mlgraph import mlflow`. */
export function importCommand(globals: () => GlobalOptions): Command {
  const cmd = new Command('import').summary('import metadata from another system (mlflow)');
  cmd
    .command('mlflow')
    .description('Import experiments, runs, datasets, registered models, versions and aliases from an MLflow tracking server.')
    .addOption(new Option('--tracking-uri <url>', 'MLflow tracking server').env('MLFLOW_TRACKING_URI').makeOptionMandatory())
    .addOption(new Option('--env <env>', `environment of the imported models, groups and datasets: ${Object.values(Env).join(', ')}, in any case`).argParser(parseEnv).default(DEFAULT_ENV))
    .addOption(new Option('--instance <name>', 'name of this tracking server, for importing several into one mlgraph (prefixes ids and model names)').argParser(instanceName))
    .option('--full', 'send everything, not only what changed since the last import')
    .addOption(new Option('--lookback <minutes>', 'also re-read runs that started or ended this long before the watermark (clients with slow clocks)').argParser(nonNegativeInt).default(0))
    .option('--dry-run', 'report what would change, writing nothing')
    .option('--json', 'print the report as JSON')
    .addHelpText('after', HELP)
    .action(async (o: ImportMlflowOptions) => {
      const g = globals();
      const mlflow = new MlflowRest(o.trackingUri, {
        token: process.env.MLFLOW_TRACKING_TOKEN,
        username: process.env.MLFLOW_TRACKING_USERNAME,
        password: process.env.MLFLOW_TRACKING_PASSWORD,
      }, g.timeout * 1000);
      const report = await importMlflow(mlflow, clientFrom(g), {
        ctx: { trackingUri: o.trackingUri, env: o.env, instance: o.instance },
        dryRun: Boolean(o.dryRun),
        full: Boolean(o.full),
        lookbackMs: o.lookback * 60_000,
        limits: SERVER_LIMITS,
        quiet: Boolean(g.quiet || o.json),
      });
      if (o.json) printJson(report);
      else printReport(report);
    });
  return cmd;
}

const KIND_LABEL = { experiments: 'experiments', runs: 'runs', datasets: 'datasets', modelGroups: 'model groups', models: 'model versions' };

function printReport(r: ImportReport): void {
  process.stdout.write(`MLflow ${r.trackingUri} -> mlgraph (env ${r.env})${r.dryRun ? ', dry run: nothing written' : ''}\n`);
  printTable(
    ['KIND', 'SEEN', 'SENT', 'CREATED', 'UPDATED', 'UNCHANGED', 'SKIPPED'],
    KINDS.map((k) => {
      const c = r.counts[k];
      return [KIND_LABEL[k], c.seen, c.sent, c.created, c.updated, c.unchanged, c.skipped].map(String);
    }),
  );
  const a = r.aliases;
  process.stdout.write(`aliases: ${a.seen} in MLflow, ${a.set} ${r.dryRun ? 'to set' : 'set'}, ${a.removed} ${r.dryRun ? 'to remove' : 'removed'}, ${a.unchanged} unchanged\n`);
  for (const w of r.warnings) process.stdout.write(`warning: ${w}\n`);
}
