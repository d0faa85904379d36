import { InvalidArgumentError, Option, type Command } from 'commander';
import { GraphQLClient } from './client';
import { CliError, ExitCode } from './exit-codes';
import { buildUrn, currentTypes, DEFAULT_ENV, ENTITY_TYPES, Env, EntityType, urnKeyFields, type UrnKey } from './urn';

/** Options every command takes (set on the program; read with optsWithGlobals). */
export interface GlobalOptions {
  url: string;
  token?: string;
  timeout: number;
  quiet?: boolean;
}

/** A GraphQL client for the server the global options name. */
export function clientFrom(g: GlobalOptions): GraphQLClient {
  return new GraphQLClient({
    url: graphqlEndpoint(g.url),
    token: g.token || undefined,
    timeoutMs: g.timeout * 1000,
    onBusy: (wait, attempt) => g.quiet || process.stderr.write(`mlgraph: the server is busy; trying again in ${wait} s (${attempt} of 5)\n`),
  });
}

/**
 * The GraphQL endpoint of a server URL: a URL with a path is used as it is; a bare server URL
 * (https://mlgraph.example.com) gets /graphql, so MLGRAPH_URL may hold either.
 */
export function graphqlEndpoint(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CliError(`--url: not a URL: ${url}`, ExitCode.USAGE);
  }
  if (parsed.pathname === '/' || parsed.pathname === '') parsed.pathname = '/graphql';
  return parsed.toString();
}

/** commander argParser: a whole number of at least 1. */
export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return n;
}

/** commander argParser: a whole number of at least 0. */
export function nonNegativeInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number of at least 0');
  return n;
}

/** An entity type as users write it: MODEL_GROUP, model-group or modelgroup. */
export function parseEntityType(value: string): EntityType {
  const norm = value.toUpperCase().replace(/-/g, '_');
  const found = Object.values(EntityType).find((t) => t === norm || t.replace(/_/g, '') === norm);
  if (!found) throw new InvalidArgumentError(`unknown type; one of ${ENTITY_TYPES.join(', ')}`);
  // A former name (TRAINING_RUN) means the kind it names now (RUN).
  return currentTypes([found])![0];
}

/** commander argParser for a comma-separated list of entity types. */
export function parseEntityTypes(value: string, previous: EntityType[] = []): EntityType[] {
  return [...previous, ...value.split(',').filter(Boolean).map(parseEntityType)];
}

/** commander argParser for an environment, in any case (`dev` is DEV), as `--fail-if` rules take it. */
export function parseEnv(value: string): Env {
  const env = Object.values(Env).find((e) => e === value.toUpperCase());
  if (!env) throw new InvalidArgumentError(`unknown environment; one of ${Object.values(Env).join(', ')}`);
  return env;
}

/** An ISO 8601 instant. */
export function parseInstant(value: string): string {
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new InvalidArgumentError('expected an ISO 8601 date-time, e.g. 2025-06-01T00:00:00Z');
  return new Date(t).toISOString();
}

export interface UrnOptions {
  type?: EntityType;
  platform?: string;
  name?: string;
  env?: string;
  namespace?: string;
  id?: string;
}

/** Adds the options that build a URN, for users who would rather not type one. */
export function addUrnOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--type <type>', 'entity type of the URN to build (default DATASET when --platform is given)').argParser(parseEntityType))
    .option('--platform <platform>', 'platform of the URN to build, e.g. s3, snowflake, mlflow')
    .option('--name <name>', 'name of the URN to build')
    .addOption(new Option('--env <env>', `environment of the URN to build: ${Object.values(Env).join(', ')}, in any case (default ${DEFAULT_ENV})`).argParser(parseEnv))
    .option('--namespace <ns>', 'namespace of a FEATURE URN to build')
    .option('--id <id>', 'id of an EXPERIMENT or RUN URN to build');
}

/**
 * The URN a command is about: the positional argument, or one built from the URN options (type,
 * then its key fields; env defaults to PROD). Throws a USAGE CliError when neither or both are given
 * or a key field is missing.
 */
export function resolveUrn(positional: string | undefined, o: UrnOptions): string {
  const built = o.type !== undefined || o.platform !== undefined || o.name !== undefined || o.id !== undefined || o.namespace !== undefined;
  if (positional && built) throw new CliError('give either a URN or --type/--platform/--name/--env, not both', ExitCode.USAGE);
  if (positional) return positional;
  if (!built) throw new CliError('give a URN, or build one with --type, --platform, --name, --env (see --help)', ExitCode.USAGE);
  const type = o.type ?? EntityType.DATASET;
  const key: UrnKey = {};
  for (const k of urnKeyFields(type)) {
    const v = k === 'env' ? (o.env ?? DEFAULT_ENV) : (o as Record<string, string | undefined>)[k];
    if (!v) throw new CliError(`a ${type} URN needs --${k}`, ExitCode.USAGE);
    (key as Record<string, string>)[k] = v;
  }
  return buildUrn(type, key);
}
