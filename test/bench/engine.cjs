// In-process n8n engine for the benchmark: n8n-core's real WorkflowExecute runs the BUILT OneAll node
// (loaded from package.json's "n8n" block by n8n-core's PackageDirectoryLoader, as n8n does) and, when
// the cached real n8n install is present, n8n-nodes-base's HTTP Request node, in the SAME engine.
//
// Engines:
//   project (default): n8n-core / n8n-workflow from the project's node_modules (the ones the engine tests
//                      use); the HttpRequest node class comes from .cache/n8n-2.41.1 (same n8n version).
//   n8n:               n8n-core / n8n-workflow AND n8n-nodes-base from .cache/n8n-2.41.1 (what a real n8n
//                      2.41.1 runs); our package is still loaded through that n8n-core's PackageDirectoryLoader.
'use strict';
const { createHarness } = require('../helpers/harness.cjs');
const { cacheDir, N8N_VERSION } = require('../tools/cache.cjs');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { createRequire } = require('node:module');

const ROOT = path.resolve(__dirname, '..', '..');
// ONEALL_BENCH_PACKAGE: load the OneAll package (its package.json and built dist/) from another checkout,
// e.g. an export of main, to measure before and after in one run.
const PACKAGE_DIR = process.env.ONEALL_BENCH_PACKAGE ? path.resolve(process.env.ONEALL_BENCH_PACKAGE) : ROOT;
// ONEALL_BENCH_N8N_DIR: another install (a folder with node_modules/n8n-core, n8n-nodes-base and an
// .install-complete.json), e.g. while the shared cache is being reinstalled.
const N8N_DIR = process.env.ONEALL_BENCH_N8N_DIR ? path.resolve(process.env.ONEALL_BENCH_N8N_DIR) : cacheDir(`n8n-${N8N_VERSION}`);
const N8N_MODULES = path.join(N8N_DIR, 'node_modules');
const HTTP_REQUEST_DIR = path.join(N8N_MODULES, 'n8n-nodes-base', 'dist', 'nodes', 'HttpRequest');
// Written by test/real-n8n/n8n-env.mjs once the install is complete.
const N8N_MARKER = path.join(N8N_DIR, '.install-complete.json');
const DIST = path.join(PACKAGE_DIR, 'dist') + path.sep;

const ONEALL_TYPE = 'n8n-nodes-oneall.oneAll';
const HTTP_TYPE = 'n8n-nodes-base.httpRequest';

// n8n-core reads these when first required.
process.env.N8N_USER_FOLDER ??= fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-oneall-bench-'));
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
process.env.N8N_LOG_LEVEL ??= 'silent';

/** Why the HTTP Request node can't be loaded, or undefined when it can. */
function httpRequestUnavailable() {
  if (process.env.ONEALL_BENCH_NO_N8N) return 'disabled (--no-n8n / ONEALL_BENCH_NO_N8N)';
  let marker;
  try {
    marker = JSON.parse(fs.readFileSync(N8N_MARKER, 'utf8'));
  } catch {
    marker = undefined;
  }
  if (marker?.version !== N8N_VERSION || !fs.existsSync(path.join(HTTP_REQUEST_DIR, 'HttpRequest.node.js'))) {
    return `no real n8n ${N8N_VERSION} in ${path.relative(ROOT, N8N_MODULES)} (created by the e2e setup in test/real-n8n/)`;
  }
  return undefined;
}

/**
 * n8n installs a community package without its peer dependencies, so the package's
 * require('n8n-workflow') gets n8n's own copy. Do the same for dist/ (else it would load the project's).
 */
const sharedDirs = [DIST];
function shareN8nWorkflow(req) {
  const Module = require('node:module');
  const original = Module._resolveFilename;
  Module._resolveFilename = function resolveFilename(request, parent, ...rest) {
    if ((request === 'n8n-workflow' || request.startsWith('n8n-workflow/')) &&
      sharedDirs.some((dir) => parent?.filename?.startsWith(dir))) {
      return req.resolve(request);
    }
    return original.call(this, request, parent, ...rest);
  };
}

