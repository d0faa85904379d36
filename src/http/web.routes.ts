import fs from 'node:fs';
import path from 'node:path';
import express, { Router, type Request } from 'express';
import { PROJECT_ROOT } from '../config';

/** Where `npm run build` writes the web explorer and the GraphQL IDE (see web/vite.config.ts). */
export const WEB_ROOT = path.join(PROJECT_ROOT, 'dist', 'web');

export interface WebRoutesOptions {
  /** Folder of the built pages and assets. */
  root: string;
  /** Serve the GraphQL IDE at GET /graphql (GRAPHQL_LANDING_PAGE). */
  ide: boolean;
  /** Whether the schema can be introspected; the IDE says so when it cannot. */
  introspection: boolean;
}

/** Paths the explorer must never shadow: they belong to the API and to operations. */
const SERVER_PATHS = /^\/(graphql|health|ready)(\/|$)/;

/**
 * The web explorer at / (a single-page app: every other GET that takes HTML, a browser's or curl's,
 * gets its page, so client-side routes survive a reload; a GET asking for JSON only goes on to the
 * API's 404) and the GraphQL IDE at GET /graphql for browsers. A GET of
 * /graphql that carries a query, or that does not accept HTML, and every POST, go on to GraphQL.
 * Assets come from `root` only; nothing is fetched from elsewhere, at build or at run time.
 */
export function webRoutes(options: WebRoutesOptions): Router {
  const router = Router();
  const page = pageReader(options);

  router.get('/graphql', (req, res, next) => {
    if (!options.ide || 'query' in req.query || !wantsHtml(req)) return next();
    const html = page('ide.html');
    if (!html) return notBuilt(res);
    res.type('html').setHeader('cache-control', 'no-cache').send(html);
  });

  router.use(
    '/assets',
    express.static(path.join(options.root, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false, index: false }),
  );

  router.get(/.*/, (req, res, next) => {
    if (SERVER_PATHS.test(req.path) || !takesHtml(req)) return next();
    const html = page('index.html');
    if (!html) return notBuilt(res);
    res.type('html').setHeader('cache-control', 'no-cache').send(html);
  });
  return router;
}

/** Whether the client prefers HTML to JSON: a browser, not curl (any type) or an API client. */
function wantsHtml(req: Request): boolean {
  return req.accepts(['json', 'html']) === 'html';
}

/** Whether the client takes HTML at all (a browser, or curl, which takes any type) rather than asking for JSON only. */
function takesHtml(req: Request): boolean {
  return req.accepts(['html', 'json']) === 'html';
}

function notBuilt(res: express.Response): void {
  res.status(404).type('text').send('The web explorer is not built: run `npm run build`.\n');
}

/**
 * Reads a built page once (a rebuild needs a restart, as the server's own code does) and tells the
 * IDE whether introspection is on, in a meta tag its script reads.
 */
function pageReader(options: WebRoutesOptions): (name: string) => string | null {
  const cache = new Map<string, string>();
  const meta = `<meta name="mlgraph-introspection" content="${options.introspection ? 'on' : 'off'}">`;
  return (name) => {
    if (!cache.has(name)) {
      const file = path.join(options.root, name);
      if (!fs.existsSync(file)) return null;
      cache.set(name, fs.readFileSync(file, 'utf8').replace('<head>', `<head>\n    ${meta}`));
    }
    return cache.get(name)!;
  };
}
