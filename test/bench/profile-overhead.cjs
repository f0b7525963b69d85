#!/usr/bin/env node
// Where does the per-item kernel time of bench (c) go? Runs each contender of (c) (0 ms latency, no rate
// limit, the emulator in its own process) in a child process: a warm-up run, a run counting the async
// resources created per item (timers, sockets, promises, fs/DNS requests: async_hooks), then one measured
// run with `strace -f` attached to every thread of the child. Prints per item: CPU (user/system), context
// switches, page faults, syscalls by name and by thread (main thread, libuv worker pool, V8 workers), async resources.
//
// Usage: node test/bench/profile-overhead.cjs [--items=2000] [--nodes=oneAll,oneAllConcurrency50,httpRequest]
//          [--no-strace] [--out=test-output/profile-overhead.json] [--latency-ms=0 (the emulator's latency)]
//          [--cpu-prof=dir]  also writes a V8 CPU profile of each measured run to dir/<node>.cpuprofile
//          [--package=<dir>]  also offers `variant`: the OneAll node (default options) loaded from a modified copy
//                             of this package in <dir> (its dist/), to measure a change before making it
// Needs Linux, strace (Debian package `strace`) and the cached real n8n (for the HTTP Request node).
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const readline = require('node:readline');

if (Number(process.versions.node.split('.')[0]) < 24) {
  const res = spawnSync(process.execPath, [path.join(__dirname, '..', 'tools', 'with-node24.cjs'), 'node', __filename,
    ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(res.status ?? 1);
}

const ARGS = Object.fromEntries(process.argv.slice(2).map((a) => {
  const m = /^--([a-z0-9-]+)(?:=(.*))?$/.exec(a);
  if (!m) throw new Error(`unknown argument ${a}`);
  return [m[1], m[2] ?? true];
}));
const ITEMS = Number(ARGS.items ?? 2000);
const LATENCY_MS = Number(ARGS['latency-ms'] ?? 0);
const log = (text = '') => process.stdout.write(`${text}\n`);

// ------------------------------------------------------------------------------------------------
// Child: one contender
// ------------------------------------------------------------------------------------------------

async function child(key) {
  const { loadEngine, httpRequestUnavailable } = require('./engine.cjs');
  const { startEmulatorProcess } = require('./emulator-client.cjs');
  const { pinItems, oneAllNode, httpRequestNode } = require('./nodes.cjs');
  const engine = await loadEngine({ engine: httpRequestUnavailable() ? 'project' : 'n8n' });
  if (ARGS.package) await engine.loadExtraPackage(path.resolve(String(ARGS.package)), 'variant');
  const emulator = await startEmulatorProcess();
  const send = (line) => process.stdout.write(`${line}\n`);
  const lines = readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]();
  try {
    await emulator.configure(LATENCY_MS, 0);
    const build = {
      oneAll: () => oneAllNode(emulator.url, {}),
      oneAllConcurrency50: () => oneAllNode(emulator.url, { concurrency: 50 }),
      variant: () => {
        const built = oneAllNode(emulator.url, {});
        return { ...built, node: { ...built.node, type: 'variant.oneAll' } };
      },
      httpRequest: () => {
        if (!engine.httpRequest) throw new Error(`no HTTP Request node: ${engine.httpUnavailable}`);
        return httpRequestNode(emulator.url, engine.httpRequest.description.defaultVersion);
      },
    }[key];
    if (!build) throw new Error(`unknown node ${key}`);
    const run = async (count) => {
      const { node, credentials } = build();
      const result = await engine.runNode({ node, items: pinItems(count), credentials, timeoutMs: 300_000 });
      const failed = count - result.items.filter((item) => item.json?.error === undefined).length;
      if (failed) throw new Error(`${failed} of ${count} items failed: ${result.error?.message ?? ''}`);
    };
    await run(Math.min(ITEMS, 500)); // warm-up: JIT, module loads

    // Async resources created per item (a separate run: the hooks cost CPU themselves).
    const counts = {};
    const hook = require('node:async_hooks').createHook({
      init(_id, type) {
        counts[type] = (counts[type] ?? 0) + 1;
      },
    });
    hook.enable();
    await run(ITEMS);
    hook.disable();

    globalThis.gc?.();
    send(`READY ${process.pid}`);
    await lines.next();
    const openFds = () => fs.readdirSync('/proc/self/fd').length;
    const fds0 = openFds();
    const cpu0 = process.cpuUsage();
    const ru0 = process.resourceUsage();
    const threads0 = threadCpu();
    const profiler = ARGS['cpu-prof'] ? await startCpuProfile() : undefined;
    const t0 = performance.now();
    await run(ITEMS);
    const wallMs = performance.now() - t0;
    if (profiler) await profiler.stopInto(path.resolve(String(ARGS['cpu-prof']), `${key}.cpuprofile`));
    const cpu = process.cpuUsage(cpu0);
    const ru = process.resourceUsage();
    const threads1 = threadCpu();
    const cpuByThread = {};
    for (const [tid, t] of Object.entries(threads1)) {
      const name = t.name.replace(/\d+$/, '');
      const before = threads0[tid] ?? { ms: 0, switches: 0 };
      const entry = (cpuByThread[name] ??= { ms: 0, switches: 0 });
      entry.ms += t.ms - before.ms;
      entry.switches += t.switches - before.switches;
    }
    // Sockets a node leaves open when its run ends are torn down afterwards: that kernel time is not in
    // the run's figures. Count them, wait until they are closed (at most 10 s), then take the CPU again.
    const socketsOpenAtEnd = openFds() - fds0;
    const settleStart = performance.now();
    while (openFds() > fds0 + 2 && performance.now() - settleStart < 10_000) await new Promise((resolve) => setTimeout(resolve, 100));
    const settleMs = performance.now() - settleStart;
    const cpuSettled = process.cpuUsage(cpu0);
    send(`RESULT ${JSON.stringify({
      key,
      items: ITEMS,
      wallMs,
      userMs: cpu.user / 1000,
      systemMs: cpu.system / 1000,
      socketsOpenAtEnd,
      settleMs,
      userMsWithTeardown: cpuSettled.user / 1000,
      systemMsWithTeardown: cpuSettled.system / 1000,
      voluntaryContextSwitches: ru.voluntaryContextSwitches - ru0.voluntaryContextSwitches,
      involuntaryContextSwitches: ru.involuntaryContextSwitches - ru0.involuntaryContextSwitches,
      // Kernel time that is no syscall: first touches of new heap pages.
      minorPageFaults: ru.minorPageFault - ru0.minorPageFault,
      maxRssMb: ru.maxRSS / 1024,
      asyncResources: counts,
      cpuByThread,
    })}`);
    await lines.next();
  } finally {
    await emulator.close();
  }
}

/** CPU ms (user + system, clock ticks) and voluntary context switches of each thread of this process (Linux). */
function threadCpu() {
  const out = {};
  const tick = 1000 / 100; // USER_HZ
  for (const tid of fs.readdirSync('/proc/self/task')) {
    try {
      const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const status = fs.readFileSync(`/proc/self/task/${tid}/status`, 'utf8');
      out[tid] = {
        name: fs.readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trim(),
        ms: (Number(fields[11]) + Number(fields[12])) * tick,
        switches: Number(/voluntary_ctxt_switches:\s+(\d+)/.exec(status)?.[1] ?? 0),
      };
    } catch {
      /* thread ended */
    }
  }
  return out;
}

/** A V8 CPU profile of this process from now until `stopInto(file)`, through the inspector. */
async function startCpuProfile() {
  const session = new (require('node:inspector').Session)();
  session.connect();
  const post = (method, params) => new Promise((resolve, reject) => {
    session.post(method, params, (error, result) => (error ? reject(error) : resolve(result)));
  });
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  return {
    async stopInto(file) {
      const { profile } = await post('Profiler.stop');
      session.disconnect();
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify(profile));
    },
  };
}

