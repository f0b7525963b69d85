// npm run test:package   (after npm run build)
//
// What npm would publish: `npm pack --dry-run --json` lists only dist/, README, LICENSE,
// package.json and the `main` file; no tests, sources, secrets or stale build output; source maps
// only when tsconfig asks for them. Then the real tarball is unpacked into an empty folder whose
// node_modules holds nothing but n8n-workflow, and the node and credential classes listed in the
// package's "n8n" block are required and instantiated from there, in a separate Node process.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
// tsconfig.json is JSON with comments allowed; ours has none.
const tsconfig = JSON.parse(fs.readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8'));
const mapsIntended = tsconfig.compilerOptions?.sourceMap === true;

const npmEnv = () => {
  // `npm run` exports npm_config_* (dry-run, json...) that would leak into our own npm calls.
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (/^npm_(config|lifecycle|package)_/i.test(k)) delete env[k];
  return env;
};
const npmPack = (args) => JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', ...args], { cwd: ROOT, env: npmEnv(), encoding: 'utf8' }))[0];

let listing;
let files;
let work;

before(() => {
  assert.ok(fs.existsSync(path.join(ROOT, pkg.n8n.nodes[0])), `${pkg.n8n.nodes[0]} is missing: run npm run build first`);
  listing = npmPack(['--dry-run']);
  files = listing.files.map((f) => f.path).sort();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'oneall-published-'));
});

