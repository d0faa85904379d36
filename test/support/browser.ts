import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Request } from 'playwright-core';

/** Debian's Chromium: the only browser the tests use (nothing is ever downloaded). */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Without the background-networking switches Chromium opens connections of its own (updates,
 * sync, field trials), which this machine's closed network refuses; --disable-quic keeps it on TCP.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface TestBrowser {
  context: BrowserContext;
  /** Every request the pages attempted to a host other than this machine (all were aborted). */
  foreignRequests: string[];
  close(): Promise<void>;
}

function isLocal(url: string): boolean {
  if (!/^(https?|wss?):/.test(url)) return true; // data:, blob:, about:
  const host = new URL(url).hostname;
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
}

/**
 * Chromium with a fresh profile, in UTC, that aborts and records every request leaving this
 * machine. Fails with the install command when Chromium is missing, rather than skipping.
 */
export async function launchChromium(): Promise<TestBrowser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`The browser tests drive Debian's Chromium at ${CHROMIUM}, which is not installed: run \`apt-get install -y chromium\` as root (.ci/run does).`);
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'mlgraph-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
    timezoneId: 'UTC',
    locale: 'en-GB',
    acceptDownloads: true,
  });
  const foreignRequests: string[] = [];
  const record = (r: Request) => {
    if (!isLocal(r.url())) foreignRequests.push(r.url());
  };
  context.on('request', record);
  await context.route('**/*', (route) => (isLocal(route.request().url()) ? route.continue() : route.abort('blockedbyclient')));
  const watchSockets = (page: import('playwright-core').Page) => page.on('websocket', (ws) => void (!isLocal(ws.url()) && foreignRequests.push(ws.url())));
  context.pages().forEach(watchSockets);
  context.on('page', watchSockets);
  return {
    context,
    foreignRequests,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