// ------------------------------------------------------------------------------------------------
// Parent: strace around the measured run, per-item tables
// ------------------------------------------------------------------------------------------------

function threadNames(pid) {
  const names = {};
  for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
    try {
      names[tid] = fs.readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
    } catch {
      /* thread ended */
    }
  }
  return names;
}

/** strace -f output (no -c) -> { bySyscall: {name: calls}, byThread: {threadName: calls}, errors: {name: n} }. */
function parseStrace(file, names) {
  const bySyscall = {};
  const byThread = {};
  const errors = {};
  const text = fs.readFileSync(file, 'utf8');
  for (const line of text.split('\n')) {
    const m = /^(?:\[pid\s+(\d+)\]\s+|(\d+)\s+)?([a-z_0-9]+)\(/.exec(line) ?? /^(?:\[pid\s+(\d+)\]\s+|(\d+)\s+)?<\.\.\. ([a-z_0-9]+) resumed>/.exec(line);
    if (!m) continue;
    if (line.includes('<unfinished ...>')) continue; // counted at "resumed"
    const tid = m[1] ?? m[2];
    const name = m[3];
    bySyscall[name] = (bySyscall[name] ?? 0) + 1;
    const thread = (names[tid] ?? 'other').replace(/\d+$/, '');
    byThread[thread] = (byThread[thread] ?? 0) + 1;
    const e = / = -1 ([A-Z]+)/.exec(line);
    if (e) errors[`${name} ${e[1]}`] = (errors[`${name} ${e[1]}`] ?? 0) + 1;
  }
  return { bySyscall, byThread, errors };
}

async function profile(key, useStrace) {
  const pass = [
    ...(ARGS.package ? [`--package=${ARGS.package}`] : []),
    ...(ARGS['cpu-prof'] ? [`--cpu-prof=${path.resolve(String(ARGS['cpu-prof']))}`] : []),
    `--latency-ms=${LATENCY_MS}`,
  ];
  const proc = spawn(process.execPath, ['--expose-gc', __filename, `--child=${key}`, `--items=${ITEMS}`, ...pass], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = readline.createInterface({ input: proc.stdout })[Symbol.asyncIterator]();
  const next = async (prefix) => {
    for (;;) {
      const { value, done } = await lines.next();
      if (done) throw new Error(`${key}: child ended before ${prefix}`);
      if (value.startsWith(prefix)) return value.slice(prefix.length).trim();
      log(`    [${key}] ${value}`);
    }
  };
  const pid = Number(await next('READY'));
  let strace;
  let straceFile;
  let names;
  if (useStrace) {
    names = threadNames(pid);
    straceFile = path.join(os.tmpdir(), `oneall-profile-${key}-${process.pid}.strace`);
    const args = ['-f', '-qq', '-o', straceFile, ...Object.keys(names).flatMap((tid) => ['-p', tid])];
    strace = spawn('strace', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    await new Promise((resolve) => setTimeout(resolve, 1500)); // attached to every thread by then
  }
  proc.stdin.write('go\n');
  const result = JSON.parse(await next('RESULT'));
  if (strace) {
    Object.assign(names, threadNames(pid));
    const ended = new Promise((resolve) => strace.once('exit', resolve));
    strace.kill('SIGINT');
    await ended;
    result.strace = parseStrace(straceFile, names);
    result.threads = Object.values(names).reduce((acc, n) => ({ ...acc, [n.replace(/\d+$/, '')]: (acc[n.replace(/\d+$/, '')] ?? 0) + 1 }), {});
    fs.rmSync(straceFile, { force: true });
  }
  proc.stdin.end('done\n');
  await new Promise((resolve) => proc.once('exit', resolve));
  return result;
}

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => String(row[i]).length)));
  const line = (row) => row.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('  ');
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

