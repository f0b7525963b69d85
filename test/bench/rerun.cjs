// Bench section (g): n8n's Retry On Fail (3 tries, 1 s apart) when answers are lost. N pins (default 100) in
// one execution; the emulator loses one push answer in 10 after it recorded the push (afterProcessing 504 on
// the 1st, 11th, 21st … push, re-sent pushes included). n8n then runs the whole node again, every item:
// counted are the pushes OneAll recorded, the extra copies (duplicated), the pins live at least once and
// the items without a successful output. The OneAll node runs without and with Skip If Already Published
// (one read of the board per try, and one fresh read after each lost answer). No rate limit (429s would make n8n re-run the nodes too, for
// another reason); 100 ms latency.
//
//   node test/bench/rerun.cjs [--pins=100] [--package=<dir> (adds the OneAll node from <dir>/dist, e.g. a build
//                             of an earlier commit, as "variant")]
'use strict';
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const { pinItems, oneAllNode, httpRequestNode } = require('./nodes.cjs');

const RETRY = { retryOnFail: true, maxTries: 3, waitBetweenTries: 1000 };
const LOST_ANSWERS = { type: 'afterProcessing', path: '/push/', status: 504, every: 10, times: -1 };

function contenders(engine, url, { variant } = {}) {
  const oneAll = (settings, type, options = {}) => () => {
    const built = oneAllNode(url, options);
    return { ...built, node: { ...built.node, ...(type ? { type } : {}), ...settings } };
  };
  const SKIP = { skipIfPublished: true };
  const list = [
    ['OneAll node, Retry On Fail', oneAll(RETRY)],
    ['OneAll node, Retry On Fail + Continue On Fail', oneAll({ ...RETRY, onError: 'continueRegularOutput' })],
    ['OneAll node, Skip If Already Published, Retry On Fail', oneAll(RETRY, undefined, SKIP)],
    ['OneAll node, Skip If Already Published, Retry + Continue On Fail', oneAll({ ...RETRY, onError: 'continueRegularOutput' }, undefined, SKIP)],
  ];
  if (variant) {
    list.push(
      ['variant, Retry On Fail', oneAll(RETRY, 'variant.oneAll')],
      ['variant, Retry On Fail + Continue On Fail', oneAll({ ...RETRY, onError: 'continueRegularOutput' }, 'variant.oneAll')],
    );
  }
  if (engine.httpRequest) {
    const version = engine.httpRequest.description.defaultVersion;
    list.push(
      ['HTTP Request node, Retry On Fail', () => httpRequestNode(url, version, { settings: RETRY })],
      ['HTTP Request node, Retry On Fail + Continue On Fail', () => httpRequestNode(url, version, { settings: { ...RETRY, onError: 'continueRegularOutput' } })],
    );
  }
  return list;
}

async function measureOne({ engine, emulator, build, pins, latencyMs, capMs }) {
  await emulator.configure(latencyMs, 0);
  await emulator.addFault(LOST_ANSWERS);
  const { node, credentials } = build();
  const t0 = performance.now();
  const result = await engine.runNode({ node, items: pinItems(pins), credentials, timeoutMs: capMs });
  const wallMs = Math.round(performance.now() - t0);
  const emu = await emulator.summary();
  const errors = result.items.filter((item) => item.json?.error !== undefined);
  const succeeded = result.items.length - errors.length;
  const messages = [result.error?.message, ...errors.map((item) => item.json.error)].filter(Boolean).map(String);
  const pinsLive = emu.processedPushes - emu.duplicatedPushes;
  return {
    wallMs,
    timedOut: result.timedOut,
    execution: result.error ? 'error' : 'success',
    pushes: emu.processedPushes,
    reads: emu.reads,
    duplicated: emu.duplicatedPushes,
    // Every pin live exactly once and confirmed by a successful item.
    everyPinOnce: pinsLive === pins && emu.duplicatedPushes === 0 && succeeded === pins,
    pinsLive,
    failedItems: pins - succeeded,
    // Live on the network, yet the workflow got no successful item for them (an error says so instead).
    liveNotConfirmed: Math.max(0, pinsLive - succeeded),
    lostAnswers: emu.statuses['504'] ?? 0,
    firstError: messages[0]?.slice(0, 140),
  };
}

async function rerunSection({ engine, emulator, pins = 100, latencyMs = 100, variant, log }) {
  const capMs = 120_000;
  const out = { pins, latencyMs, fault: { ...LOST_ANSWERS }, retry: RETRY, runs: {} };
  log(`(g) ${pins} pins, one push answer in 10 lost after OneAll recorded it, n8n Retry On Fail (3 tries, 1 s), ${latencyMs} ms, no rate limit ...`);
  for (const [label, build] of contenders(engine, emulator.url, { variant })) {
    const run = await measureOne({ engine, emulator, build, pins, latencyMs, capMs });
    out.runs[label] = run;
    log(`    ${label.padEnd(66)} ${fmt(run)}`);
  }
  return out;
}

function fmt(run) {
  return `pushes ${run.pushes}, reads ${run.reads}, duplicated ${run.duplicated}, pins live ${run.pinsLive}, items failed ${run.failedItems}` +
    ` (live but not confirmed ${run.liveNotConfirmed}), execution ${run.execution}, ${(run.wallMs / 1000).toFixed(1)} s` +
    (run.timedOut ? ' (TIMED OUT)' : '');
}

module.exports = { rerunSection };

if (require.main === module) {
  const { httpRequestUnavailable } = require('./engine.cjs');
  require('./section-cli.cjs').runSectionFromCli(
    { engine: httpRequestUnavailable() ? 'project' : 'n8n' },
    async ({ engine, emulator, arg, log }) => {
      const variant = arg('package', undefined);
      if (variant) await engine.loadExtraPackage(path.resolve(variant), 'variant');
      return rerunSection({ engine, emulator, pins: Number(arg('pins', 100)), variant, log });
    },
  );
}
