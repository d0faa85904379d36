#!/usr/bin/env node
// Builds the local Neo4j (neo4j-local/: Neo4j Community from Maven Central plus a small launcher)
// when its jars are missing or its pom/sources changed. The first build downloads about 120 MB;
// Maven's download lines show the progress. Later builds are skipped, or run offline.
//
//   node scripts/neo4j-build.js            build if needed; if Java/Maven are missing, say so and exit 0
//   node scripts/neo4j-build.js --required fail (exit 1) when the build is impossible and NEO4J_URI is unset
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const dir = path.join(__dirname, '..', 'neo4j-local');
const stampFile = path.join(dir, 'target', 'lib', '.build-stamp');
const required = process.argv.includes('--required');

function sourcesDigest() {
  const hash = crypto.createHash('sha256');
  const walk = (p) => {
    for (const entry of fs.readdirSync(p, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(p, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(entry.name).update(fs.readFileSync(full));
    }
  };
  hash.update(fs.readFileSync(path.join(dir, 'pom.xml')));
  walk(path.join(dir, 'src'));
  return hash.digest('hex');
}

function has(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'ignore' });
  return r.status === 0;
}

function fail(message) {
  if (required && !process.env.NEO4J_URI) {
    console.error(`\nmlgraph: ${message}\n`);
    process.exit(1);
  }
  console.log(`mlgraph: ${message} (skipping the local Neo4j build)`);
  process.exit(0);
}

const digest = sourcesDigest();
if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === digest) {
  process.exit(0);
}
if (required && process.env.NEO4J_URI) process.exit(0);

const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
if (!has(java, ['-version'])) {
  fail('Java 17 or 21 is needed to run the local Neo4j. Install it, or set NEO4J_URI to use an existing Neo4j 5.');
}
const mvn = process.platform === 'win32' ? 'mvn.cmd' : 'mvn';
if (!has(mvn, ['-v'])) {
  fail('Maven is needed to assemble the local Neo4j from Maven Central. Install it, or set NEO4J_URI to use an existing Neo4j 5.');
}

console.log('mlgraph: building the local Neo4j (neo4j-local/); the first build downloads ~120 MB from Maven Central');
const child = spawn(mvn, ['-B', 'package', '-DskipTests'], { cwd: dir });
const log = [];
let downloads = 0;
let lastReport = 0;
const onData = (chunk) => {
  for (const line of chunk.toString().split('\n')) {
    if (!line) continue;
    log.push(line);
    if (/Downloaded from/.test(line)) downloads++;
    if (downloads > 0 && Date.now() - lastReport > 2000) {
      lastReport = Date.now();
      console.log(`mlgraph: ... ${downloads} artifacts downloaded`);
    }
  }
};
child.stdout.on('data', onData);
child.stderr.on('data', onData);
child.on('exit', (code) => {
  if (code !== 0) {
    console.error(log.slice(-60).join('\n'));
    console.error('mlgraph: the Maven build of the local Neo4j failed (see above).');
    process.exit(code || 1);
  }
  fs.writeFileSync(stampFile, digest);
  console.log(`mlgraph: local Neo4j built in neo4j-local/target (${downloads} artifacts downloaded)`);
});
