import { Command } from 'commander';
import { addUrnOptions, resolveUrn, type UrnOptions } from '../options';

const HELP = `
Examples:
  $ mlgraph urn --platform s3 --name raw.customers
  urn:li:dataset:(urn:li:dataPlatform:s3,raw.customers,PROD)
  $ mlgraph urn --type model-group --platform mlflow --name fraud-detector --env DEV
  $ mlgraph urn --type training-run --id mlflow-7d1e...
`;

/** `mlgraph urn --type --platform --name --env`: prints the URN those key fields make. */
export function urnCommand(): Command {
  const cmd = new Command('urn')
    .summary('print the URN of an entity from its type and key fields')
    .description('Print the URN that --type, --platform, --name, --env (or --namespace, --id) make; no server is asked.');
  addUrnOptions(cmd);
  return cmd.addHelpText('after', HELP).action((o: UrnOptions) => {
    process.stdout.write(`${resolveUrn(undefined, o)}\n`);
  });
}
