// Redis and Postgres for the queue-mode test: Debian's packages, started by us on free 127.0.0.1 ports
// with data folders in a temp folder, stopped by pid. Postgres refuses to run as root, so initdb and
// the server run as the `postgres` user (runuser).

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

import * as H from '../real-n8n/n8n-env.mjs';

const PG_VERSION_DIR = '/usr/lib/postgresql';
const PACKAGES = { 'redis-server': '/usr/bin/redis-server', postgresql: PG_VERSION_DIR };

function pgBin() {
  if (!fs.existsSync(PG_VERSION_DIR)) return undefined;
  const versions = fs.readdirSync(PG_VERSION_DIR).filter((v) => /^\d+$/.test(v)).sort((a, b) => b - a);
  return versions.length ? path.join(PG_VERSION_DIR, versions[0], 'bin') : undefined;
}

/** apt-get installs redis-server / postgresql when absent (root only; CI runs as root). */
export async function ensureDebianPackages() {
  const missing = Object.entries(PACKAGES)
    .filter(([, probe]) => !fs.existsSync(probe))
    .map(([name]) => name);
  if (!pgBin() && !missing.includes('postgresql')) missing.push('postgresql');
  if (!missing.length) return [];
  if (process.getuid?.() !== 0) throw new Error(`missing Debian packages ${missing.join(', ')}: apt-get install -y ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', ...missing]]) {
    const res = await H.run('apt-get', args, { env, timeoutMs: 10 * 60_000, logFile: path.join(H.LOG_DIR, 'apt.log') });
    if (res.code !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${res.code}); see test-output/logs/apt.log`);
  }
  return missing;
}

async function freePort() {
  return await H.pickPort();
}

async function waitForPort(port, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await new Promise((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => {
        s.destroy();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    await H.sleep(100);
  }
  throw new Error(`${what} did not listen on 127.0.0.1:${port} within ${timeoutMs / 1000}s`);
}

/** Spawns a long-running server in its own process group; stop() sends `signal`, then SIGKILL. */
function spawnServer(cmd, args, { logName, stopSignal = 'SIGTERM' }) {
  const fd = fs.openSync(path.join(H.LOG_DIR, logName), 'a');
  const child = spawn(cmd, args, { detached: true, stdio: ['ignore', fd, fd] });
  fs.closeSync(fd);
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  let done = false;
  exited.then(() => (done = true));
  const signalGroup = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      /* gone */
    }
  };
  const stop = async () => {
    if (done) return;
    signalGroup(stopSignal);
    const timer = setTimeout(() => signalGroup('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  process.on('exit', () => done || signalGroup('SIGKILL'));
  return { child, pid: child.pid, stop, exited, isRunning: () => !done };
}

/**
 * redis-server on a free port, data in `dir`. RDB snapshot on shutdown, as Debian's default config
 * does, so a restart keeps the queue. restart() stops it (SIGTERM: save, exit) and starts it again.
 */
export async function startRedis(dir) {
  fs.mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '60 1000', '--appendonly', 'no', '--daemonize', 'no'];
  let server;
  const start = async () => {
    server = spawnServer('/usr/bin/redis-server', args, { logName: 'redis.log' });
    await waitForPort(port, 15_000, 'redis-server');
  };
  await start();
  const redis = {
    port,
    get pid() {
      return server.pid;
    },
    stop: () => server.stop(),
    async restart(downMs = 0) {
      await server.stop();
      if (downMs) await H.sleep(downMs);
      await start();
    },
  };
  H.onCleanup(() => server.stop());
  return redis;
}

/** Postgres (newest installed version) as the postgres user on a free port, data in `dir`. */
export async function startPostgres(dir) {
  const bin = pgBin();
  if (!bin) throw new Error('Postgres is not installed (apt-get install postgresql)');
  fs.mkdirSync(dir, { recursive: true });
  fs.chownSync(dir, ...pgOwner());
  const port = await freePort();
  const initdb = await H.run(
    'runuser',
    ['-u', 'postgres', '--', path.join(bin, 'initdb'), '-D', dir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8'],
    { logFile: path.join(H.LOG_DIR, 'postgres.log'), timeoutMs: 120_000 },
  );
  if (initdb.code !== 0) throw new Error(`initdb failed (exit ${initdb.code}):\n${initdb.stderr.slice(-2000)}`);
  // Foreground postmaster (not pg_ctl): we hold its pid. SIGINT = fast shutdown.
  const server = spawnServer(
    'runuser',
    ['-u', 'postgres', '--', path.join(bin, 'postgres'), '-D', dir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-k', dir, '-c', 'max_connections=200', '-c', 'fsync=off'],
    { logName: 'postgres.log', stopSignal: 'SIGINT' },
  );
  H.onCleanup(() => server.stop());
  await waitForPort(port, 30_000, 'postgres');
  const pg = {
    port,
    pid: server.pid,
    bin,
    stop: () => server.stop(),
    /** Runs SQL with psql; returns rows as arrays of strings. */
    query(sql) {
      const res = spawnSync(path.join(bin, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-At', '-F', '\t', '-c', sql], {
        encoding: 'utf8',
        timeout: 30_000,
      });
      if (res.status !== 0) throw new Error(`psql: ${res.stderr || res.error?.message}`);
      return res.stdout.split('\n').filter(Boolean).map((l) => l.split('\t'));
    },
  };
  // Ready for queries (the port opens before recovery ends).
  for (let i = 0; ; i++) {
    try {
      pg.query('select 1');
      break;
    } catch (e) {
      if (i > 100) throw e;
      await H.sleep(200);
    }
  }
  return pg;
}

function pgOwner() {
  const line = fs.readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('no postgres user (apt-get install postgresql creates it)');
  const [, , uid, gid] = line.split(':');
  return [Number(uid), Number(gid)];
}
