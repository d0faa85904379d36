import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { parseProvisionedTokens } from '../../src/auth/tokens';
import type { Graph } from '../../src/graph';
import { WEB_ROOT } from '../../src/http/web.routes';
import { createServer, type MlgraphServer } from '../../src/server';
import { launchChromium, type TestBrowser } from '../support/browser';
import { testGraph, testLog, uniqueId } from '../support/harness';
import { neighbourhood500 } from '../support/web-seed';

// The explorer and the GraphQL IDE in Debian's Chromium, against a real server on the test Neo4j
// with the example workflows of schema/examples/ loaded as written. Every check compares what the
// page shows with the API's own answer. One server and one browser for the whole file.
// MLGRAPH_WEB_SCREENSHOTS=1 also writes the README's screenshots to docs/.

const READER = 'viewer-token-0123456789abcdef';
const WRITER = 'ci-token-0123456789abcdef-writer';
const EXAMPLES = path.join(__dirname, '..', '..', 'schema', 'examples');
const SCREENSHOTS = process.env.MLGRAPH_WEB_SCREENSHOTS === '1' ? path.join(__dirname, '..', '..', 'docs') : null;

const MODEL = 'urn:li:mlModel:(urn:li:dataPlatform:mlflow,fraud-detector-v12,PROD)';
const CHURN = 'urn:li:mlModel:(urn:li:dataPlatform:mlflow,churn-classifier-v3,PROD)';
const CHURN_ENDPOINT = 'urn:li:mlModelDeployment:(urn:li:dataPlatform:sagemaker,churn-endpoint,PROD)';
const RAW_CUSTOMERS = 'urn:li:dataset:(urn:li:dataPlatform:s3,raw.customers,PROD)';
const SESSIONS = 'urn:li:dataset:(urn:li:dataPlatform:snowflake,analytics.sessions,PROD)';
const SHOP_CUSTOMERS = 'urn:li:dataset:(urn:li:dataPlatform:s3,shop.customers,PROD)';

let graph: Graph;
let server: MlgraphServer;
let base: string;
let browser: TestBrowser;
let page: Page;
let registeredAt: number;
let hubUrn: string;
let seedPrefix: string;

/** Runs an operation over HTTP as the CI writer (or another token) and returns its data. */
async function api<T = any>(query: string, variables: Record<string, unknown> = {}, operationName?: string, token = WRITER): Promise<T> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables, operationName }),
  });
  const body: any = await res.json();
  if (body.errors) throw new Error(`${operationName ?? 'operation'}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

const example = (file: string, op: string) => api(fs.readFileSync(path.join(EXAMPLES, file), 'utf8'), {}, op);
const entityUrl = (urn: string, view = '') => `${base}/entity/${encodeURIComponent(urn)}${view}`;

/** The drawn node and edge ids, once the drawing of `view` ("up/down/asOf") is on screen. */
async function drawn(p: Page, view: string) {
  await p.locator(`.lineage-canvas[data-view="${view}"][data-rendered="true"]`).waitFor({ timeout: 30_000 });
  const nodes = await p.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')!));
  const edges = await p.locator('[data-testid^="rf__edge-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')!));
  return { nodes: nodes.sort(), edges: edges.sort() };
}

async function apiGraph(urn: string, args: { up: number; down: number; asOf?: string }) {
  const { lineageGraph } = await api(
    `query($urn: ID!, $up: Int!, $down: Int!, $asOf: DateTime) {
      lineageGraph(urn: $urn, upstreamDepth: $up, downstreamDepth: $down, asOf: $asOf) {
        root { urn } nodes { entity { urn } } edges { from { urn } relationship to { urn } }
      }
    }`,
    { urn, ...args },
  );
  return {
    nodes: [lineageGraph.root.urn, ...lineageGraph.nodes.map((n: any) => n.entity.urn)].sort() as string[],
    edges: lineageGraph.edges.map((e: any) => `${e.from.urn}|${e.relationship}|${e.to.urn}`).sort() as string[],
  };
}

/** RFC 4180 rows (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  const cell = /("(?:[^"]|"")*"|[^,\r\n]*)(,|\r\n|$)/gy;
  let row: string[] = [];
  for (let m = cell.exec(text); m && m.index < text.length; m = cell.exec(text)) {
    row.push(m[1].startsWith('"') ? m[1].slice(1, -1).replaceAll('""', '"') : m[1]);
    if (m[2] !== ',') {
      rows.push(row);
      row = [];
    }
  }
  return rows;
}

async function shoot(name: string) {
  if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, `web-${name}.png`) });
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(WEB_ROOT, 'index.html'))) {
    throw new Error(`The web explorer is not built (${WEB_ROOT}): run \`npm run build\` (npm test builds it).`);
  }
  browser = await launchChromium();
  graph = testGraph();
  server = await createServer({
    config: {
      bodyLimit: '10mb',
      introspection: true,
      landingPage: true,
      auth: { tokens: parseProvisionedTokens(`viewer:reader:${READER},ci:writer:${WRITER}`, 'test'), anonymousRole: null },
    },
    graph,
    log: testLog,
  });
  await server.readiness.migrateWhenReachable();
  base = (await server.listen(0, '127.0.0.1')).replace(/\/graphql$/, '');

  await example('ci-register-run.graphql', 'RegisterTrainingRun');
  await example('ci-register-run.graphql', 'LinkScoresToFeatures');
  await example('promote-champion.graphql', 'PromoteChampion');
  await example('model-card.graphql', 'SetFraudDetectorCard');
  await example('lineage.graphql', 'RegisterWorkflow');
  await example('columns.graphql', 'RegisterShopColumns');
  registeredAt = Date.now();
  seedPrefix = uniqueId('web');
  const seed = neighbourhood500(seedPrefix);
  hubUrn = seed.hubUrn;
  await api('mutation($b: IngestBatchInput!) { ingest(batch: $b) { created } }', { b: seed.batch });
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await graph?.close();
});

