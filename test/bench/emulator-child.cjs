// The OneAll emulator in its own process, so its CPU time is not counted as the nodes' overhead.
// Driven over IPC by test/bench/emulator-client.cjs.
'use strict';
const path = require('node:path');
const { startEmulator } = require(path.join(__dirname, '..', 'emulator', 'index.cjs'));

let emulator;

function summary() {
  const stats = emulator.stats();
  const pushes = emulator.pushes();
  const groups = emulator.duplicates();
  const times = pushes.map((p) => Date.parse(p.receivedAt)).sort((a, b) => a - b);
  // Most pushes accepted in any one-second window (the limit the emulator enforces).
  let peak = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i] - times[j] >= 1000) j++;
    peak = Math.max(peak, i - j + 1);
  }
  // Gaps between consecutive requests as they arrived: the pace, the pauses, the bursts.
  const arrivals = emulator.requests.map((r) => Date.parse(r.receivedAt)).sort((a, b) => a - b);
  const gaps = arrivals.slice(1).map((t, i) => t - arrivals[i]).sort((a, b) => a - b);
  const pct = (p) => (gaps.length ? gaps[Math.min(gaps.length - 1, Math.floor(gaps.length * p))] : null);
  const pauses = gaps.filter((g) => g >= 500);
  // Sharing publishes: one publication per network; a (user, network) published twice is a duplicate.
  const publications = pushes.flatMap((p) => p.result?.sharing_message?.publications?.entries ?? []);
  const perTarget = new Map();
  for (const p of publications) perTarget.set(`${p.user_token} ${p.provider}`, (perTarget.get(`${p.user_token} ${p.provider}`) ?? 0) + 1);
  return {
    stats,
    gaps: {
      p5Ms: pct(0.05),
      medianMs: pct(0.5),
      p95Ms: pct(0.95),
      under10Ms: gaps.filter((g) => g < 10).length,
      pauses: pauses.length,
      pausedMs: pauses.reduce((sum, g) => sum + g, 0),
    },
    processedPushes: pushes.length,
    // Reads (GET), e.g. the node's Skip If Already Published checks.
    reads: emulator.requests.filter((r) => r.method === 'GET').length,
    publications: {
      total: publications.length,
      failed: publications.filter((p) => p.status?.flag !== 'success').length,
      duplicated: [...perTarget.values()].reduce((sum, n) => sum + n - 1, 0),
    },
    duplicateGroups: groups.length,
    // Extra copies: a push sent 3 times counts 2.
    duplicatedPushes: groups.reduce((sum, group) => sum + group.length - 1, 0),
    rateLimited: stats.rateLimited,
    firstPushAt: times[0] ?? null,
    lastPushAt: times[times.length - 1] ?? null,
    peakPerSecond: peak,
    statuses: emulator.requests.reduce((acc, r) => {
      const key = String(r.status);
      acc[key] = (acc[key] ?? 0) + 1;
      return acc;
    }, {}),
  };
}

process.on('message', async (message) => {
  const { id, cmd, args = {} } = message;
  try {
    let result;
    switch (cmd) {
      case 'start':
        emulator = await startEmulator({ port: 0, seed: 1, ...args });
        result = { url: emulator.url };
        break;
      case 'configure':
        // reset() also clears latency and the rate limit: set them again.
        emulator.reset();
        emulator.setLatency(args.latencyMs ?? 0);
        emulator.setRateLimit(args.requestsPerSecond || undefined);
        result = { ok: true };
        break;
      case 'fault':
        // A fault spec as emulator.addFault takes it (a path given as a string is a prefix).
        emulator.addFault(args);
        result = { ok: true };
        break;
      case 'summary':
        result = summary();
        break;
      case 'timeline':
        // [ms since epoch, status] of every request, for diagnostics.
        result = emulator.requests.map((r) => [Date.parse(r.receivedAt), r.status]);
        break;
      case 'close':
        await emulator?.close();
        process.send({ id, result: { ok: true } }, () => process.exit(0));
        return;
      default:
        throw new Error(`unknown command ${cmd}`);
    }
    process.send({ id, result });
  } catch (error) {
    process.send({ id, error: String(error?.stack ?? error) });
  }
});
process.on('disconnect', () => process.exit(0));
