#!/usr/bin/env node
// Creates the project's Python virtual environment (.venv/, git-ignored) with the exact packages of
// python/requirements.txt: the real MLflow tracking server and client, and the OpenLineage client,
// that the integration tests drive. The venv records a hash of the requirements and of the Python
// version; when both match, nothing is done (a fraction of a second), otherwise the venv is made
// anew, so it never holds packages the requirements no longer name. The first install downloads
// about 300 MB from PyPI (progress is printed).
//
//   node scripts/python-env.js           make or refresh .venv if needed
//   node scripts/python-env.js --freeze  install python/requirements.in and rewrite python/requirements.txt
//   node scripts/python-env.js --python  print the venv's python path (after making it if needed)
//
// MLGRAPH_PYTHON chooses the interpreter (default: python3.11, else python3; 3.10 or newer),
// MLGRAPH_VENV the folder (default .venv in the repository).
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const venv = path.resolve(root, process.env.MLGRAPH_VENV || '.venv');
const requirementsIn = path.join(root, 'python', 'requirements.in');
const requirements = path.join(root, 'python', 'requirements.txt');
const stampFile = path.join(venv, '.mlgraph-requirements.sha256');
const isWin = process.platform === 'win32';
const venvPython = path.join(venv, isWin ? 'Scripts' : 'bin', isWin ? 'python.exe' : 'python');
const freeze = process.argv.includes('--freeze');
const printPython = process.argv.includes('--python');

const say = (line) => (printPython ? process.stderr : process.stdout).write(`mlgraph: ${line}\n`);

function fail(message) {
  process.stderr.write(`\nmlgraph: ${message}\n\n`);
  process.exit(1);
}

/** The interpreter to build the venv from, with its version, or null. */
function findPython() {
  const candidates = process.env.MLGRAPH_PYTHON ? [process.env.MLGRAPH_PYTHON] : ['python3.11', 'python3', 'python'];
  for (const cmd of candidates) {
    const r = spawnSync(cmd, ['-c', 'import sys, venv; print("%d.%d.%d" % sys.version_info[:3])'], { encoding: 'utf8' });
    if (r.status !== 0) continue;
    const version = r.stdout.trim();
    const [major, minor] = version.split('.').map(Number);
    if (major === 3 && minor >= 10) return { cmd, version };
  }
  return null;
}

function digestFor(pythonVersion) {
  return crypto.createHash('sha256').update(pythonVersion).update('\0').update(fs.readFileSync(requirements)).digest('hex');
}

/** Runs pip in the venv, printing a condensed progress line every few seconds. */
function pip(args) {
  return new Promise((resolve) => {
    const child = spawn(venvPython, ['-m', 'pip', ...args, '--disable-pip-version-check', '--no-input', '--progress-bar', 'off', ...(args[0] === 'install' ? ['--no-compile'] : [])], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const log = [];
    let collected = 0;
    let downloaded = 0;
    let last = 0;
    const report = (force) => {
      if (!force && Date.now() - last < 3000) return;
      last = Date.now();
      say(`pip: ${collected} packages resolved, ${downloaded} downloaded`);
    };
    const onData = (chunk) => {
      for (const line of chunk.toString().split('\n')) {
        if (!line.trim()) continue;
        log.push(line);
        if (/^Collecting /.test(line)) collected++;
        if (/^\s*(Downloading|Using cached) /.test(line)) downloaded++;
        if (/^Installing collected packages/.test(line)) {
          report(true);
          say(`pip: installing ${collected} packages`);
        } else report(false);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (err) => fail(`could not run pip: ${err.message}`));
    child.on('exit', (code) => {
      if (code !== 0) {
        process.stderr.write(log.slice(-40).join('\n') + '\n');
        fail(`pip ${args[0]} failed (exit ${code}, see above)`);
      }
      resolve(log);
    });
  });
}

async function main() {
  const python = findPython();
  if (!python) {
    fail('Python 3.10 or newer with the venv module is needed for the MLflow and OpenLineage tests (set MLGRAPH_PYTHON to choose one).');
  }
  const source = freeze ? requirementsIn : requirements;
  const digest = freeze ? null : digestFor(python.version);
  if (digest && fs.existsSync(venvPython) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === digest) {
    if (printPython) process.stdout.write(`${venvPython}\n`);
    return;
  }

  const started = Date.now();
  say(`creating the Python environment ${path.relative(root, venv) || venv} (Python ${python.version}) from ${path.relative(root, source)}`);
  fs.rmSync(venv, { recursive: true, force: true });
  const made = spawnSync(python.cmd, ['-m', 'venv', venv], { stdio: 'inherit' });
  if (made.status !== 0) fail(`${python.cmd} -m venv failed (on Debian: apt-get install python3-venv)`);
  await pip(['install', '-r', source]);

  if (freeze) {
    const r = spawnSync(venvPython, ['-m', 'pip', 'freeze', '--all', '--exclude', 'pip', '--exclude', 'setuptools'], { encoding: 'utf8' });
    if (r.status !== 0) fail('pip freeze failed');
    const header =
      '# Generated by `node scripts/python-env.js --freeze` from python/requirements.in: every package\n' +
      `# of the test environment, pinned (Python ${python.version}). Edit requirements.in, not this file.\n`;
    fs.writeFileSync(requirements, header + r.stdout);
    say(`wrote ${path.relative(root, requirements)}`);
  }
  fs.writeFileSync(stampFile, digestFor(python.version));
  say(`Python environment ready in ${Math.round((Date.now() - started) / 1000)} s`);
  if (printPython) process.stdout.write(`${venvPython}\n`);
}

main().catch((err) => fail(err.stack || String(err)));