describe('web explorer in Chromium', () => {
  it('asks for a token when the server needs one, then finds a model as you type', async () => {
    await page.goto(base);
    const prompt = page.getByRole('form', { name: 'API token' });
    await prompt.waitFor();
    await prompt.locator('input[name=token]').fill(READER);
    await prompt.getByRole('button', { name: 'Use token' }).click();
    await prompt.waitFor({ state: 'hidden' });
    await page.locator('.tile-count', { hasText: /^\d/ }).first().waitFor();

    const box = page.getByRole('combobox', { name: 'Search' }).first();
    await box.fill('fraud detector v12');
    const suggestion = page.locator(`.suggestions a[data-urn="${MODEL}"]`);
    await suggestion.waitFor();
    // Other test files' entities may match too (the database is shared) and tie in score, so the
    // suggestions are checked as the best 8 of the API's answer, not in its exact order.
    const { search } = await api(
      'query($q: String!) { search(query: $q, first: 100) { totalCount edges { node { urn } } } }',
      { q: 'fraud detector v12' },
      undefined,
      READER,
    );
    const shown = await page.locator('.suggestions a[data-urn]').evaluateAll((els) => els.map((e) => e.getAttribute('data-urn')!));
    expect(shown).toHaveLength(Math.min(8, search.totalCount));
    expect(search.edges.map((e: any) => e.node.urn)).toEqual(expect.arrayContaining(shown));
    await shoot('search');
    // Chosen with the arrow keys, opened with Enter.
    for (let i = 0; i <= shown.indexOf(MODEL); i++) await box.press('ArrowDown');
    await page.locator(`.suggestions [role=option][aria-selected=true] a[data-urn="${MODEL}"]`).waitFor();
    await box.press('Enter');
    await page.waitForURL(entityUrl(MODEL));
  });

  it("shows a model's group, features and training runs", async () => {
    await page.locator('[data-testid=model-card]').waitFor();
    const { model } = await api(
      `query($urn: ID!) { model(urn: $urn) { groups { name } features { urn } trainingRuns { urn } } }`,
      { urn: MODEL },
      undefined,
      READER,
    );
    expect(await page.locator('[data-testid=model-groups]').innerText()).toContain(model.groups[0].name);
    // The card's metrics, one row per value the API holds, with its slice.
    const { model: card } = await api(`query($urn: ID!) { model(urn: $urn) { metrics { name value slice } } }`, { urn: MODEL }, undefined, READER);
    const rows = await page.locator('[data-testid=model-metrics] tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')),
    );
    expect(rows.map((r) => [r[0], Number(r[1]), r[4] || null])).toEqual(card.metrics.map((m: any) => [m.name, m.value, m.slice]));
    await shoot('model');
    for (const field of ['features', 'trainingRuns'] as const) {
      await page.locator(`.tabs button[data-field=${field}]`).click();
      const list = page.locator(`[data-testid=relation-${field}] .entity-link`);
      await list.first().waitFor();
      const shown = await list.evaluateAll((els) => els.map((e) => e.getAttribute('data-urn')).sort());
      expect(shown).toEqual(model[field].map((e: any) => e.urn).sort());
    }
    // The URL keeps the tab, so a reload comes back to it (client-side routes are served by the server).
    await page.reload();
    await page.locator('[data-testid=relation-trainingRuns] .entity-link').first().waitFor();
  });

  it("draws the lineage graph with lineageGraph's nodes and edges, and expands a node in place", async () => {
    await page.goto(entityUrl(CHURN, '/lineage'));
    const shown = await drawn(page, '3/3/');
    const expected = await apiGraph(CHURN, { up: 3, down: 3 });
    expect(shown).toEqual(expected);
    expect(shown.nodes).toHaveLength(11);
    await shoot('lineage');

    await page.locator('select[name=up]').selectOption('1');
    await page.locator('select[name=down]').selectOption('0');
    const oneStep = await drawn(page, '1/0/');
    expect(oneStep).toEqual(await apiGraph(CHURN, { up: 1, down: 0 }));

    await page.locator(`.react-flow__node[data-id="${SESSIONS}"] .ln-expand`).click();
    await page.locator(`.react-flow__node[data-id="${RAW_CUSTOMERS}"]`).waitFor();
    // Laid out again and fitted: every node, the new one included, is inside the canvas.
    const outside = async () => {
      const canvas = (await page.locator('.lineage-canvas').boundingBox())!;
      const boxes = await page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()));
      return boxes.filter((b) => b.left < canvas.x || b.top < canvas.y || b.right > canvas.x + canvas.width || b.bottom > canvas.y + canvas.height).length;
    };
    for (let i = 0; i < 40 && (await outside()) > 0; i++) await page.waitForTimeout(50);
    expect(await outside()).toBe(0);
    const around = await apiGraph(SESSIONS, { up: 1, down: 1 });
    const merged = await drawn(page, '1/0/');
    expect(merged.nodes).toEqual([...new Set([...oneStep.nodes, ...around.nodes])].sort());
    expect(merged.edges).toEqual([...new Set([...oneStep.edges, ...around.edges])].sort());

    await page.locator(`.react-flow__node[data-id="${RAW_CUSTOMERS}"]`).click();
    await page.waitForURL(entityUrl(RAW_CUSTOMERS));
  });

  it("lists exactly the API's impact items, grouped by type, and exports them", async () => {
    await page.goto(entityUrl(RAW_CUSTOMERS, '/impact'));
    await page.locator('.impact-item').first().waitFor();
    const { impact } = await api(
      `query($urn: ID!) { impact(urn: $urn, first: 500) { total countsByType { type count } items { degree entity { urn type } } } }`,
      { urn: RAW_CUSTOMERS },
    );
    const rows = await page.locator('tr.impact-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-urn')).sort());
    expect(rows).toEqual(impact.items.map((i: any) => i.entity.urn).sort());
    expect(await page.locator('[data-testid=impact-total]').innerText()).toBe(String(impact.total));
    for (const { type, count } of impact.countsByType) {
      expect(await page.locator(`.impact-group[data-type=${type}] tr.impact-item`).count()).toBe(count);
    }
    await expect(page.locator('[data-testid=gate-query]').innerText()).resolves.toContain('first: 0');
    await shoot('impact');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const csv = parseCsv(fs.readFileSync((await download.path())!, 'utf8'));
    expect(csv[0]).toEqual(['degree', 'type', 'name', 'status', 'urn', 'path', 'path_urns']);
    expect(csv.slice(1).map((row) => row[4]).sort()).toEqual(rows);
  });

  it("shows a dataset's columns with what reads them, and a column's impact with each item's precision", async () => {
    await page.goto(entityUrl(SHOP_CUSTOMERS));
    await page.locator('.dataset-columns tr[data-field="birth_date"]').waitFor();
    const { dataset } = await api(
      `query($urn: ID!) { dataset(urn: $urn) { columns { fieldPath downstream { columns datasets features models } } } }`,
      { urn: SHOP_CUSTOMERS },
    );
    const fields = await page.locator('.dataset-columns tbody tr').evaluateAll((els) => els.map((e) => e.getAttribute('data-field')));
    expect(fields).toEqual(dataset.columns.map((c: any) => c.fieldPath));
    const birth = dataset.columns.find((c: any) => c.fieldPath === 'birth_date').downstream;
    expect(birth.columns).toBeGreaterThan(0);
    const reads = await page.locator('.dataset-columns tr[data-field="birth_date"] .column-reads').innerText();
    expect(reads).toContain(`${birth.columns} column`);
    expect(reads).toContain(`in ${birth.datasets} dataset`);

    await page.locator('.dataset-columns tr[data-field="birth_date"] a', { hasText: 'Impact' }).click();
    await page.locator('[data-testid=impact-columns]').waitFor();
    const { impact } = await api(
      `query($urn: ID!) { impact(urn: $urn, columns: ["birth_date"], first: 500) { total items { precision entity { urn } } } }`,
      { urn: SHOP_CUSTOMERS },
    );
    expect(impact.items.map((i: any) => i.precision)).toEqual(expect.arrayContaining(['COLUMN', 'DATASET']));
    await page.waitForFunction(`document.querySelectorAll('tr.impact-item').length === ${impact.items.length}`);
    const shown = await page.locator('tr.impact-item').evaluateAll((els) =>
      els.map((e) => `${e.getAttribute('data-urn')} ${e.querySelector('[data-testid=item-precision]')?.textContent}`).sort(),
    );
    expect(shown).toEqual(impact.items.map((i: any) => `${i.entity.urn} ${i.precision}`).sort());
    expect(await page.locator('[data-testid=impact-total]').innerText()).toBe(String(impact.total));
    await expect(page.locator('[data-testid=impact-query]').innerText()).resolves.toContain('columns: $columns');
    await shoot('column-impact');
  });

  it('shows, with the as-of picker, an edge that was unlinked since', async () => {
    // An instant after the workflow was registered and before the unlink, on a whole second.
    await new Promise((r) => setTimeout(r, Math.max(0, registeredAt + 1100 - Date.now())));
    const before = new Date(Math.floor(Date.now() / 1000) * 1000);
    await new Promise((r) => setTimeout(r, Math.max(0, before.getTime() + 1100 - Date.now())));
    await api(`mutation($m: ID!, $d: ID!) { unlink(from: $m, relationship: DEPLOYED_TO, to: $d) { changed } }`, { m: CHURN, d: CHURN_ENDPOINT });

    await page.goto(entityUrl(CHURN, '/lineage?up=1&down=1'));
    const now = await drawn(page, '1/1/');
    expect(now).toEqual(await apiGraph(CHURN, { up: 1, down: 1 }));
    expect(now.nodes).not.toContain(CHURN_ENDPOINT);

    await page.locator('input[name=asOf]').fill(before.toISOString().slice(0, 19)); // the browser runs in UTC
    const then = await drawn(page, `1/1/${before.toISOString()}`);
    expect(then).toEqual(await apiGraph(CHURN, { up: 1, down: 1, asOf: before.toISOString() }));
    expect(then.nodes).toContain(CHURN_ENDPOINT);
  });

  it('draws a 500-node neighbourhood and records how long the first render took', async () => {
    const runs: Record<string, number>[] = [];
    for (let i = 0; i < 3; i++) {
      await page.goto(entityUrl(hubUrn, '/lineage'));
      const { nodes } = await drawn(page, '3/3/');
      // All 500 are laid out and in the minimap; those in view (around the root) are in the DOM.
      const canvas = page.locator('.lineage-canvas');
      expect([await canvas.getAttribute('data-nodes'), await canvas.getAttribute('data-edges')]).toEqual(['500', '699']);
      expect(nodes).toContain(hubUrn);
      expect(await page.locator('.react-flow__minimap-node').count()).toBe(500);
      runs.push(
        await page.evaluate(() => {
          const at = (name: string) => Math.round(performance.getEntriesByName(`lineage:${name}`)[0]?.startTime ?? NaN);
          return { data: at('data'), layoutStart: at('layout-start'), layoutEnd: at('layout-end'), committed: at('committed'), rendered: at('rendered') };
        }),
      );
    }
    const rendered = runs.map((r) => r.rendered).sort((a, b) => a - b);
    const report = { when: new Date().toISOString(), nodes: 500, edges: 699, runs, medianRenderedMs: rendered[1] };
    process.stdout.write(`[web] first render of the 500-node lineage graph (ms after navigation): ${JSON.stringify(report)}\n`);
    fs.mkdirSync(path.join(__dirname, '..', '..', 'bench', 'results'), { recursive: true });
    fs.writeFileSync(path.join(__dirname, '..', '..', 'bench', 'results', 'web-lineage-render.json'), `${JSON.stringify(report, null, 2)}\n`);
    expect(rendered.every(Number.isFinite)).toBe(true);
  });

  it('runs a query in the GraphQL IDE with nothing fetched from outside this machine', async () => {
    await page.goto(`${base}/graphql`);
    // On a cold page the editors (Monaco and its workers) may still be starting when a button is
    // first clicked (on a busy machine, for many seconds), and that click does nothing; a person
    // clicks again, and so does this test, for the example and for Run.
    const example = page.locator('button[data-example="server-info.graphql"]');
    for (let attempt = 1; ; attempt++) {
      if (!(await example.isVisible())) await page.getByRole('button', { name: 'Show Examples' }).click();
      await example.click();
      const shown = await page
        .locator('.graphiql-query-editor .view-lines', { hasText: 'query ServerInfo' })
        .waitFor({ timeout: 10_000 })
        .then(() => true, () => false);
      if (shown) break;
      if (attempt === 5) throw new Error('the GraphQL IDE did not show the example after 5 clicks');
    }
    const response = page.locator('.graphiql-response .view-lines');
    for (let attempt = 1; ; attempt++) {
      await page.locator('.graphiql-execute-button').click();
      const answered = await response
        .filter({ hasText: 'neo4jVersion' })
        .waitFor({ timeout: 5_000 })
        .then(() => true, () => false);
      if (answered) break;
      if (attempt === 5) throw new Error('the GraphQL IDE showed no answer after 5 clicks on Run');
    }
    const { serverInfo } = await api('{ serverInfo { neo4jVersion } }', {}, undefined, READER);
    expect(await response.innerText()).toContain(serverInfo.neo4jVersion);
    expect(browser.foreignRequests).toEqual([]);
  });
});

