import { Command, Option } from 'commander';
import { walk } from '../lineage/walk';
import { printWalk } from '../lineage/print-walk';
import { addUrnOptions, clientFrom, parseEntityTypes, parseInstant, positiveInt, resolveUrn, type GlobalOptions, type UrnOptions } from '../options';
import { printJson } from '../output';

const HELP = `
Walks the lineage graph from one entity: --upstream answers "what produced this?", --downstream
"what does it feed?" (for a CI gate on the blast radius, see \`mlgraph impact\`). Every item has its
degree (steps from the entity) and the last hop of one shortest path (VIA).

Examples:
  $ mlgraph lineage 'urn:li:mlModel:(urn:li:dataPlatform:mlflow,churn-classifier-v3,PROD)' --upstream
  $ mlgraph lineage --type model --platform mlflow --name churn-classifier-v3 --upstream --depth 10
  $ mlgraph lineage --platform s3 --name raw.customers --downstream --types MODEL,DEPLOYMENT --json
`;

interface LineageOptions extends UrnOptions {
  upstream?: boolean;
  downstream?: boolean;
  depth: number;
  types?: string[];
  asOf?: string;
  json?: boolean;
}

/** `mlgraph lineage URN --upstream|--downstream`. */
export function lineageCommand(globals: () => GlobalOptions): Command {
  const cmd = new Command('lineage')
    .summary('what produced an entity (--upstream), or what it feeds (--downstream)')
    .description('List the entities upstream or downstream of one entity, nearest first.')
    .argument('[urn]', 'URN of the entity (or build it with --type/--platform/--name/--env)')
    .addOption(new Option('--upstream', 'walk towards what produced the entity').conflicts('downstream'))
    .addOption(new Option('--downstream', 'walk towards what the entity feeds'))
    .addOption(new Option('--depth <n>', 'steps to walk (1-1000)').argParser(positiveInt).default(3))
    .addOption(new Option('--types <types>', 'list only these entity types, comma-separated (all are walked through)').argParser(parseEntityTypes))
    .addOption(new Option('--as-of <instant>', 'walk the graph as it was then (ISO 8601)').argParser(parseInstant))
    .option('--json', 'print the result as JSON');
  addUrnOptions(cmd);
  return cmd.addHelpText('after', HELP).action(async (urn: string | undefined, o: LineageOptions) => {
    if (!o.upstream && !o.downstream) cmd.error('error: give --upstream or --downstream', { exitCode: 2 });
    const target = resolveUrn(urn, o);
    const direction = o.upstream ? 'UPSTREAM' : 'DOWNSTREAM';
    const result = await walk(clientFrom(globals()), { urn: target, direction, types: o.types, maxDepth: o.depth, asOf: o.asOf });
    if (o.json) printJson(result);
    else printWalk(o.upstream ? 'upstream of' : 'downstream of', result);
  });
}
