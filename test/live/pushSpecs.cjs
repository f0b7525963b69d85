'use strict';
// The node's push tables, read from the build (dist/) so `check:live --publish-to` sends the bodies the node
// itself would send. The tables' layout may change; `loadPushSpecs` only relies on what any layout must keep:
// a network, a OneAll path ending in .json, a body object name and fields with a body key.

const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist', 'nodes');

function jsFiles(dir, out = []) {
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) jsFiles(full, out);
    else if (entry.name.endsWith('.js')) out.push(full);
  }
  return out;
}

// Update API rows (verb 'update' | 'delete') share the layout; only pushes are published here.
const looksLikeSpec = (v) =>
  v && typeof v === 'object' && typeof v.path === 'string' && /\.json$/.test(v.path) && Array.isArray(v.fields) &&
  typeof (v.network ?? v.resource) === 'string' && typeof (v.object ?? v.root) === 'string' && (v.verb ?? 'push') === 'push';

/** Accepts a spec row, a list of rows, a map of rows, or an operation module carrying `.spec`. */
function collect(value, out, depth = 0) {
  if (!value || typeof value !== 'object' || depth > 3) return;
  if (looksLikeSpec(value)) return void out.push(value);
  if (looksLikeSpec(value.spec)) return void out.push(value.spec);
  for (const v of Array.isArray(value) ? value : Object.values(value)) collect(v, out, depth + 1);
}

function normalise(raw) {
  return {
    network: raw.network ?? raw.resource,
    operation: raw.operation ?? raw.value ?? raw.name,
    name: raw.name ?? raw.operation,
    certainty: raw.certainty ?? 'unknown',
    // '{board}', ':board' or '<board_id>' placeholders all become '{board}'.
    path: raw.path.replace(/:([a-z_]+)|<([a-z_]+?)(?:_id)?>/gi, (_, a, b) => `{${a ?? b}}`),
    object: raw.object ?? raw.root,
    fields: raw.fields
      .filter((f) => f && typeof (f.key ?? f.bodyKey) === 'string')
      .map((f) => ({
        key: f.key ?? f.bodyKey,
        kind: f.kind ?? f.type ?? 'text',
        label: f.label ?? f.displayName ?? f.key,
        required: f.required === true,
        primary: f.primary === true,
        default: f.default,
        maxLength: f.maxLength,
        locator: f.locator,
        // A locator filling a {placeholder} of the path is no body key (older tables listed those apart).
        inPath: f.at === 'path' || (f.kind === 'locator' && raw.path.includes(`{${f.param ?? f.key}}`)),
        options: f.options,
      })),
  };
}

/** Every push spec of the built node, once per network + path. Throws when there is no build. */
function loadPushSpecs(distDir = DIST) {
  const files = jsFiles(distDir);
  if (files.length === 0) throw new Error(`no build in ${path.relative(ROOT, distDir)}: run npm run build first`);
  const found = [];
  for (const file of files) {
    let mod;
    try {
      mod = require(file);
    } catch {
      continue; // a module that cannot load on its own is not a table
    }
    collect(mod, found);
  }
  const unique = new Map();
  for (const spec of found.map(normalise)) unique.set(`${spec.network} ${spec.path}`, spec);
  return [...unique.values()];
}

/** The credential's own base URL rule, from the build (same file the node uses). */
function loadResolveBaseUrl(distDir = DIST) {
  for (const file of jsFiles(distDir)) {
    if (!/baseUrl\.js$/.test(file)) continue;
    const mod = require(file);
    if (typeof mod.resolveBaseUrl === 'function') return mod.resolveBaseUrl;
  }
  throw new Error('resolveBaseUrl not found in dist/: run npm run build first');
}

/**
 * The node's own path rules from the build (transport/path.js): `idSegment` (throws through `fail`), `apiPath`.
 * check:live holds every id it reads from a live site to them before putting it in a path.
 */
function loadPathRules(distDir = DIST) {
  const file = path.join(distDir, 'OneAll', 'transport', 'path.js');
  if (!fs.existsSync(file)) throw new Error(`no build in ${path.relative(ROOT, distDir)}: run npm run build first`);
  const { idSegment, apiPath } = require(file);
  const fail = (message) => {
    throw new Error(message);
  };
  /** The id as the node would put it in a path, or an error that says why not. */
  const pathId = (value, label, { dotted = false } = {}) => {
    try {
      const text = typeof value === 'string' ? value : String(value);
      const id = dotted ? text.split('.').map((part) => idSegment(part, label, fail)).join('.') : idSegment(text, label, fail);
      return { id };
    } catch (error) {
      return { error: error.message };
    }
  };
  return { pathId, apiPath };
}

module.exports = { loadPushSpecs, loadResolveBaseUrl, loadPathRules, normalise };
