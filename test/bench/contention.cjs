// Bench section (f): executions that share OneAll's limit, run here in one process by n8n-core's
// WorkflowExecute (as n8n's main process or one queue-mode worker runs them: they share the node's pace
// of the site; workers of a cluster each have their own), so the contention is not capped by what a
// 2-core cluster can start per second:
//   batches: several executions of 100 pins started together (default Options);
//   singles: many one-pin executions, a fixed number in flight at once (workers x worker concurrency),
//            a new one starting whenever one ends.
// Wall time against the bound (accepted requests / limit), failed and duplicated counted by the emulator.
//
//   node test/bench/contention.cjs [--batches=3] [--singles=1000] [--in-flight=40] [--rps=20] [--only=batches,singles]
'use strict';
const { performance } = require('node:perf_hooks');

const { pinItems, oneAllNode } = require('./nodes.cjs');

async function measure({ emulator, latencyMs, requestsPerSecond, run }) {
  await emulator.configure(latencyMs, requestsPerSecond);
  const t0 = performance.now();
  const outcome = await run();
  const wallMs = performance.now() - t0;
  const emu = await emulator.summary();
  const boundMs = (emu.processedPushes / requestsPerSecond) * 1000;
  return {
    wallMs: Math.round(wallMs),
    boundMs: Math.round(boundMs),
    ratio: Number((wallMs / boundMs).toFixed(3)),
    published: emu.processedPushes,
    duplicated: emu.duplicatedPushes,
    rateLimited: emu.rateLimited,
    requests: emu.stats.received,
    peakPushesPerSecond: emu.peakPerSecond,
    ...outcome,
  };
}

/**
 * Failed items of one execution of `itemCount` items (as in bench.cjs: input items without a successful
 * output item, so an execution stopped by an error fails all of them) and the first error text.
 */
function outcomeOf(result, itemCount) {
  const errors = result.items.filter((item) => item.json?.error !== undefined);
  const failed = itemCount - (result.items.length - errors.length);
  const message = result.error?.message ?? errors[0]?.json?.error;
  return { failed, message: message === undefined ? undefined : String(message).slice(0, 160) };
}

function tally(outcomes) {
  const messages = {};
  for (const o of outcomes) if (o.message) messages[o.message] = (messages[o.message] ?? 0) + 1;
  return { failed: outcomes.reduce((sum, o) => sum + o.failed, 0), errors: messages };
}

/** `executions` executions of 100 pins each, all started at once. */
async function batches({ engine, emulator, executions, options, capMs }) {
  const { node, credentials } = oneAllNode(emulator.url, options);
  const results = await Promise.all(
    Array.from({ length: executions }, () => engine.runNode({ node, items: pinItems(100), credentials, timeoutMs: capMs })),
  );
  return tally(results.map((result) => outcomeOf(result, 100)));
}

/** `count` one-pin executions, `inFlight` running at any time. */
async function singles({ engine, emulator, count, inFlight, options, capMs }) {
  const { node, credentials } = oneAllNode(emulator.url, options);
  const outcomes = [];
  let started = 0;
  async function lane() {
    while (started < count) {
      started++;
      const result = await engine.runNode({ node, items: pinItems(1), credentials, timeoutMs: capMs });
      outcomes.push(outcomeOf(result, 1));
    }
  }
  await Promise.all(Array.from({ length: Math.min(inFlight, count) }, lane));
  return tally(outcomes);
}

async function contentionSection({ engine, emulator, latencyMs, requestsPerSecond, batchExecutions = 3, singleExecutions = 1000, inFlight = 40, only, log }) {
  const options = {}; // default Options: what most workflows run with
  const out = { latencyMs, requestsPerSecond, options };
  const capMs = 600_000;
  if (!only || only.includes('batches')) {
    log(`(f) ${batchExecutions} executions of 100 pins started together, default Options, ${latencyMs} ms, ${requestsPerSecond} req/s ...`);
    out.batches = { executions: batchExecutions, ...(await measure({ emulator, latencyMs, requestsPerSecond, run: () => batches({ engine, emulator, executions: batchExecutions, options, capMs }) })) };
    log(`    ${fmt(out.batches)}`);
  }
  if (!only || only.includes('singles')) {
    log(`(f) ${singleExecutions} one-pin executions, ${inFlight} in flight, default Options ...`);
    out.singles = { executions: singleExecutions, inFlight, ...(await measure({ emulator, latencyMs, requestsPerSecond, run: () => singles({ engine, emulator, count: singleExecutions, inFlight, options, capMs }) })) };
    log(`    ${fmt(out.singles)}`);
  }
  return out;
}

function fmt(run) {
  const errors = Object.entries(run.errors).map(([m, n]) => `${n} x "${m}"`).join('; ');
  return `${(run.wallMs / 1000).toFixed(1)} s = x${run.ratio} of bound ${(run.boundMs / 1000).toFixed(1)} s; published ${run.published}, ` +
    `failed ${run.failed}, duplicated ${run.duplicated}, 429s ${run.rateLimited} of ${run.requests} requests, peak ${run.peakPushesPerSecond}/s` +
    (errors ? `\n    errors: ${errors}` : '');
}

module.exports = { contentionSection };

if (require.main === module) {
  require('./section-cli.cjs').runSectionFromCli({ engine: 'project' }, ({ engine, emulator, arg, log }) =>
    contentionSection({
      engine, emulator, latencyMs: 100, requestsPerSecond: Number(arg('rps', 20)),
      batchExecutions: Number(arg('batches', 3)), singleExecutions: Number(arg('singles', 1000)), inFlight: Number(arg('in-flight', 40)),
      only: arg('only', undefined)?.split(','), log,
    }),
  );
}
