import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

// Two pages: the explorer (index.html, served at / and every client route) and the GraphQL IDE
// (ide.html, served at GET /graphql). Everything they load is bundled here; nothing comes from
// another host at run time.
export default defineConfig({
  root: here,
  base: '/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic' } },
  worker: { format: 'es' },
  build: {
    outDir: path.resolve(here, '../dist/web'),
    emptyOutDir: true,
    assetsDir: 'assets',
    chunkSizeWarningLimit: 5000,
    reportCompressedSize: true,
    rollupOptions: {
      input: { index: path.resolve(here, 'index.html'), ide: path.resolve(here, 'ide.html') },
      // Libraries written for React Server Components start with "use client": meaningless in a
      // client-only bundle, so the warning about it is noise.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