async function loadEngine({ engine = 'project' } = {}) {
  if (!fs.existsSync(path.join(PACKAGE_DIR, 'dist', 'nodes', 'OneAll', 'OneAll.node.js'))) {
    throw new Error('dist/ is missing: run `npm run build` first');
  }
  const fromDir = engine === 'n8n' ? N8N_MODULES : ROOT;
  if (engine === 'n8n' && httpRequestUnavailable()) throw new Error(`--engine=n8n needs ${httpRequestUnavailable()}`);
  const req = createRequire(path.join(fromDir, 'noop.js'));
  if (engine === 'n8n') shareN8nWorkflow(req);
  const harness = createHarness({ workflowLib: req('n8n-workflow'), core: req('n8n-core'), packageDir: PACKAGE_DIR });
  const { PackageDirectoryLoader } = req('n8n-core');
  await harness.loadPackage();

  let httpRequest;
  let httpUnavailable = httpRequestUnavailable();
  if (!httpUnavailable) {
    try {
      const { HttpRequest } = require(path.join(HTTP_REQUEST_DIR, 'HttpRequest.node.js'));
      httpRequest = new HttpRequest();
    } catch (error) {
      httpUnavailable = `loading the HTTP Request node failed: ${error.message}`;
    }
  }

  const extraTypes = {};
  if (httpRequest) extraTypes[HTTP_TYPE] = httpRequest;
  /** Loads another package directory (e.g. a modified copy of the node, for experiments) under `prefix`. */
  async function loadExtraPackage(dir, prefix) {
    if (engine === 'n8n') sharedDirs.push(path.join(dir, 'dist') + path.sep);
    const extra = new PackageDirectoryLoader(dir);
    await extra.loadAll();
    for (const [name, entry] of Object.entries(extra.nodeTypes)) extraTypes[`${prefix}.${name}`] = entry.type;
  }

  /**
   * Runs one node over `items` as a one-node workflow (the test harness's runWorkflow). Resolves
   * { run, error, items, timedOut }. After `timeoutMs` the execution is cancelled (its in-flight
   * requests may still finish in the background).
   */
  async function runNode({ node, items, credentials, timeoutMs = 0 }) {
    const result = await harness.runWorkflow({
      nodes: [node],
      items,
      credentialsByType: credentials,
      extraNodeTypes: extraTypes,
      settings: { executionOrder: 'v1' },
      timeoutMs,
    });
    return { run: result.run, error: result.error, items: result.output(node.name), timedOut: result.timedOut };
  }

  const describe = () => {
    const corePath = req.resolve('n8n-core');
    const nodesBase = httpRequest ? path.join(N8N_MODULES, 'n8n-nodes-base') : undefined;
    const version = (dir) => JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
    const coreDir = corePath.slice(0, corePath.lastIndexOf(`${path.sep}n8n-core${path.sep}`) + `/n8n-core`.length);
    return {
      engine,
      nodeVersion: process.versions.node,
      n8nCore: `${version(coreDir)} (${path.relative(ROOT, coreDir)})`,
      n8nNodesBase: nodesBase ? `${version(nodesBase)} (${path.relative(ROOT, nodesBase)})` : null,
      oneAll: `PackageDirectoryLoader(${path.relative(process.cwd(), PACKAGE_DIR) || '.'}) -> dist/` +
        (engine === 'n8n' ? ", require('n8n-workflow') -> n8n's copy, as for an installed community package" : ''),
    };
  };

  return { runNode, describe, loadExtraPackage, httpRequest, httpUnavailable, ONEALL_TYPE, HTTP_TYPE };
}

module.exports = { loadEngine, httpRequestUnavailable, ROOT, N8N_MODULES };