after(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('npm pack --dry-run: what gets published', () => {
  test('only dist/, README, LICENSE, package.json and the main file', () => {
    const top = new Set(['package.json', 'README.md', 'LICENSE', path.normalize(pkg.main)]);
    const outside = files.filter((f) => !f.startsWith('dist/') && !top.has(f));
    assert.deepEqual(outside, [], 'files outside dist/ that npm would publish');
    for (const f of top) assert.ok(files.includes(f), `${f} is published`);
  });

  test('the main file is trivial: n8n loads the package through its "n8n" block', () => {
    // npm always packs `main`; n8n never requires it. It must load without anything else.
    const exported = require(path.join(ROOT, pkg.main));
    assert.deepEqual(Object.keys(exported), []);
  });

  test('dist/ holds compiled output, codex JSON and icons only; source maps only because tsconfig asks for them', () => {
    const allowed = mapsIntended ? /\.(js|d\.ts|js\.map|json|svg|png)$/ : /\.(js|d\.ts|json|svg|png)$/;
    const odd = files.filter((f) => f.startsWith('dist/') && !allowed.test(f));
    assert.deepEqual(odd, [], 'unexpected file types in dist/');
    const maps = files.filter((f) => f.endsWith('.map'));
    const js = files.filter((f) => f.endsWith('.js') && f.startsWith('dist/'));
    if (mapsIntended) assert.equal(maps.length, js.length, 'one source map per compiled file');
    else assert.deepEqual(maps, []);
  });

  test('no tests, fixtures, TypeScript sources or examples', () => {
    const bad = files.filter(
      (f) => /(^|\/)(test|tests|__tests__|__mocks__|fixtures|examples|coverage)\//.test(f) || /\.(test|spec)\.[cm]?[jt]s$/.test(f) || (/\.ts$/.test(f) && !/\.d\.ts$/.test(f)),
    );
    assert.deepEqual(bad, []);
  });

  test('no stale build output: every compiled file has its source, every icon and codex file exists in the sources', () => {
    const stale = files
      .filter((f) => f.startsWith('dist/') && !f.endsWith('.map'))
      .filter((f) => {
        const rel = f.slice('dist/'.length);
        const source = /\.(json|svg|png)$/.test(rel) ? rel : rel.replace(/\.d\.ts$|\.js$/, '.ts');
        return !fs.existsSync(path.join(ROOT, source));
      });
    assert.deepEqual(stale, [], 'dist/ files whose source is gone (delete dist/ and build again)');
  });

  test('no secrets: no .env, key, certificate or npmrc files; no private keys or test keys inside', () => {
    const named = files.filter((f) => /(^|\/)(\.env[^/]*|\.npmrc|id_[a-z0-9]+|.*\.(pem|key|p12|pfx|crt))$/i.test(f));
    assert.deepEqual(named, []);
    const { DEFAULT_SITE, OTHER_SITE } = require(path.join(ROOT, 'test', 'emulator', 'fixtures.cjs'));
    const testSecrets = [DEFAULT_SITE?.privateKey, OTHER_SITE?.privateKey].filter(Boolean);
    assert.ok(testSecrets.length > 0, 'the emulator fixtures expose their test keys');
    for (const f of files) {
      const text = fs.readFileSync(path.join(ROOT, f), 'utf8');
      assert.doesNotMatch(text, /-----BEGIN [A-Z ]*PRIVATE KEY-----/, `${f} holds a private key`);
      for (const secret of testSecrets) assert.ok(!text.includes(secret), `${f} holds a test private key`);
    }
  });

  test('package.json: community-node keyword, no runtime dependencies, n8n-workflow as a peer', () => {
    assert.ok(pkg.keywords.includes('n8n-community-node-package'));
    assert.deepEqual(Object.keys(pkg.dependencies ?? {}), []);
    assert.ok(pkg.peerDependencies?.['n8n-workflow']);
    for (const f of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) assert.ok(files.includes(f), `${f} (named in "n8n") is published`);
  });
});

describe('the unpacked tarball alone', () => {
  test('loads the node and the credential with only n8n-workflow resolvable', () => {
    const packed = npmPack(['--pack-destination', work]);
    const app = path.join(work, 'app');
    const pkgDir = path.join(app, 'node_modules', pkg.name);
    fs.mkdirSync(pkgDir, { recursive: true });
    execFileSync('tar', ['-xzf', path.join(work, packed.filename), '-C', pkgDir, '--strip-components=1']);
    fs.symlinkSync(path.dirname(require.resolve('n8n-workflow/package.json')), path.join(app, 'node_modules', 'n8n-workflow'), 'dir');
    assert.deepEqual(fs.readdirSync(path.join(app, 'node_modules')).sort(), ['n8n-workflow', pkg.name].sort());

    // A fresh Node process in the empty app folder: nothing from the project is resolvable, and any
    // require() of something else than n8n-workflow, a Node builtin or a file of the package fails.
    const probe = `
      const path = require('node:path');
      const Module = require('node:module');
      const pkgDir = ${JSON.stringify(pkgDir)};
      const seen = new Set();
      const resolve = Module._resolveFilename;
      Module._resolveFilename = function (request, parent, ...rest) {
        const file = resolve.call(this, request, parent, ...rest);
        if (parent && parent.filename && parent.filename.startsWith(pkgDir) && !request.startsWith('.') && !Module.isBuiltin(request)) seen.add(request);
        return file;
      };
      const n8n = require(path.join(pkgDir, 'package.json')).n8n;
      const load = (file) => {
        const mod = require(path.join(pkgDir, file));
        const [name] = Object.keys(mod);
        return new mod[name]();
      };
      const nodes = n8n.nodes.map(load).map((n) => ({ name: n.description.name, version: n.description.version, execute: typeof n.execute, properties: n.description.properties.length }));
      const credentials = n8n.credentials.map(load).map((c) => ({ name: c.name, properties: c.properties.length, test: Boolean(c.test) }));
      process.stdout.write(JSON.stringify({ nodes, credentials, external: [...seen] }));
    `;
    const out = JSON.parse(execFileSync(process.execPath, ['-e', probe], { cwd: app, env: { PATH: process.env.PATH }, encoding: 'utf8' }));
    assert.deepEqual(out.external.filter((r) => r !== 'n8n-workflow'), [], 'the package requires only n8n-workflow');
    // The action node and the two triggers, in package.json's order.
    assert.deepEqual(out.nodes.map((n) => n.name), ['oneAll', 'oneAllTrigger', 'oneAllLoginTrigger']);
    assert.equal(out.nodes[0].execute, 'function');
    for (const node of out.nodes) assert.ok(node.properties >= 2, `${node.name}: ${node.properties} properties`);
    assert.ok(out.nodes[0].properties > 10, `${out.nodes[0].properties} properties`);
    assert.deepEqual(
      out.credentials.map((c) => c.name),
      ['oneAllApi'],
    );
    assert.equal(out.credentials[0].test, true, 'the credential has a test request');
    process.stdout.write(`      ${packed.filename}: ${packed.files.length} files, ${(packed.size / 1024).toFixed(1)} kB packed, ${(packed.unpackedSize / 1024).toFixed(1)} kB unpacked\n`);
  });
});
