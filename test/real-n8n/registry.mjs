// A local npm registry for the Community Nodes test: Verdaccio from the npm registry, installed
// once into .cache/verdaccio-<version>, started on 127.0.0.1 with a free port and its storage in a
// temporary folder, stopped by pid (process group) at cleanup. Also builds the 0.1.1 release used
// by the update test from the packed 0.1.0 tarball.

import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import * as H from './n8n-env.mjs';

export const VERDACCIO_VERSION = '6.10.4';
export const VERDACCIO_DIR = path.join(H.CACHE_DIR, `verdaccio-${VERDACCIO_VERSION}`);
const VERDACCIO_BIN = path.join(VERDACCIO_DIR, 'node_modules', 'verdaccio', 'bin', 'verdaccio');
const MARKER = path.join(VERDACCIO_DIR, '.install-complete.json');

/** The mark the 0.1.1 release adds to the node's description (shown in the nodes panel). */
export const RELEASE_MARK = (version) => `[release ${version}]`;

/**
 * Installs Verdaccio into the cache unless complete. verdaccio-audit asks for `node-fetch@cjs`, a
 * dist-tag the registry here does not serve: 2.7.0 (the CommonJS line) replaces it. Node >= 22.
 */
export async function ensureVerdaccio({ progress = H.info } = {}) {
  const installed = () => H.readJson(MARKER)?.version === VERDACCIO_VERSION && fs.existsSync(VERDACCIO_BIN);
  if (installed()) return { cached: true, ms: 0 };
  await fsp.mkdir(VERDACCIO_DIR, { recursive: true });
  return await H.withInstallLock(VERDACCIO_DIR, () => (installed() ? { cached: true, ms: 0 } : installVerdaccio(progress)), { progress });
}

