// Starts test/bench/emulator-child.cjs and talks to it over IPC.
'use strict';
const { fork } = require('node:child_process');
const path = require('node:path');

async function spawnChild(options) {
  // ONEALL_BENCH_EMULATOR_CPUS=1 (a taskset CPU list): the emulator runs only on those CPUs, so it never
  // takes the measured process's CPU when a request wakes it (start the bench with `taskset -c 0`).
  const cpus = process.env.ONEALL_BENCH_EMULATOR_CPUS;
  const child = fork(path.join(__dirname, 'emulator-child.cjs'), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, NODE_OPTIONS: '' },
    ...(cpus ? { execPath: 'taskset', execArgv: ['-c', cpus, process.execPath] } : {}),
  });
  let nextId = 0;
  const pending = new Map();
  child.on('message', ({ id, result, error }) => {
    const entry = pending.get(id);
    if (!entry) return;
    pending.delete(id);
    if (error) entry.reject(new Error(`emulator: ${error}`));
    else entry.resolve(result);
  });
  child.on('exit', (code) => {
    for (const entry of pending.values()) entry.reject(new Error(`emulator process exited (${code})`));
    pending.clear();
  });
  const call = (cmd, args) =>
    new Promise((resolve, reject) => {
      if (child.exitCode !== null || !child.connected) {
        reject(new Error('emulator process is not running'));
        return;
      }
      const id = ++nextId;
      pending.set(id, { resolve, reject });
      child.send({ id, cmd, args });
    });
  const close = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await call('close').catch(() => {});
    await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
    if (child.exitCode === null) child.kill();
  };
  const { url } = await call('start', options);
  return { child, call, close, url };
}

/**
 * The emulator in a child process. `restart()` replaces it with a fresh one on a new port: after a run
 * was cancelled, its leftover requests then go nowhere instead of into the next run's counts.
 */
async function startEmulatorProcess(options = {}) {
  let current = await spawnChild(options);
  return {
    get url() { return current.url; },
    get pid() { return current.child.pid; },
    configure: (latencyMs, requestsPerSecond) => current.call('configure', { latencyMs, requestsPerSecond }),
    summary: () => current.call('summary'),
    addFault: (spec) => current.call('fault', spec),
    timeline: () => current.call('timeline'),
    restart: async () => {
      await current.close();
      current = await spawnChild(options);
    },
    close: () => current.close(),
  };
}

module.exports = { startEmulatorProcess };