function report(results) {
  const per = (value, r) => (value === undefined ? '-' : (value / r.items).toFixed(3));
  const keys = results.map((r) => r.key);
  log('');
  log(`Per item (${ITEMS} items, ${LATENCY_MS} ms latency, no rate limit; one measured run each${results[0].strace ? ', strace attached' : ''})`);
  log(table([
    ['', ...keys],
    ['wall ms', ...results.map((r) => per(r.wallMs, r))],
    ['user CPU ms', ...results.map((r) => per(r.userMs, r))],
    ['system CPU ms', ...results.map((r) => per(r.systemMs, r))],
    ['sockets still open at the end (per item)', ...results.map((r) => per(r.socketsOpenAtEnd, r))],
    ['user CPU ms, until those are closed', ...results.map((r) => per(r.userMsWithTeardown, r))],
    ['system CPU ms, until those are closed', ...results.map((r) => per(r.systemMsWithTeardown, r))],
    ['time until closed (ms, whole run)', ...results.map((r) => r.settleMs.toFixed(0))],
    ['voluntary context switches', ...results.map((r) => per(r.voluntaryContextSwitches, r))],
    ['involuntary context switches', ...results.map((r) => per(r.involuntaryContextSwitches, r))],
    ['minor page faults', ...results.map((r) => per(r.minorPageFaults, r))],
  ]));
  const union = (pick) => [...new Set(results.flatMap((r) => Object.keys(pick(r) ?? {})))]
    .sort((a, b) => Math.max(...results.map((r) => pick(r)?.[b] ?? 0)) - Math.max(...results.map((r) => pick(r)?.[a] ?? 0)));
  const section = (title, pick, minPerItem = 0.01) => {
    const names = union(pick).filter((n) => results.some((r) => (pick(r)?.[n] ?? 0) / r.items >= minPerItem));
    if (!names.length) return;
    log('');
    log(title);
    log(table([['', ...keys], ...names.map((n) => [n, ...results.map((r) => per(pick(r)?.[n] ?? 0, r))])]));
  };
  section('async resources created per item (async_hooks)', (r) => r.asyncResources);
  section('CPU ms per item, by thread (/proc, 10 ms ticks)', (r) => Object.fromEntries(Object.entries(r.cpuByThread ?? {}).map(([n, t]) => [n, t.ms])));
  section('voluntary context switches per item, by thread', (r) => Object.fromEntries(Object.entries(r.cpuByThread ?? {}).map(([n, t]) => [n, t.switches])));
  if (results[0].strace) {
    section('syscalls per item, by thread', (r) => r.strace.byThread);
    section('syscalls per item, by name', (r) => r.strace.bySyscall);
    section('failed syscalls per item', (r) => r.strace.errors);
  }
}

async function main() {
  if (ARGS.child) return await child(String(ARGS.child));
  const useStrace = !ARGS['no-strace'] && spawnSync('strace', ['-V']).status === 0;
  if (!useStrace) log('NOTE: no strace (or --no-strace): CPU, context switches and async resources only');
  const keys = String(ARGS.nodes ?? 'oneAll,oneAllConcurrency50,httpRequest').split(',');
  const results = [];
  for (const key of keys) {
    log(`profiling ${key} (${ITEMS} items) ...`);
    results.push(await profile(key, useStrace));
  }
  report(results);
  const out = path.resolve(String(ARGS.out ?? path.join(__dirname, '..', '..', 'test-output', 'profile-overhead.json')));
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), items: ITEMS, results }, null, 2)}\n`);
  log(`results: ${path.relative(process.cwd(), out)}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`profile failed: ${error?.stack ?? error}\n`);
    process.exit(1);
  },
);