async function installVerdaccio(progress) {
  const started = Date.now();
  await fsp.mkdir(H.LOG_DIR, { recursive: true });
  await fsp.rm(MARKER, { force: true });
  const pkg = {
    name: 'verdaccio-cache',
    private: true,
    description: `verdaccio ${VERDACCIO_VERSION} for the Community Nodes test`,
    overrides: { 'verdaccio-audit': { 'node-fetch': '2.7.0' } },
  };
  await fsp.writeFile(path.join(VERDACCIO_DIR, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  progress(`npm install verdaccio@${VERDACCIO_VERSION} into ${path.relative(H.ROOT, VERDACCIO_DIR)} (first run only: ~30 s)`);
  await H.runOk(
    'npm',
    ['install', '--prefix', VERDACCIO_DIR, '--ignore-scripts', '--no-audit', '--no-fund', '--save-exact', '--loglevel=error', `verdaccio@${VERDACCIO_VERSION}`],
    { cwd: VERDACCIO_DIR, logFile: path.join(H.LOG_DIR, 'verdaccio-install.log'), timeoutMs: 10 * 60_000 },
  );
  await fsp.writeFile(MARKER, `${JSON.stringify({ version: VERDACCIO_VERSION, installedAt: new Date().toISOString() }, null, 2)}\n`);
  return { cached: false, ms: Date.now() - started };
}

/**
 * Starts Verdaccio with no uplinks (only what we publish exists), anonymous publish, storage in a
 * fresh temporary folder. Returns { url, publish(tarball), versions(), stop() }.
 */
export async function startRegistry() {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'oneall-registry-'));
  H.onCleanup(() => fsp.rm(dir, { recursive: true, force: true }));
  const port = await H.freePort();
  const url = `http://127.0.0.1:${port}`;
  const config = [
    `storage: ${path.join(dir, 'storage')}`,
    'auth:',
    '  htpasswd:',
    `    file: ${path.join(dir, 'htpasswd')}`,
    '    max_users: -1',
    'uplinks: {}',
    'packages:',
    "  '**':",
    '    access: $all',
    '    publish: $anonymous $all',
    '    unpublish: $anonymous $all',
    'middlewares:',
    '  audit:',
    '    enabled: false',
    'web:',
    '  enable: false',
    'log: { type: stdout, format: pretty, level: warn }',
    '',
  ].join('\n');
  const configFile = path.join(dir, 'config.yaml');
  await fsp.writeFile(configFile, config);
  // npm publish insists on a token even when anonymous publishing is allowed.
  const userconfig = path.join(dir, 'npmrc');
  await fsp.writeFile(userconfig, `registry=${url}/\n//127.0.0.1:${port}/:_authToken=local-test-registry\n`);

  await fsp.mkdir(H.LOG_DIR, { recursive: true });
  const logFile = path.join(H.LOG_DIR, 'verdaccio.log');
  const service = H.spawnService(process.execPath, [VERDACCIO_BIN, '--config', configFile, '--listen', `127.0.0.1:${port}`], {
    cwd: dir,
    env: H.toolEnv(),
    logFile,
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (service.exited()) throw new Error(`verdaccio exited (${JSON.stringify(service.exited())}):\n${H.tail(fs.readFileSync(logFile, 'utf8'))}`);
    const ok = await fetch(`${url}/-/ping`, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      await service.stop();
      throw new Error(`verdaccio did not answer /-/ping within 60 s:\n${H.tail(fs.readFileSync(logFile, 'utf8'))}`);
    }
    await H.sleep(300);
  }

  const npmEnv = H.toolEnv({ npm_config_userconfig: userconfig, npm_config_registry: `${url}/` });
  return {
    url,
    pid: service.child.pid,
    stop: service.stop,
    /** `npm publish <tarball>` to this registry (tagged latest). */
    async publish(tarball) {
      return await H.runOk('npm', ['publish', tarball, '--registry', `${url}/`, '--tag', 'latest', '--ignore-scripts'], {
        env: npmEnv,
        cwd: dir,
        logFile: path.join(H.LOG_DIR, 'npm-publish.log'),
        timeoutMs: 2 * 60_000,
      });
    },
    /** The versions the registry serves for a package, and its latest tag. */
    async versions(name = H.PACKAGE_NAME) {
      const r = await fetch(`${url}/${name}`, { signal: AbortSignal.timeout(10_000) });
      if (!r.ok) return { versions: [], latest: undefined };
      const doc = await r.json();
      return { versions: Object.keys(doc.versions ?? {}), latest: doc['dist-tags']?.latest };
    },
  };
}

/**
 * The next release for the update test: the packed tarball with `version` in package.json and
 * RELEASE_MARK(version) appended to the node's description (the one visible difference; it shows
 * under the node's name in the nodes panel). Returns the new tarball's path.
 */
export async function makeRelease(tarball, version) {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'oneall-release-'));
  H.onCleanup(() => fsp.rm(dir, { recursive: true, force: true }));
  const pkgDir = path.join(dir, 'package');
  await fsp.mkdir(pkgDir);
  await H.runOk('tar', ['-xzf', tarball, '-C', pkgDir, '--strip-components=1'], { timeoutMs: 60_000 });

  const pkgFile = path.join(pkgDir, 'package.json');
  const pkg = JSON.parse(await fsp.readFile(pkgFile, 'utf8'));
  pkg.version = version;
  delete pkg.scripts; // a tarball publish runs none, and the release must not need the sources
  await fsp.writeFile(pkgFile, `${JSON.stringify(pkg, null, 2)}\n`);

  // The nodes panel lists the package under "OneAll" with the OneAll Trigger's description (n8n groups
  // an app's nodes; the trigger takes it from nodesPanel.js), so both descriptions carry the mark.
  const marked = [
    [path.join('OneAll', 'OneAll.node.js'), 'connected their accounts through OneAll'],
    [path.join('OneAll', 'nodesPanel.js'), 'on new logins, users or sharing messages'],
  ];
  for (const [file, anchor] of marked) {
    const nodeFile = path.join(pkgDir, 'dist', 'nodes', file);
    const js = await fsp.readFile(nodeFile, 'utf8');
    const hits = js.split(anchor).length - 1;
    if (hits !== 1) throw new Error(`makeRelease: expected the node description once in ${nodeFile}, found ${hits}`);
    await fsp.writeFile(nodeFile, js.replace(anchor, `${anchor} ${RELEASE_MARK(version)}`));
  }

  const res = await H.runOk('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: pkgDir, timeoutMs: 60_000 });
  const [info] = JSON.parse(res.stdout.slice(res.stdout.indexOf('[')));
  return path.join(dir, info.filename);
}
