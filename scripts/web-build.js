#!/usr/bin/env node
// Builds the web explorer and the GraphQL IDE (web/, Vite) into dist/web when their inputs changed:
// web/ (tests aside), schema/examples/ (bundled into the IDE) and package-lock.json. A stamp in
// dist/web records the digest of those inputs, so `npm start` and `npm test` skip a fresh build.
//
//   node scripts/web-build.js          build if needed
//   node scripts/web-build.js --force  build anyway
'use strict';
const { spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const out = path.join(root, 'dist', 'web');
const stampFile = path.join(out, '.build-stamp');

function inputsDigest() {
  const hash = crypto.createHash('sha256');
  const walk = (dir, skip) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (skip.includes(entry.name)) continue;
      if (entry.isDirectory()) walk(full, skip);
      else hash.update(path.relative(root, full)).update(fs.readFileSync(full));
    }
  };
  walk(path.join(root, 'web'), ['test']);
  walk(path.join(root, 'schema', 'examples'), []);
  hash.update(fs.readFileSync(path.join(root, 'package-lock.json')));
  return hash.digest('hex');
}

const digest = inputsDigest();
const fresh = fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === digest && fs.existsSync(path.join(out, 'index.html'));
if (fresh && !process.argv.includes('--force')) {
  console.log('web explorer: dist/web is up to date');
  process.exit(0);
}
console.log('web explorer: building dist/web with Vite (about 30 s)...');
const started = Date.now();
const vite = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'web/vite.config.mts', '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
});
if (vite.status !== 0) {
  console.error('web explorer: the Vite build failed');
  process.exit(vite.status ?? 1);
}
fs.writeFileSync(stampFile, digest);
const sizes = fs
  .readdirSync(path.join(out, 'assets'))
  .reduce((sum, f) => sum + fs.statSync(path.join(out, 'assets', f)).size, 0);
console.log(`web explorer: built in ${((Date.now() - started) / 1000).toFixed(1)} s (${(sizes / 1024 / 1024).toFixed(1)} MB of assets in dist/web)`);
