#!/usr/bin/env node
// Where does the time of bench (a) go? Runs the OneAll node once (N pushes, 100 ms latency, 20 req/s) with
// the BUILT node's RequestPacer instrumented (every rateLimited() call: accepted in the last second, pace
// before/after), and prints each 429 with the arrival gaps that led to it, the event-loop stalls and a
// time budget.
//
// Prototypes of fixes, monkey-patched onto dist's RequestPacer in this process only (the node's source is
// not touched), to show what a change would gain:
//   --fix=safety   pace at the configured Max Requests per Second x 1/1.05 from the first request (the margin
//                  the node applies only after a 429)
//   --fix=window   sliding-window guard on the real start times + no catch-up bursts after a stall
//
// Usage: node test/bench/diagnose-pacing.cjs [--pushes=1000] [--concurrency=5] [--max-rps=20]
//          [--fix=safety|window] [--margin-ms=25] [--engine=n8n|project]
'use strict';
const { spawnSync } = require('node:child_process');

// n8n-core 2.x needs Node >= 24: re-run under Node 24 (test/tools/with-node24.cjs) when started with an older one.
if (Number(process.versions.node.split('.')[0]) < 24) {
  const res = spawnSync(process.execPath, [require('node:path').join(__dirname, '..', 'tools', 'with-node24.cjs'), 'node', __filename,
    ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(res.status ?? 1);
}
const path = require('node:path');
const { monitorEventLoopDelay, performance } = require('node:perf_hooks');

const { loadEngine, httpRequestUnavailable, ROOT } = require('./engine.cjs');
const { startEmulatorProcess } = require('./emulator-client.cjs');
const { DEFAULT_SITE, FIXTURES } = require('../emulator/index.cjs');

const ARGS = Object.fromEntries(process.argv.slice(2).map((a) => {
  const m = /^--([a-z0-9-]+)(?:=(.*))?$/.exec(a);
  if (!m) throw new Error(`unknown argument ${a}`);
  return [m[1], m[2] ?? true];
}));
const N = Number(ARGS.pushes ?? 1000);
const CONCURRENCY = Number(ARGS.concurrency ?? 5);
const MAX_RPS = Number(ARGS['max-rps'] ?? 20);
const LIMIT = 20;
const LATENCY = 100;
const MARGIN_MS = Number(ARGS['margin-ms'] ?? 25);

/**
 * Prototype fix: (1) a request may start only when fewer than `limit` requests started in the last
 * 1000 + margin ms (the server's own sliding-window rule, with room for send jitter), and (2) slots are
 * claimed when the request really starts, re-checked after every sleep, so overdue slots after an
 * event-loop stall never fire together. On a 429 the limit is learnt from the accepted count.
 */
function installSafetyFromStart(RequestPacer) {
  const original = RequestPacer.prototype.waitTurn;
  RequestPacer.prototype.waitTurn = function waitTurn() {
    if (!this._safetyApplied) {
      this._safetyApplied = true;
      this.intervalMs *= 1.05;
    }
    return original.call(this);
  };
}

function installWindowPacer(RequestPacer) {
  const { sleep } = require('n8n-workflow');
  const state = (pacer) => {
    if (!pacer._w) {
      const limit = pacer.paceMs > 0 ? Math.max(1, Math.floor(1000 / pacer.paceMs)) : 0;
      pacer._w = { limit, starts: [], lastStart: -Infinity };
    }
    return pacer._w;
  };
  RequestPacer.prototype.waitTurn = async function waitTurn() {
    const w = state(this);
    for (;;) {
      const now = Date.now();
      const windowFree = w.limit && w.starts.length >= w.limit ? w.starts[w.starts.length - w.limit] + 1000 + MARGIN_MS : 0;
      const startAt = Math.max(now, windowFree, this.pausedUntil, w.limit ? w.lastStart + 1000 / w.limit : 0);
      if (startAt <= now) {
        w.lastStart = now;
        w.starts.push(now);
        if (w.starts.length > 4 * (w.limit || 50)) w.starts.splice(0, w.starts.length - 2 * (w.limit || 50));
        return;
      }
      await sleep(startAt - now);
    }
  };
  RequestPacer.prototype.rateLimited = function rateLimited(retryAfterMs) {
    const w = state(this);
    const now = Date.now();
    this.pausedUntil = Math.max(this.pausedUntil, now + retryAfterMs);
    const accepted = this.acceptedAt.filter((at) => at >= now - 1000).length;
    // Learn the limit once (or lower it); never below 1.
    const learnt = Math.max(1, accepted);
    w.limit = w.limit ? Math.min(w.limit, learnt) : learnt;
  };
}

async function main() {
  const engine = await loadEngine({ engine: String(ARGS.engine ?? (httpRequestUnavailable() ? 'project' : 'n8n')) });
  const { RequestPacer } = require(path.join(ROOT, 'dist', 'nodes', 'OneAll', 'transport', 'pacer.js'));
  if (ARGS.fix === 'window' || ARGS.fix === true) installWindowPacer(RequestPacer);
  else if (ARGS.fix === 'safety') installSafetyFromStart(RequestPacer);
  else if (ARGS.fix) throw new Error(`unknown --fix=${ARGS.fix}`);
  const t0 = Date.now();
  const events = [];
  const original = RequestPacer.prototype.rateLimited;
  RequestPacer.prototype.rateLimited = function rateLimited(ms) {
    const now = Date.now();
    const accepted = this.acceptedAt.filter((at) => at >= now - 1000).length;
    const before = this.paceMs;
    original.call(this, ms);
    events.push({ atMs: now - t0, retryAfterMs: ms, acceptedLastSecond: accepted, paceMsBefore: round(before), paceMsAfter: round(this.paceMs) });
  };

  const emulator = await startEmulatorProcess();
  await emulator.configure(LATENCY, LIMIT);
  const options = { concurrency: CONCURRENCY, ...(MAX_RPS > 0 ? { maxRequestsPerSecond: MAX_RPS } : {}) };
  const node = {
    id: 'oneall-1', name: 'OneAll', type: 'n8n-nodes-oneall.oneAll', typeVersion: 1, position: [0, 0],
    parameters: {
      resource: 'pinterest', operation: 'publishPin',
      identity: { __rl: true, mode: 'id', value: FIXTURES.identities.pinterest },
      board: { __rl: true, mode: 'id', value: FIXTURES.pinterest.boardId },
      title: '={{ $json.title }}', picture: 'https://www.example.com/bench/pin.jpg', options,
    },
    credentials: { oneAllApi: { id: 'bench-oneall', name: 'OneAll emulator' } },
  };
  const credentials = {
    oneAllApi: {
      subdomain: DEFAULT_SITE.subdomain, publicKey: DEFAULT_SITE.publicKey, privateKey: DEFAULT_SITE.privateKey,
      useCustomBaseUrl: true, apiBaseUrl: emulator.url,
    },
  };
  const items = Array.from({ length: N }, (_, i) => ({ json: { title: `Diagnose pin ${i + 1}` } }));
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const started = Date.now();
  const p0 = performance.now();
  const result = await engine.runNode({ node, items, credentials, timeoutMs: 600_000 });
  const wallMs = performance.now() - p0;
  loop.disable();
  const timeline = (await emulator.timeline()).map(([t, status]) => ({ t: t - started, status }));
  const summary = await emulator.summary();
  await emulator.close();

  const bound = (N / LIMIT) * 1000;
  const gaps = timeline.slice(1).map((r, i) => r.t - timeline[i].t);
  const pauses = gaps.filter((g) => g >= 500);
  const steady = [...gaps].filter((g) => g < 500).sort((a, b) => a - b);
  const medianGap = steady[Math.floor(steady.length / 2)];
  const what = { window: `PROTOTYPE window pacer (margin ${MARGIN_MS} ms)`, safety: 'PROTOTYPE: 1.05 safety margin from the first request' };
  log(`engine ${engine.describe().engine}; ${ARGS.fix ? what[ARGS.fix === true ? 'window' : ARGS.fix] : 'node as built'}; options ${JSON.stringify(options)}`);
  log(`wall ${(wallMs / 1000).toFixed(2)} s = x${(wallMs / bound).toFixed(3)} of the ${bound / 1000} s bound; items out ${result.items.length}, ` +
    `errors ${result.items.filter((i) => i.json?.error !== undefined).length}, node error ${result.error?.message ?? 'none'}`);
  log(`requests ${timeline.length}, 429s ${summary.rateLimited}, duplicated ${summary.duplicatedPushes}`);
  log(`event loop delay: p50 ${(loop.percentile(50) / 1e6).toFixed(1)} ms, p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms, max ${(loop.max / 1e6).toFixed(1)} ms`);
  log('');
  log('pacer.rateLimited() calls:');
  for (const e of events) log(`  ${JSON.stringify(e)}`);
  log('');
  for (const [i, r] of timeline.entries()) {
    if (r.status !== 429) continue;
    const window = gaps.slice(Math.max(0, i - 20), i);
    log(`429 at ${r.t} ms (request #${i + 1}); the 20 gaps before it (sum ${window.reduce((a, b) => a + b, 0)} ms < 1000 = 21 in a second): ${window.join(',')}`);
  }
  log('');
  const first = timeline[0]?.t ?? 0;
  const tail = wallMs - (timeline[timeline.length - 1]?.t ?? 0);
  const slot = 1000 / LIMIT;
  const steadySum = steady.reduce((a, b) => a + b, 0);
  const pad = (label) => `  ${label}`.padEnd(58);
  log(`time budget (ms), ${timeline.length} requests = ${steady.length} steady gaps + ${pauses.length} pauses:`);
  log(`${pad('before the first request')}${first}`);
  log(`${pad(`steady gaps at the ideal ${slot} ms`)}${(steady.length * slot).toFixed(0)}`);
  log(`${pad(`steady gaps, excess over ${slot} ms (median gap ${medianGap} ms)`)}${(steadySum - steady.length * slot).toFixed(0)}`);
  log(`${pad(`pauses >= 500 ms (${pauses.join(', ') || 'none'})`)}${pauses.reduce((a, b) => a + b, 0)}`);
  log(`${pad('after the last request')}${tail.toFixed(0)}`);
  log(`${pad('= wall')}${wallMs.toFixed(0)}   (bound ${bound})`);
}

const round = (v) => Number(v.toFixed(1));
const log = (s) => process.stdout.write(`${s}\n`);

main().then(() => process.exit(0), (error) => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
