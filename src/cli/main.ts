#!/usr/bin/env node
import fs from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { DEFAULT_URL } from './client';
import { impactCommand } from './commands/impact.command';
import { importCommand } from './commands/import.command';
import { ingestCommand } from './commands/ingest.command';
import { lineageCommand } from './commands/lineage.command';
import { tokenCommand } from './commands/token.command';
import { urnCommand } from './commands/urn.command';
import { CliError, ExitCode } from './exit-codes';
import { positiveInt, type GlobalOptions } from './options';

const HELP = `
Server and token come from --url/--token or MLGRAPH_URL/MLGRAPH_TOKEN.

Exit codes:
  0  done (for impact --fail-if: no rule matched)
  1  impact --fail-if: a rule matched, the gate failed
  2  bad command line or unreadable file; nothing was sent
  3  mlgraph or MLflow could not be reached, timed out or failed (UNAVAILABLE, TIMEOUT, 5xx)
  4  the server refused the request (BAD_USER_INPUT, NOT_FOUND, CONFLICT, QUERY_TOO_COMPLEX, RESPONSE_TOO_LARGE)
  5  no valid token, or its role may not do this (UNAUTHENTICATED, FORBIDDEN)

Examples:
  $ mlgraph ingest examples/ci-batch.json --dry-run
  $ mlgraph impact --platform s3 --name raw.customers --fail-if 'type=DEPLOYMENT and env=PROD'
  $ mlgraph lineage --type model --platform mlflow --name churn-classifier-v3 --upstream
  $ mlgraph import mlflow --tracking-uri http://mlflow.internal:5000
  $ mlgraph token create --principal ci-pipeline --role writer
`;

/** The version in the package.json above this file (src/cli when run by ts-jest, dist/src/cli when built). */
function packageVersion(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')).version;
  }
  return 'unknown';
}

/** The `mlgraph` program; `run` parses argv and returns the exit code. */
export function buildProgram(): Command {
  const program = new Command('mlgraph');
  const globals = () => program.opts<GlobalOptions>();
  program
    .description('Command-line client of an mlgraph server: ingest batches, gate CI on impact, walk lineage, import from MLflow, manage tokens.')
    .version(packageVersion())
    .addOption(new Option('--url <url>', 'the mlgraph server, or its GraphQL endpoint (/graphql is added to a bare server URL)').env('MLGRAPH_URL').default(DEFAULT_URL))
    .addOption(new Option('--token <token>', 'API token (sent as Authorization: Bearer)').env('MLGRAPH_TOKEN'))
    .addOption(new Option('--timeout <seconds>', 'per-request timeout').argParser(positiveInt).default(300))
    .option('-q, --quiet', 'no progress output')
    .showHelpAfterError('(add --help for usage)')
    .configureOutput({ outputError: (text, write) => write(text) })
    .exitOverride()
    .addHelpText('after', HELP);
  for (const cmd of [
    ingestCommand(globals),
    impactCommand(globals),
    lineageCommand(globals),
    importCommand(globals),
    tokenCommand(globals),
    urnCommand(),
  ]) {
    program.addCommand(cmd);
  }
  // Subcommands inherit exitOverride and output settings only when set on each of them.
  const all = (c: Command): Command[] => [c, ...c.commands.flatMap(all)];
  for (const c of all(program).slice(1)) c.exitOverride().showHelpAfterError('(add --help for usage)');
  return program;
}

/** Runs the CLI on `argv` (process.argv shape) and resolves with its exit code; never throws. */
export async function run(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return ExitCode.OK;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end through here with code 0; every other parse error is a usage error.
      return err.exitCode === 0 ? ExitCode.OK : ExitCode.USAGE;
    }
    if (err instanceof CliError) {
      if (err.message) process.stderr.write(`mlgraph: ${err.message}\n`);
      for (const line of err.details) process.stderr.write(`  ${line}\n`);
      return err.code;
    }
    process.stderr.write(`mlgraph: unexpected error: ${err instanceof Error ? err.stack : String(err)}\n`);
    return ExitCode.SERVER;
  }
}

if (require.main === module) {
  void run(process.argv).then((code) => {
    process.exitCode = code;
  });
}
