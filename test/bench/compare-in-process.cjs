#!/usr/bin/env node
// Bench (c) in miniature, in ONE process as the bench runs it, with a modified copy of the package beside
// the built one: OneAll default options, the HTTP Request node, and `variant` (the OneAll node loaded from
// <dir>/dist under the type variant.oneAll, default options). Rounds in rotating order; each run's CPU
// includes closing its sockets (300 ms pause counted, not in the wall time). Medians per item: wall, system,
// user, voluntary context switches. E.g. copy package.json + dist/ to /tmp/v, patch /tmp/v/dist/..., then
//   node test/bench/compare-in-process.cjs --package=/tmp/v [--items=1000] [--reps=4] [--latency-ms=0 ((c2): 20)]
'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');

if (Number(process.versions.node.split('.')[0]) < 24 || !process.execArgv.includes('--expose-gc')) {
  const node24 = Number(process.versions.node.split('.')[0]) >= 24 ? [process.execPath] : [process.execPath, path.join(__dirname, '..', 'tools', 'with-node24.cjs'), 'node'];
  const res = spawnSync(node24[0], [...node24.slice(1), '--expose-gc', __filename, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(res.status ?? 1);
}
const ARGS = Object.fromEntries(process.argv.slice(2).map((a) => {
  const m = /^--([a-z0-9-]+)(?:=(.*))?$/.exec(a);
  if (!m) throw new Error(`unknown argument ${a}`);
  return [m[1], m[2] ?? true];
}));
const { loadEngine } = require('./engine.cjs');
const { startEmulatorProcess } = require('./emulator-client.cjs');
const { pinItems, oneAllNode, httpRequestNode } = require('./nodes.cjs');

const N = Number(ARGS.items ?? 1000);
const REPS = Number(ARGS.reps ?? 4);
const LATENCY_MS = Number(ARGS['latency-ms'] ?? 0);
const LABELS = { oneAll: 'OneAll node, default options', httpRequest: 'HTTP Request node', variant: `variant (${ARGS.package})` };

async function main() {
  const engine = await loadEngine({ engine: 'n8n' });
  if (!engine.httpRequest) throw new Error(`no HTTP Request node: ${engine.httpUnavailable}`);
  const keys = ['oneAll', 'httpRequest'];
  if (ARGS.package) {
    await engine.loadExtraPackage(path.resolve(String(ARGS.package)), 'variant');
    keys.push('variant');
  }
  const emulator = await startEmulatorProcess();
  try {
    await emulator.configure(LATENCY_MS, 0);
    const build = {
      oneAll: () => oneAllNode(emulator.url, {}),
      httpRequest: () => httpRequestNode(emulator.url, engine.httpRequest.description.defaultVersion),
      variant: () => {
        const built = oneAllNode(emulator.url, {});
        return { ...built, node: { ...built.node, type: 'variant.oneAll' } };
      },
    };
    const samples = Object.fromEntries(keys.map((k) => [k, []]));
    const run = async (key, record) => {
      const { node, credentials } = build[key]();
      globalThis.gc();
      const cpu0 = process.cpuUsage();
      const ru0 = process.resourceUsage();
      const started = performance.now();
      const result = await engine.runNode({ node, items: pinItems(N), credentials, timeoutMs: 300_000 });
      const wall = performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 300));
      const cpu = process.cpuUsage(cpu0);
      const ru = process.resourceUsage();
      if (result.items.length !== N || result.error) throw new Error(`${key}: ${result.items.length} of ${N} items, ${result.error?.message ?? ''}`);
      if (record) {
        samples[key].push({
          wall: wall / N,
          system: cpu.system / 1000 / N,
          user: cpu.user / 1000 / N,
          contextSwitches: (ru.voluntaryContextSwitches - ru0.voluntaryContextSwitches) / N,
        });
      }
    };
    for (const key of keys) await run(key, false); // warm-up
    for (let rep = 0; rep < REPS; rep++) {
      for (const key of [...keys.slice(rep % keys.length), ...keys.slice(0, rep % keys.length)]) await run(key, true);
    }
    const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    process.stdout.write(`${N} items, ${LATENCY_MS} ms latency, no rate limit; medians of ${REPS} per item:\n`);
    for (const key of keys) {
      const rows = samples[key];
      process.stdout.write(`  ${LABELS[key].padEnd(40)} wall ${median(rows.map((r) => r.wall)).toFixed(3)} ms  system ${median(rows.map((r) => r.system)).toFixed(3)} ms  user ` +
        `${median(rows.map((r) => r.user)).toFixed(3)} ms  voluntary context switches ${median(rows.map((r) => r.contextSwitches)).toFixed(3)}\n`);
    }
  } finally {
    await emulator.close();
  }
}

main().then(() => process.exit(0), (error) => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
