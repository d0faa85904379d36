import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Role } from '../../src/auth/role';
import { createServer, type MlgraphServer } from '../../src/server';
import { ensureCliBuilt, PROJECT_ROOT, runCli } from '../support/cli';
import { testLog, uniqueId } from '../support/harness';
import { useTestServer } from '../support/live-server';

// The built `mlgraph` CLI, spawned as a CI job would run it, against a real server over HTTP.

const EXAMPLE = path.join(PROJECT_ROOT, 'examples', 'ci-batch.json');
const RAW = 'urn:li:dataset:(urn:li:dataPlatform:s3,raw.loan_applications,PROD)';
const MODEL = 'urn:li:mlModel:(urn:li:dataPlatform:mlflow,credit-risk-v41,PROD)';
const GROUP = 'urn:li:mlModelGroup:(urn:li:dataPlatform:mlflow,credit-risk,PROD)';
const ENDPOINT = 'urn:li:mlModelDeployment:(urn:li:dataPlatform:sagemaker,credit-risk-endpoint,PROD)';

describe('the mlgraph CLI against a real server', () => {
  const t = useTestServer();
  let env: Record<string, string>;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlgraph-cli-'));
  const file = (name: string, text: string) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, text);
    return p;
  };
  const cli = (...args: string[]) => runCli(['--quiet', ...args], env);

  beforeAll(async () => {
    ensureCliBuilt();
    env = { MLGRAPH_URL: await t.server.listen(0, '127.0.0.1') };
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('ingest', () => {
    it('checks the committed example with --dry-run, writes it, and reports an identical resend as unchanged', async () => {
      const dry = await cli('ingest', EXAMPLE, '--dry-run', '--json');
      expect(dry.code).toBe(0);
      const report = JSON.parse(dry.stdout);
      expect(report.dryRun).toBe(true);
      expect(report.created.length + report.updated.length + report.unchanged.length).toBe(8);

      const first = await cli('ingest', EXAMPLE);
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(/examples\/ci-batch\.json: \d+ created, \d+ updated, \d+ unchanged\n$/);
      const again = await cli('ingest', EXAMPLE);
      expect(again).toMatchObject({ code: 0, stdout: `${EXAMPLE}: 0 created, 0 updated, 8 unchanged\n` });
      const { model } = await t.ok(`{ model(urn: "${MODEL}") { trainingRuns { urn } groups { urn } deployments { urn } } }`);
      expect(model).toEqual({
        trainingRuns: [{ urn: 'urn:li:dataProcessInstance:credit-risk-run-41' }],
        groups: [{ urn: GROUP }],
        deployments: [{ urn: ENDPOINT }],
      });
    });

    it('prints each refused value with its file, line and column, and exits 4', async () => {
      const yaml = file(
        'bad.yaml',
        ['datasets:', '  - platform: s3', '    name: fine', '  - platform: s3', '    name: "(bad name)"', ''].join('\n'),
      );
      const bad = await cli('ingest', yaml);
      expect(bad.code).toBe(4);
      expect(bad.stderr).toContain(`${yaml}:5:5: BAD_USER_INPUT`);

      const badEnum = file('enum.yaml', ['models:', '  - platform: mlflow', '    name: m', '    env: MARS', ''].join('\n'));
      const coerced = await cli('ingest', badEnum);
      expect(coerced.code).toBe(4);
      expect(coerced.stderr).toContain(`${badEnum}:4:5: BAD_USER_INPUT`);

      const missing = 'urn:li:dataset:(urn:li:dataPlatform:s3,nowhere-to-be-found,PROD)';
      const dangling = file('dangling.json', JSON.stringify({ trainingRuns: [{ id: uniqueId('run'), name: 'r', inputs: [missing] }] }, null, 2));
      const notFound = await cli('ingest', dangling);
      expect(notFound.code).toBe(4);
      expect(notFound.stderr).toMatch(new RegExp(`dangling\\.json:\\d+:\\d+: NOT_FOUND: .*nowhere-to-be-found`));
    });

    it('refuses a file it cannot read as a batch with exit 2, sending nothing', async () => {
      const unknown = await cli('ingest', file('unknown.yaml', 'notebooks: []\n'));
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain('unknown list "notebooks"');
      expect((await cli('ingest', path.join(dir, 'absent.json'))).code).toBe(2);
    });

    it('splits a batch over the limits so that every call names only entities already written', async () => {
      const p = uniqueId('split');
      const urn = (i: number) => `urn:li:dataset:(urn:li:dataPlatform:${p},d${i},PROD)`;
      // d0 <- d1 <- ... <- d11, written last-first so that a naive split would name unwritten entities.
      const datasets = Array.from({ length: 12 }, (_, k) => 11 - k).map((i) => ({ platform: p, name: `d${i}`, ...(i ? { upstreams: [urn(i - 1)] } : {}) }));
      const models = [{ platform: p, name: 'm', trainingDatasets: [urn(11)] }];
      const model = `urn:li:mlModel:(urn:li:dataPlatform:${p},m,PROD)`;
      const links = Array.from({ length: 5 }, (_, i) => ({ from: model, relationship: 'EVALUATED_ON', to: urn(i) }));
      const split = file('split.json', JSON.stringify({ datasets, models, links }));
      const args = ['ingest', split, '--batch-size', '4', '--link-batch-size', '2', '--json'];

      const dry = JSON.parse((await cli(...args, '--dry-run')).stdout);
      expect(dry).toMatchObject({ dryRun: true, updated: [], unchanged: [] });
      expect(dry.calls).toBeGreaterThan(3);
      expect(dry.created).toHaveLength(13);
      expect(await t.raw('MATCH (n:Entity {platform: $p}) RETURN n.urn', { p })).toEqual([]);

      const real = await cli(...args);
      expect(real.code).toBe(0);
      expect(JSON.parse(real.stdout).created.sort()).toEqual(dry.created.sort());
      const { lineage } = await t.ok(`{ lineage(urn: "${model}", direction: UPSTREAM, maxDepth: 20) { total items { degree entity { name } } } }`);
      expect(lineage.total).toBe(12);
      expect(lineage.items.filter((i: { degree: number }) => i.degree === 1).map((i: { entity: { name: string } }) => i.entity.name).sort()).toEqual(['d0', 'd1', 'd11', 'd2', 'd3', 'd4']);
      const chain = await t.raw('MATCH (:Dataset {platform: $p})-[r:DERIVED_FROM]->(:Dataset {platform: $p}) WHERE r.validTo IS NULL RETURN count(r) AS n', { p });
      expect(chain[0].n).toBe(11);
      const again = JSON.parse((await cli(...args)).stdout);
      expect(again).toMatchObject({ created: [], updated: [] });
      expect(again.unchanged).toHaveLength(13);
    });
  });

  describe('impact as a CI gate', () => {
    it('exits 1 when a rule matches, 0 when none does, and says which entities matched', async () => {
      const prod = await cli('impact', '--platform', 's3', '--name', 'raw.loan_applications', '--fail-if', 'type=DEPLOYMENT and env=PROD');
      expect(prod.code).toBe(1);
      expect(prod.stdout).toContain(`gate FAILED: 1 impacted entity matches "type=DEPLOYMENT and env=PROD":\n  DEPLOYMENT credit-risk-endpoint (${ENDPOINT})`);
      const dev = await cli('impact', RAW, '--fail-if', 'env=DEV', '--fail-if', 'alias=champion');
      expect(dev.code).toBe(0);
      expect(dev.stdout).toContain('gate passed: no impacted entity matches "env=DEV"');
      expect(dev.stdout).toMatch(/^impact of raw\.loan_applications \(DATASET\): 6 entities/);
      // The last hop is named by its entity's name, also when --types leaves that entity out.
      const deployments = await cli('impact', RAW, '--types', 'DEPLOYMENT');
      expect(deployments.stdout).toMatch(/DEPLOYED_TO credit-risk-v41 +urn:li:mlModelDeployment/);
    });

    it('sees a model holding the champion alias, in --json too', async () => {
      await t.ok(`mutation { setModelAlias(group: "${GROUP}", alias: "champion", model: "${MODEL}") { changed } }`);
      const gate = await cli('impact', RAW, '--types', 'MODEL,DEPLOYMENT', '--fail-if', 'type=MODEL and alias=champion', '--json');
      expect(gate.code).toBe(1);
      const out = JSON.parse(gate.stdout);
      expect(out.items.map((i: { urn: string }) => i.urn).sort()).toEqual([MODEL, ENDPOINT].sort());
      expect(out.gate).toEqual({ failed: true, partial: false, rules: [{ rule: 'type=MODEL and alias=champion', matched: [MODEL] }] });
    });

    it('exits 2 on a rule that does not parse and 4 on an unknown URN', async () => {
      const rule = await cli('impact', RAW, '--fail-if', 'colour=red');
      expect(rule.code).toBe(2);
      expect(rule.stderr).toContain('expected a field');
      const unknown = await cli('impact', '--platform', 's3', '--name', uniqueId('nothing'));
      expect(unknown.code).toBe(4);
      expect(unknown.stderr).toContain('NOT_FOUND');
    });
  });

  describe('lineage', () => {
    it('lists exactly what produced a model, and wants a direction', async () => {
      const up = await cli('lineage', '--type', 'model', '--platform', 'mlflow', '--name', 'credit-risk-v41', '--upstream', '--json');
      expect(up.code).toBe(0);
      const items = JSON.parse(up.stdout).items.map((i: { degree: number; urn: string }) => `${i.degree} ${i.urn}`);
      expect(items.sort()).toEqual(
        [
          '1 urn:li:dataProcessInstance:credit-risk-run-41',
          '1 urn:li:dataset:(urn:li:dataPlatform:s3,eval.credit_scores_2025_05,PROD)',
          '1 urn:li:dataset:(urn:li:dataPlatform:snowflake,analytics.credit_features,PROD)',
          `2 ${RAW}`,
        ].sort(),
      );
      const table = await cli('lineage', MODEL, '--upstream');
      expect(table.stdout).toMatch(/^2\s+DATASET\s+raw\.loan_applications\s+PROD\s+DERIVED_FROM analytics\.credit_features/m);
      expect((await cli('lineage', MODEL)).code).toBe(2);
    });
  });

  describe('tokens, from a fresh install to a server that requires them', () => {
    let strict: MlgraphServer | undefined;
    afterAll(() => strict?.stop());

    it('creates the first tokens anonymously on the open local server, then, once it restarts, they alone get in', async () => {
      const principal = uniqueId('ci-pipeline');
      const writer = JSON.parse((await cli('token', 'create', '--principal', principal, '--role', 'writer', '--json')).stdout);
      const admin = JSON.parse((await cli('token', 'create', '--principal', `${principal}-ops`, '--role', 'admin', '--json')).stdout);
      // The same open local default (loadConfig's, for `npm start` on this machine), started again now that tokens are stored.
      strict = await createServer({
        config: { bodyLimit: '10mb', introspection: false, landingPage: false, auth: { tokens: [], anonymousRole: Role.ADMIN, closedByStoredTokens: true } },
        graph: t.graph,
        log: testLog,
      });
      const strictUrl = await strict.listen(0, '127.0.0.1');
      expect(writer).toMatchObject({ principal, role: 'WRITER', revokedAt: null });
      const plain = await cli('token', 'create', '--principal', `${principal}-2`, '--role', 'reader');
      expect(plain.stdout).toMatch(/^\S{20,}\n$/); // the secret alone on stdout, for $(...)
      expect(plain.stderr).toContain('shown only now');

      const batch = file('tok.json', JSON.stringify({ datasets: [{ platform: principal, name: 'written-by-ci' }] }));
      const as = (token?: string) => runCli(['--quiet', '--url', strictUrl, 'ingest', batch], token ? { MLGRAPH_TOKEN: token } : {});
      expect((await as()).code).toBe(5);
      const ok = await as(writer.token);
      expect(ok.code).toBe(0);
      const stored = await t.raw('MATCH (n:Dataset {platform: $p}) RETURN n.createdBy AS by', { p: principal });
      expect(stored).toEqual([{ by: principal }]);

      const listAsWriter = await runCli(['--url', strictUrl, '--token', writer.token, 'token', 'list']);
      expect(listAsWriter.code).toBe(5);
      const list = JSON.parse((await runCli(['--url', strictUrl, '--token', admin.token, 'token', 'list', '--json'])).stdout);
      expect(list.map((x: { id: string }) => x.id)).toEqual(expect.arrayContaining([writer.id, admin.id]));

      const revoke = await runCli(['--url', strictUrl, '--token', admin.token, 'token', 'revoke', writer.id]);
      expect(revoke).toMatchObject({ code: 0, stdout: `revoked ${writer.id}\n` });
      expect((await as(writer.token)).code).toBe(5);

      // No longer open, so no longer limited to loopback Host names: a proxy's name with a token gets in.
      const viaProxy = await new Promise<number>((resolve, reject) => {
        const req = http.request(strictUrl, { method: 'POST', headers: { host: 'mlgraph.example.com', 'content-type': 'application/json', authorization: `Bearer ${admin.token}` } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end('{"query":"{ serverInfo { edition } }"}');
      });
      expect(viaProxy).toBe(200);
    });
  });

  describe('everything else', () => {
    it('exits 3 when the server cannot be reached', async () => {
      const r = await runCli(['--url', 'http://127.0.0.1:1/graphql', 'impact', RAW]);
      expect(r.code).toBe(3);
      expect(r.stderr).toContain('cannot reach mlgraph at http://127.0.0.1:1/graphql');
    });

    it('builds URNs from key fields, and refuses incomplete ones with exit 2', async () => {
      expect((await cli('urn', '--platform', 's3', '--name', 'raw.loan_applications')).stdout).toBe(`${RAW}\n`);
      expect((await cli('urn', '--type', 'model-group', '--platform', 'mlflow', '--name', 'credit-risk')).stdout).toBe(`${GROUP}\n`);
      const incomplete = await cli('urn', '--type', 'model');
      expect(incomplete.code).toBe(2);
      expect(incomplete.stderr).toContain('needs --platform');
    });

    it('teaches in --help: commands, exit codes, examples', async () => {
      const help = await cli('--help');
      expect(help.code).toBe(0);
      expect(help.stdout).toContain('Exit codes:');
      expect(help.stdout).toContain('$ mlgraph impact');
      expect((await cli('bogus')).code).toBe(2);
    });
  });
});
