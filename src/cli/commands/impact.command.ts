import { Command, InvalidArgumentError, Option } from 'commander';
import { CliError, ExitCode } from '../exit-codes';
import { GateSyntaxError, matches, parseGate, type GateExpr } from '../gate/fail-if';
import { printWalk } from '../lineage/print-walk';
import { walk, type WalkItem } from '../lineage/walk';
import { addUrnOptions, clientFrom, parseEntityTypes, parseInstant, positiveInt, resolveUrn, type GlobalOptions, type UrnOptions } from '../options';
import { printJson } from '../output';

const HELP = `
Lists everything downstream of an entity: what breaks if it changes. With --fail-if it is a CI
gate: the command exits 1 when a rule matches an impacted entity, 0 otherwise.

A rule is a condition on one impacted entity:
  field=value[,value...]   the field is any of the values      type=MODEL,DEPLOYMENT
  field!=value[,value...]  the field is none of them           env!=DEV
  degree<N  <=  >  >=      steps from the changed entity       degree<=2
  any                      every impacted entity
joined with and, or, not and parentheses. Fields: type, env, platform, name, urn, status,
alias (a model version's aliases), tag, degree. type, env and status ignore case; * matches any
text (name=churn-*); quote values with spaces (name='churn model'). Several --fail-if rules fail
the gate when any of them matches. A walk cut by a server limit cannot prove that nothing matches:
it fails the gate too, unless --allow-partial.

Examples:
  $ mlgraph impact 'urn:li:dataset:(urn:li:dataPlatform:s3,raw.customers,PROD)'
  $ mlgraph impact --platform s3 --name raw.customers --types MODEL,DEPLOYMENT --json
  $ mlgraph impact --platform s3 --name raw.customers \\
      --fail-if 'type=DEPLOYMENT and env=PROD' \\
      --fail-if 'type=MODEL and alias=champion'
`;

interface ImpactOptions extends UrnOptions {
  types?: string[];
  maxDepth: number;
  asOf?: string;
  failIf?: { text: string; expr: GateExpr }[];
  allowPartial?: boolean;
  json?: boolean;
}

function parseRule(value: string, previous: { text: string; expr: GateExpr }[] = []) {
  try {
    return [...previous, { text: value, expr: parseGate(value) }];
  } catch (err) {
    if (err instanceof GateSyntaxError) throw new InvalidArgumentError(err.message);
    throw err;
  }
}

/** `mlgraph impact URN [--fail-if RULE]...`. */
export function impactCommand(globals: () => GlobalOptions): Command {
  const cmd = new Command('impact')
    .summary('what breaks if an entity changes; a CI gate with --fail-if')
    .description('List everything downstream of an entity, and fail (exit 1) when a --fail-if rule matches one of them.')
    .argument('[urn]', 'URN of the entity that changes (or build it with --type/--platform/--name/--env)')
    .addOption(new Option('--types <types>', 'list only these entity types, comma-separated (all are walked through; rules see only listed ones)').argParser(parseEntityTypes))
    .addOption(new Option('--max-depth <n>', 'steps to walk (1-1000)').argParser(positiveInt).default(1000))
    .addOption(new Option('--as-of <instant>', 'walk the graph as it was then (ISO 8601)').argParser(parseInstant))
    .addOption(new Option('--fail-if <rule>', 'exit 1 when an impacted entity matches the rule (repeatable; see below)').argParser(parseRule))
    .option('--allow-partial', 'let a walk cut by a server limit pass the gate')
    .option('--json', 'print the result (and the gate) as JSON');
  addUrnOptions(cmd);
  return cmd.addHelpText('after', HELP).action(async (urn: string | undefined, o: ImpactOptions) => {
    const target = resolveUrn(urn, o);
    const result = await walk(clientFrom(globals()), { urn: target, direction: 'IMPACT', types: o.types, maxDepth: o.maxDepth, asOf: o.asOf });
    const rules = (o.failIf ?? []).map((r) => ({ rule: r.text, matched: result.items.filter((i) => matches(r.expr, i)) }));
    const cut = rules.length > 0 && result.isPartial && !o.allowPartial;
    const failed = rules.some((r) => r.matched.length > 0) || cut;
    if (o.json) {
      printJson({
        ...result,
        ...(rules.length
          ? { gate: { failed, partial: result.isPartial, rules: rules.map((r) => ({ rule: r.rule, matched: r.matched.map((i) => i.urn) })) } }
          : {}),
      });
    } else {
      printWalk('impact of', result);
      for (const r of rules) printRule(r.rule, r.matched);
      if (cut) process.stdout.write('gate FAILED: the walk was cut, so it cannot show that no rule matches (--allow-partial lets it pass)\n');
    }
    if (failed) throw new CliError('', ExitCode.GATE_FAILED);
  });
}

function printRule(rule: string, matched: WalkItem[]): void {
  if (!matched.length) {
    process.stdout.write(`gate passed: no impacted entity matches "${rule}"\n`);
    return;
  }
  process.stdout.write(`gate FAILED: ${matched.length} impacted entit${matched.length === 1 ? 'y matches' : 'ies match'} "${rule}":\n`);
  for (const i of matched) process.stdout.write(`  ${i.type} ${i.name} (${i.urn})\n`);
}