describe('GET /graphql', () => {
  it('is the IDE for a browser, GraphQL for everyone else', async () => {
    const html = await fetch(`${base}/graphql`, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    expect(await html.text()).toContain('<meta name="mlgraph-introspection" content="on">');
    const query = await fetch(`${base}/graphql?query=${encodeURIComponent('{ serverInfo { edition } }')}`, {
      headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8', authorization: `Bearer ${READER}`, 'apollo-require-preflight': 'true' },
    });
    expect(((await query.json()) as any).data.serverInfo.edition).toBeTruthy();
    const plain = await fetch(`${base}/graphql`, { headers: { accept: 'application/json' } });
    expect(plain.headers.get('content-type')).toMatch(/json/);
  });

  it('keeps the browse page in the URL: a reload stays on it, Back returns to the page before', async () => {
    // 99 raw datasets of the seed: four pages of 25.
    await page.goto(`${base}/browse?namePrefix=${encodeURIComponent(`${seedPrefix}.raw_`)}`);
    const pager = page.locator('.pager span');
    await pager.filter({ hasText: 'Page 1 · 1–25 of 99' }).waitFor();
    await page.getByRole('button', { name: 'Next →' }).click();
    const firstRow = page.locator('[data-testid=browse-results] tbody tr').first();
    await firstRow.filter({ hasText: `${seedPrefix}.raw_025` }).waitFor();
    await pager.filter({ hasText: 'Page 2 · 26–50 of 99' }).waitFor();
    expect(new URL(page.url()).searchParams.getAll('after')).toHaveLength(1);
    await page.reload();
    await firstRow.filter({ hasText: `${seedPrefix}.raw_025` }).waitFor();
    await pager.filter({ hasText: 'Page 2 · 26–50 of 99' }).waitFor();
    await page.goBack();
    await firstRow.filter({ hasText: `${seedPrefix}.raw_000` }).waitFor();
    await pager.filter({ hasText: 'Page 1 · 1–25 of 99' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/browse');
  });
});
