#!/usr/bin/env node
// Peak memory of one Sharing → Publish over N items, each with one file of S bytes in its binary data,
// through n8n-core's WorkflowExecute (project engine), the emulator in a child process. Each binary data
// mode runs in a fresh process of its own, so one mode's garbage never counts in the other's peak.
//
//   node test/bench/sharing-memory.cjs [--items=50] [--mib=5] [--modes=memory,filesystem] [--concurrency=5]
//                                      [--large] [--compare=DIR]
//
// --large: one 200 MiB video (video/mp4) in filesystem mode (= --items=1 --mib=200 --modes=filesystem --video).
// --compare=DIR: each mode runs first with the OneAll package built in DIR (e.g. `git archive main` extracted,
//   node_modules linked, `npm run build`), then with this checkout's: before and after in one run.
//
// Prints, per mode: memory after the items exist (baseline) and the peak during the run (RSS, V8 heap
// used, external + array buffers), sampled every 10 ms; and what the emulator received.
'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { Readable } = require('node:stream');

if (Number(process.versions.node.split('.')[0]) < 24) {
  const res = spawnSync(process.execPath, [path.join(__dirname, '..', 'tools', 'with-node24.cjs'), 'node', __filename, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(res.status ?? 1);
}

const args = Object.fromEntries(process.argv.slice(2).map((a) => /^--([\w-]+)=(.*)$/.exec(a)).filter(Boolean).map((m) => [m[1], m[2]]));
if (args.large !== undefined || process.argv.includes('--large')) Object.assign(args, { items: 1, mib: 200, modes: 'filesystem', video: '1' });
if (process.argv.includes('--video')) args.video = '1';
const ITEMS = Number(args.items ?? 50);
const BYTES = Math.round(Number(args.mib ?? 5) * 1024 * 1024);
const FILE = args.video ? { mimeType: 'video/mp4', extension: 'mp4' } : { mimeType: 'image/png', extension: 'png' };
const CONCURRENCY = Number(args.concurrency ?? 5);
const MiB = (n) => (n / 1024 / 1024).toFixed(0);

async function measure(mode) {
  const { loadEngine } = require('./engine.cjs');
  const { startEmulatorProcess } = require('./emulator-client.cjs');
  const { DEFAULT_SITE, FIXTURES } = require('../emulator/index.cjs');
  const engine = await loadEngine({ engine: 'project' });
  const { BinaryDataService } = require('n8n-core');
  const { Container } = require(require.resolve('@n8n/di', { paths: [require.resolve('n8n-core')] }));
  const service = Container.get(BinaryDataService);
  if (mode === 'filesystem') await service.init();

  const emulator = await startEmulatorProcess();
  try {
    await emulator.configure(0, 0);
    const location = { type: 'execution', workflowId: 'wf-memory', executionId: 'exec-memory' };
    const items = [];
    for (let i = 0; i < ITEMS; i++) {
      // Stored from a stream, so no copy of a large file stays in this process's baseline.
      const content = Readable.from((function* () {
        for (let left = BYTES; left > 0; left -= 1 << 20) yield Buffer.alloc(Math.min(left, 1 << 20), i + 1);
      })());
      items.push({ json: { i }, binary: { data: await service.store(location, content, { mimeType: FILE.mimeType, fileName: `f${i}.${FILE.extension}` }) } });
    }
    global.gc?.();
    const baseline = process.memoryUsage();
    const peak = { rss: 0, heapUsed: 0, external: 0, arrayBuffers: 0 };
    const sample = () => {
      const m = process.memoryUsage();
      for (const key of Object.keys(peak)) peak[key] = Math.max(peak[key], m[key]);
    };
    const timer = setInterval(sample, 10);
    const t0 = Date.now();
    const result = await engine.runNode({
      node: {
        id: 'memory-1', name: 'Publish', type: 'n8n-nodes-oneall.oneAll', typeVersion: 1, position: [0, 0],
        credentials: { oneAllApi: { id: 'bench-oneall', name: 'OneAll emulator' } },
        parameters: {
          resource: 'sharingMessage', operation: 'publish', publishFor: 'identity',
          identity: { __rl: true, mode: 'id', value: FIXTURES.identities.facebook },
          text: '={{ "Picture " + $json.i }}', additionalParts: { binaryProperties: 'data' }, options: { concurrency: CONCURRENCY },
        },
      },
      items,
      credentials: { oneAllApi: { subdomain: DEFAULT_SITE.subdomain, publicKey: DEFAULT_SITE.publicKey, privateKey: DEFAULT_SITE.privateKey, useCustomBaseUrl: true, apiBaseUrl: emulator.url } },
    });
    clearInterval(timer);
    sample();
    const emu = await emulator.summary();
    const failed = ITEMS - result.items.filter((item) => item.json?.error === undefined).length;
    return {
      mode,
      items: ITEMS,
      fileBytes: BYTES,
      concurrency: CONCURRENCY,
      wallMs: Date.now() - t0,
      encodedBytes: 4 * Math.ceil(BYTES / 3),
      failed,
      published: emu.processedPushes,
      nodeError: result.error ? String(result.error.message).slice(0, 200) : null,
      baseline: { rss: baseline.rss, heapUsed: baseline.heapUsed, external: baseline.external, arrayBuffers: baseline.arrayBuffers },
      peak,
    };
  } finally {
    await emulator.close();
  }
}

if (args.child) {
  measure(args.child).then(
    (r) => {
      process.stdout.write(`RESULT ${JSON.stringify(r)}\n`);
      process.exit(0);
    },
    (e) => {
      process.stderr.write(`${e.stack}\n`);
      process.exit(1);
    },
  );
} else {
  const modes = String(args.modes ?? 'memory,filesystem').split(',');
  const packages = args.compare ? [['before', path.resolve(args.compare)], ['after', '']] : [['', '']];
  console.log(`Sharing → Publish, ${ITEMS} items x ${MiB(BYTES)} MiB ${FILE.mimeType} each, concurrency ${CONCURRENCY}, emulator in a child process`);
  if (args.compare) console.log(`before = the package in ${args.compare}, after = this checkout`);
  console.log('mode               wall s  failed  published  baseline RSS  peak RSS  above baseline (x encoded upload)  peak heap used  peak external+arrayBuffers');
  let broken = false;
  for (const mode of modes) {
    for (const [label, dir] of packages) {
      const env = { ...process.env, ...(dir ? { ONEALL_BENCH_PACKAGE: dir } : {}) };
      if (!dir) delete env.ONEALL_BENCH_PACKAGE;
      const child = spawnSync(process.execPath, ['--expose-gc', __filename, `--child=${mode}`, ...process.argv.slice(2)], { encoding: 'utf8', maxBuffer: 1 << 26, env });
      const line = (child.stdout || '').split('\n').find((l) => l.startsWith('RESULT '));
      const name = `${mode}${label ? ` ${label}` : ''}`;
      if (child.status !== 0 || !line) {
        broken = true;
        console.log(`${name}: failed (${child.status})\n${child.stderr.slice(-2000)}`);
        continue;
      }
      const r = JSON.parse(line.slice(7));
      const above = r.peak.rss - r.baseline.rss;
      console.log(
        `${name.padEnd(17)}  ${(r.wallMs / 1000).toFixed(2).padStart(6)}  ${String(r.failed).padStart(6)}  ${String(r.published).padStart(9)}  ` +
          `${MiB(r.baseline.rss).padStart(8)} MiB  ${MiB(r.peak.rss).padStart(4)} MiB  ${MiB(above).padStart(10)} MiB (${(above / r.encodedBytes).toFixed(2)} x)          ` +
          `${MiB(r.peak.heapUsed).padStart(10)} MiB  ${MiB(r.peak.external).padStart(6)} + ${MiB(r.peak.arrayBuffers)} MiB${r.nodeError ? `  node error: ${r.nodeError}` : ''}`,
      );
    }
  }
  process.exit(broken ? 1 : 0);
}
