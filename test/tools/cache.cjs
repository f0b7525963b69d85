#!/usr/bin/env node
// The one definition of where Node 24 and n8n are cached. Each lives once per machine in
// ${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-oneall/<name> and is reached from a clone through the
// symlink .cache/<name> (git-ignored), created here when absent: a second clone (or CI run) reuses the
// 2.9 GB n8n install instead of downloading it again. A real directory at .cache/<name> (an older
// clone) is used as it is. Plain CommonJS without dependencies: .ci/run calls it under the machine's
// Node before Node 24 exists.
//
//   node test/tools/cache.cjs            links .cache/<name> for every cached tool and lists them
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const PROJECT_CACHE = path.join(ROOT, '.cache');
const N8N_VERSION = '2.41.1';
// Node 22 and n8n 1.123.81: the n8n 1.x e2e; Verdaccio: the Community Nodes install test.
const CACHED = ['node24', `n8n-${N8N_VERSION}`, 'node22', 'n8n-1.123.81', 'verdaccio-6.10.4'];

const MACHINE_CACHE = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'n8n-nodes-oneall');

/** .cache/<name>, linked to the machine-wide copy when it did not exist yet. Returns the path. */
function cacheDir(name) {
  const local = path.join(PROJECT_CACHE, name);
  if (fs.existsSync(local)) return local;
  fs.mkdirSync(PROJECT_CACHE, { recursive: true });
  try {
    const shared = path.join(MACHINE_CACHE, name);
    fs.mkdirSync(shared, { recursive: true });
    try {
      fs.unlinkSync(local); // a dangling link (machine cache deleted): replace it
    } catch {
      /* nothing there */
    }
    fs.symlinkSync(shared, local, 'dir');
  } catch (error) {
    if (fs.existsSync(local)) return local; // another process linked it first
    process.stderr.write(`[cache] no machine-wide cache (${error.message}); using ${local}\n`);
    fs.mkdirSync(local, { recursive: true });
  }
  return local;
}

function describe(name) {
  const local = path.join(PROJECT_CACHE, name);
  let target = local;
  try {
    target = fs.realpathSync(local);
  } catch {
    /* not there */
  }
  return target === local ? `.cache/${name} (in this clone)` : `.cache/${name} -> ${target}`;
}

if (require.main === module) {
  for (const name of CACHED) {
    cacheDir(name);
    process.stdout.write(`${describe(name)}\n`);
  }
}

module.exports = { cacheDir, MACHINE_CACHE, PROJECT_CACHE, N8N_VERSION, ROOT };
