// Reliability/security test helpers (plain JS: they need net, process and timers, which the strict
// lint keeps out of .ts files). Used by test/engine/faults|fuzz|secrets.test.ts.
'use strict';
const net = require('node:net');
const path = require('node:path');
const { LoggerProxy } = require('n8n-workflow');

// ---------------------------------------------------------------- seeded PRNG

/** mulberry32: tiny, fast, deterministic. Returns a generator of floats in [0, 1). */
function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    chance: (p) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)],
  };
}

/** Prints one line to the test output (jest shows it with the file). */
function note(message) {
  console.log(message);
}

// ---------------------------------------------------------------- ports and servers

/** A TCP port that was free a moment ago (a server was started on it and closed). */
async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A "trap": a TCP server nothing should ever connect to. Counts connections and keeps the first bytes
 * of each, so a test can show what was sent to it.
 */
async function startTrap() {
  const hits = [];
  const sockets = new Set();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    const hit = { at: Date.now(), data: '' };
    hits.push(hit);
    socket.on('data', (chunk) => {
      if (hit.data.length < 2000) hit.data += chunk.toString('latin1');
      socket.end('HTTP/1.1 418 Trap\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    });
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    hits,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * A misbehaving front end (debug proxy, gateway error page): answers every request with an HTML page
 * of `status` that echoes the request line and all its headers, Authorization included.
 */
async function startEchoServer({ status = 502 } = {}) {
  const http = require('node:http');
  const server = http.createServer((req, res) => {
    req.resume();
    // The credentials first (as a "rejected credentials" page would show them), then the rest.
    const headers = Object.entries(req.headers)
      .sort(([a], [b]) => (a === 'authorization' ? -1 : b === 'authorization' ? 1 : 0))
      .map(([k, v]) => `${k}: ${v}`)
      .join('<br>');
    res.writeHead(status, { 'Content-Type': 'text/html' });
    res.end(`<html><body><h1>${status}</h1>${headers}<br>Your request: ${req.method} ${req.url}</body></html>`);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}

/**
 * Another origin a redirect could point at: records every request (method, url, whether it carried an
 * Authorization header, the body) and answers with a OneAll-shaped success, so a followed redirect
 * would look like a published post.
 */
async function startRecorder() {
  const http = require('node:http');
  const requests = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      requests.push({
        method: req.method,
        url: req.url,
        authorization: req.headers.authorization !== undefined,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({
        response: {
          request: { status: { flag: 'success', code: 200, info: 'Your request has been processed successfully' } },
          result: { data: { provider: 'pinterest', object: 'pin', pin_id: 'from-the-other-host' } },
        },
      }));
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    requests,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}

// ---------------------------------------------------------------- back-off clock

/**
 * Replaces n8n-workflow's `sleep` (what the node's retry back-off and pacer use) by a recorder.
 * `skip: true` resolves at once and moves `Date.now()` forward by the time skipped, so a back-off
 * schedule of 1 s, 2 s, 4 s, 8 s is checked without waiting 15 s while the code under test sees the
 * time pass; `onSleep(ms, index)` runs before each sleep (e.g. to start a server during the first
 * back-off). Call restore() when done.
 */
function recordSleeps({ skip = false, onSleep } = {}) {
  const workflowDir = path.dirname(require.resolve('n8n-workflow'));
  const module_ = require(require.resolve('@n8n/utils/sleep', { paths: [workflowDir] }));
  const original = module_.sleep;
  const realNow = Date.now;
  let skippedMs = 0;
  if (skip) Date.now = () => realNow.call(Date) + skippedMs;
  const delays = [];
  module_.sleep = async (ms, signal) => {
    const index = delays.push(ms) - 1;
    if (onSleep) await onSleep(ms, index);
    if (skip) skippedMs += Math.max(0, ms);
    else await original(ms, signal);
  };
  return {
    delays,
    restore() {
      module_.sleep = original;
      Date.now = realNow;
    },
  };
}

// ---------------------------------------------------------------- output capture

function safeString(value) {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? String(v) : v));
  } catch {
    return String(value);
  }
}

/**
 * Captures everything written while active: console.*, process.stdout/stderr writes, and n8n's
 * logger (LoggerProxy, which n8n-core uses for node errors). Lines are kept, not printed.
 */
function captureOutput() {
  const lines = [];
  const consoleMethods = ['log', 'info', 'warn', 'error', 'debug', 'trace'];
  const savedConsole = Object.fromEntries(consoleMethods.map((m) => [m, console[m]]));
  for (const m of consoleMethods) console[m] = (...args) => lines.push(`console.${m}: ${args.map(safeString).join(' ')}`);
  const savedStdout = process.stdout.write;
  const savedStderr = process.stderr.write;
  const writer = (stream) =>
    function write(chunk, encoding, callback) {
      lines.push(`${stream}: ${Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk)}`);
      const done = typeof encoding === 'function' ? encoding : callback;
      if (typeof done === 'function') done();
      return true;
    };
  process.stdout.write = writer('stdout');
  process.stderr.write = writer('stderr');
  // n8n's Logger re-initialises LoggerProxy when it is first built (during a run): wrap whatever logger
  // it is given, so every line is recorded before it goes on.
  const levels = ['error', 'warn', 'info', 'debug'];
  const recording = (next) =>
    Object.fromEntries(
      levels.map((level) => [
        level,
        (message, meta) => {
          lines.push(`log.${level}: ${safeString(message)} ${meta === undefined ? '' : deepText(meta)}`);
          if (next && typeof next[level] === 'function') next[level](message, meta);
        },
      ]),
    );
  const originalInit = LoggerProxy.init;
  LoggerProxy.init = (logger) => originalInit(recording(logger));
  originalInit(recording(undefined));
  let stopped = false;
  return {
    lines,
    stop() {
      if (stopped) return lines;
      stopped = true;
      for (const m of consoleMethods) console[m] = savedConsole[m];
      process.stdout.write = savedStdout;
      process.stderr.write = savedStderr;
      LoggerProxy.init = originalInit;
      const noop = () => {};
      originalInit({ error: noop, warn: noop, info: noop, debug: noop });
      return lines;
    },
  };
}

/**
 * Every string reachable from `value`: own properties (enumerable or not, so `message`, `stack`,
 * `cause`, `description` of errors too), array entries, map/set entries; cycles visited once.
 */
function deepText(value, maxNodes = 200000) {
  const out = [];
  const seen = new Set();
  const stack = [value];
  let visited = 0;
  while (stack.length > 0 && visited < maxNodes) {
    const current = stack.pop();
    visited++;
    if (current === null || current === undefined) continue;
    const type = typeof current;
    if (type === 'string') {
      out.push(current);
      continue;
    }
    if (type === 'number' || type === 'boolean' || type === 'bigint') {
      out.push(String(current));
      continue;
    }
    if (type === 'function' || type === 'symbol') continue;
    if (seen.has(current)) continue;
    seen.add(current);
    if (Buffer.isBuffer(current)) {
      out.push(current.toString('utf8'));
      continue;
    }
    if (current instanceof Map || current instanceof Set) {
      for (const entry of current) stack.push(entry);
      continue;
    }
    for (const key of Reflect.ownKeys(current)) {
      if (typeof key === 'string') out.push(key);
      let child;
      try {
        child = current[key];
      } catch {
        continue;
      }
      stack.push(child);
    }
  }
  return out.join('\n');
}

/**
 * What the node outputs for a push the emulator logged: OneAll's result plus the identity the push used
 * (from the logged path /push/identities/<token>/…).
 */
function pushOutput(entry) {
  const identity = /\/identities\/([^/]+)\//.exec(entry.path)?.[1];
  return { ...entry.result, identity_token: identity === undefined ? undefined : decodeURIComponent(identity) };
}

module.exports = { prng, note, freePort, startTrap, startEchoServer, startRecorder, recordSleeps, captureOutput, deepText, pushOutput };
