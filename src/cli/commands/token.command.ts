import { Command, Option } from 'commander';
import { clientFrom, type GlobalOptions } from '../options';
import { printJson, printTable } from '../output';

const ROLES = ['reader', 'writer', 'admin'];

const HELP = `
Tokens are managed by an ADMIN caller. On a fresh local install (npm start, no tokens configured,
listening on 127.0.0.1) a caller without a token is ADMIN, so the first token is made like this:

  $ mlgraph token create --principal ci-pipeline --role writer
  $ mlgraph token create --principal ops --role admin      # keep it to manage tokens later

The secret is printed once; the server keeps only its hash. Then give the pipeline
MLGRAPH_TOKEN=<secret>, and run the server so that tokens are required (any of: set
MLGRAPH_TOKENS or MLGRAPH_TOKENS_FILE, HOST not loopback, or MLGRAPH_ANONYMOUS_ROLE=none).

Examples:
  $ mlgraph token list
  $ mlgraph token revoke 6f1c2d9e-...
  $ MLGRAPH_TOKEN=$ADMIN_TOKEN mlgraph token create --principal ui --role reader --json
`;

const TOKEN_FIELDS = 'id principal role createdAt createdBy revokedAt';

/** `mlgraph token create|list|revoke`. */
export function tokenCommand(globals: () => GlobalOptions): Command {
  const token = new Command('token').summary('create, list and revoke API tokens (ADMIN)').addHelpText('after', HELP);

  token
    .command('create')
    .description('Create an API token; its secret is printed once.')
    .requiredOption('--principal <name>', 'who will use it, e.g. ci-pipeline (recorded as createdBy/updatedBy of their changes)')
    .addOption(new Option('--role <role>', 'what it may do').choices(ROLES).makeOptionMandatory())
    .option('--json', 'print the token as JSON')
    .action(async (o: { principal: string; role: string; json?: boolean }) => {
      const { createApiToken: t } = await clientFrom(globals()).request(
        `mutation($p: String!, $r: Role!) { createApiToken(principal: $p, role: $r) { ${TOKEN_FIELDS} token } }`,
        { p: o.principal, r: o.role.toUpperCase() },
      );
      if (o.json) return printJson(t);
      process.stdout.write(`${t.token}\n`);
      process.stderr.write(`token ${t.id} for ${t.principal} (${t.role}); the secret above is shown only now\n`);
    });

  token
    .command('list')
    .description('List API tokens, newest first (secrets are never shown).')
    .option('--json', 'print the tokens as JSON')
    .action(async (o: { json?: boolean }) => {
      const { apiTokens } = await clientFrom(globals()).request(`{ apiTokens { ${TOKEN_FIELDS} } }`);
      if (o.json) return printJson(apiTokens);
      printTable(
        ['ID', 'PRINCIPAL', 'ROLE', 'CREATED', 'BY', 'REVOKED'],
        apiTokens.map((t: any) => [t.id, t.principal, t.role, t.createdAt, t.createdBy ?? '', t.revokedAt ?? '']),
      );
    });

  token
    .command('revoke')
    .description('Revoke an API token by id (at once on this server, within 5 s on other replicas).')
    .argument('<id>', 'token id, from `mlgraph token list`')
    .action(async (id: string) => {
      const { revokeApiToken } = await clientFrom(globals()).request('mutation($id: ID!) { revokeApiToken(id: $id) }', { id });
      process.stdout.write(revokeApiToken ? `revoked ${id}\n` : `${id} was already revoked\n`);
    });
  return token;
}
