// npm run bench:real [-- --items=1000 --rounds=5 --warmups=2 --latency-ms=0 --keep --package=<tarball> --skip-build
//                        --out=<file.json> --count-queries]
//
// Per-item overhead of the OneAll node against n8n's HTTP Request node inside a real n8n 2.41.1
// (`n8n start`, SQLite), where every credential read goes to the database and is decrypted: the
// cost the in-process bench (c) cannot show. Webhook → Code (N items) → contender, no rate limit, 0 ms
// emulator latency (--latency-ms=20: bench (c2), where the node's default Concurrency 5 keeps 5 requests
// in flight and the HTTP Request node sends every item at once; n8n's CPU per item is then the figure). Per run: the contender's own executionTime (n8n's run data), the
// execution's duration, the wall time of the webhook call and the CPU of n8n's process tree
// (/proc). Warm-up runs, then R rounds in alternating order; medians.
// ONEALL_BENCH_PACKAGE=<tarball> (or --package=) measures that package instead of this worktree's.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

import * as H from '../real-n8n/n8n-env.mjs';
import { basicAuthCredential, contenders } from './real-n8n-workflows.mjs';

H.ensureN8nNode();

const argv = process.argv.slice(2);
const flag = (name) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const ITEMS = Number(flag('items') ?? 1000);
const ROUNDS = Number(flag('rounds') ?? 5);
// n8n gets faster over its first few 1,000-item executions (seen with one warm-up: rounds 1-2 up to
// 2x slower than rounds 4-5, for both contenders); two warm-up runs each take most of that out.
const WARMUPS = Number(flag('warmups') ?? 2);
const LATENCY_MS = Number(flag('latency-ms') ?? 0);
const KEEP = argv.includes('--keep');
const SKIP_BUILD = argv.includes('--skip-build');
// Diagnostics: n8n logs every SQL query (DB_LOGGING_*); each run counts its credential reads. Slows
// n8n down: the times of such a run are not the figures.
const COUNT_QUERIES = argv.includes('--count-queries');
const PACKAGE = flag('package') ?? process.env.ONEALL_BENCH_PACKAGE;
const OUT = path.resolve(flag('out') ?? path.join(H.OUTPUT_DIR, 'bench-real-n8n.json'));
const USER_FOLDER = path.join(H.OUTPUT_DIR, 'bench-real-n8n-user');
const RUN_TIMEOUT_MS = 5 * 60_000;
const SETTLE_MS = 1000; // after the execution: sockets closing, the execution saved (counted as the run's CPU)
if (!(ITEMS > 0 && ROUNDS > 0 && WARMUPS >= 0 && LATENCY_MS >= 0)) {
  throw new Error('--items, --rounds, --warmups and --latency-ms must be numbers (items and rounds > 0)');
}

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** CPU ms (user+system) of `pid` and all its descendants (n8n main and its task runner). */
function treeCpuMs(rootPid) {
  const stats = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const text = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const f = text.slice(text.lastIndexOf(')') + 2).split(' '); // f[0] = field 3 (state)
      stats.push({ pid: Number(name), ppid: Number(f[1]), user: Number(f[11]), system: Number(f[12]) });
    } catch {
      /* process ended meanwhile */
    }
  }
  const inTree = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const s of stats) if (!inTree.has(s.pid) && inTree.has(s.ppid)) grew = inTree.add(s.pid);
  }
  const sum = { main: { user: 0, system: 0 }, tree: { user: 0, system: 0 } };
  for (const s of stats.filter((x) => inTree.has(x.pid))) {
    for (const k of s.pid === rootPid ? ['main', 'tree'] : ['tree']) {
      sum[k].user += (s.user * 1000) / TICKS_PER_SECOND;
      sum[k].system += (s.system * 1000) / TICKS_PER_SECOND;
    }
  }
  return sum;
}

/** CPU ms all cores spent busy since boot (/proc/stat: everything but idle and iowait). */
function machineBusyMs() {
  const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = f.slice(0, 8).reduce((a, b) => a + b, 0); // user..steal (guest is inside user)
  return ((total - f[3] - f[4]) * 1000) / TICKS_PER_SECOND;
}

const cpuDiff = (a, b) => ({
  main: b.main.user + b.main.system - a.main.user - a.main.system,
  mainSystem: b.main.system - a.main.system,
  tree: b.tree.user + b.tree.system - a.tree.user - a.tree.system,
});

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : null;
};

async function preparePackage() {
  if (PACKAGE) {
    const tarball = path.resolve(PACKAGE);
    if (!fs.existsSync(tarball)) throw new Error(`package tarball ${tarball} does not exist`);
    return { tarball, source: 'given tarball' };
  }
  const pack = await H.buildAndPack({ skipBuild: SKIP_BUILD });
  let commit;
  try {
    const git = (...a) => execFileSync('git', ['-C', H.ROOT, ...a], { encoding: 'utf8' }).trim();
    commit = `${git('rev-parse', '--short', 'HEAD')}, nodes/ credentials/ as of ${git('log', '-1', '--format=%h', '--', 'nodes', 'credentials')}`;
    const dirty = git('status', '--porcelain', '--', 'nodes', 'credentials');
    if (dirty) commit += ' (nodes/ or credentials/ modified)';
  } catch {
    commit = 'unknown';
  }
  return { tarball: pack.tarball, source: `this worktree, commit ${commit}` };
}

/** The newest finished execution of the workflow that started at or after `since`. */
async function finishedExecution(api, workflowId, since) {
  const filter = encodeURIComponent(JSON.stringify({ workflowId }));
  const deadline = Date.now() + 60_000;
  for (;;) {
    const list = await api(`/rest/executions?filter=${filter}&limit=20`);
    const found = (list.json?.data?.results ?? [])
      .filter((e) => Date.parse(e.startedAt ?? e.createdAt) >= since - 1000 && e.stoppedAt)
      .sort((a, b) => Number(b.id) - Number(a.id))[0];
    if (found && ['success', 'error', 'crashed', 'canceled'].includes(found.status)) return found;
    if (Date.now() > deadline) throw new Error(`no finished execution of ${workflowId} within 60 s (${list.status}: ${list.text.slice(0, 200)})`);
    await H.sleep(200);
  }
}

/** SQL queries n8n logged since byte `from` of its log: all, and SELECTs of credentials_entity. */
function countQueries(logFile, from) {
  const fd = fs.openSync(logFile, 'r');
  const size = fs.fstatSync(fd).size;
  const buf = Buffer.alloc(size - from);
  fs.readSync(fd, buf, 0, buf.length, from);
  fs.closeSync(fd);
  const lines = buf.toString('utf8').split('\n').filter((l) => /^query( failed)?:/i.test(l.trim()));
  return {
    all: lines.length,
    credentialSelects: lines.filter((l) => /SELECT/i.test(l) && /FROM "credentials_entity"/i.test(l)).length,
  };
}

/**
 * n8n answers /healthz before it has registered the published workflows' webhooks (seen on a loaded
 * machine: 404 "This webhook is not registered"); call each webhook with 0 items until it answers 200.
 */
async function waitForWebhooks(url, list, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (const c of list) {
    for (;;) {
      const res = await fetch(`${url}/webhook/${c.path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ run: 'probe', items: 0 }),
        signal: AbortSignal.timeout(30_000),
      });
      const text = await res.text();
      if (res.status === 200) break;
      if (res.status !== 404 || Date.now() > deadline) throw new Error(`webhook ${c.path} answered ${res.status}: ${text.slice(0, 200)}`);
      await H.sleep(500);
    }
  }
}

let runCounter = 0;

/** One run: webhook call → execution read back → checks and figures. */
async function runOnce(ctx, c) {
  const run = `${process.pid}.${++runCounter}`;
  ctx.emu.reset(); // no rate limit, empty log
  ctx.emu.setLatency(LATENCY_MS);
  const logStart = COUNT_QUERIES ? fs.statSync(ctx.logFile).size : 0;
  const cpuBefore = treeCpuMs(ctx.n8nPid);
  const busyBefore = machineBusyMs();
  const selfBefore = process.cpuUsage();
  const started = Date.now();
  const res = await fetch(`${ctx.url}/webhook/${c.path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ run, items: ITEMS }),
    signal: AbortSignal.timeout(RUN_TIMEOUT_MS),
  });
  const answer = await res.text();
  const webhookMs = Date.now() - started;
  // 404: the workflow is not listening (a broken setup, stop); anything else (a failed execution answers 500)
  // is this run's failure, reported with its execution.
  if (res.status === 404) throw new Error(`webhook ${c.path} answered 404: ${answer.slice(0, 200)}`);
  const summary = await finishedExecution(ctx.api, c.workflow.id, started);
  await H.sleep(SETTLE_MS);
  const cpu = cpuDiff(cpuBefore, treeCpuMs(ctx.n8nPid));
  const self = process.cpuUsage(selfBefore);
  const windowMs = Date.now() - started;
  // What the rest of the machine (not n8n, not this script with the emulator) used meanwhile, in cores.
  const otherCores = (machineBusyMs() - busyBefore - cpu.tree - (self.user + self.system) / 1000) / windowMs;

  const queries = COUNT_QUERIES ? countQueries(ctx.logFile, logStart) : undefined;
  const full = await ctx.api(`/rest/executions/${summary.id}`, { signal: AbortSignal.timeout(60_000) });
  if (full.status !== 200) throw new Error(`GET /rest/executions/${summary.id}: ${full.status} ${full.text.slice(0, 200)}`);
  const raw = full.json.data.data;
  const data = typeof raw === 'string' ? ctx.flatted.parse(raw) : raw;
  const task = data?.resultData?.runData?.[c.node]?.[0];
  const outItems = task?.data?.main?.[0] ?? [];
  const prefix = `Bench pin ${run}-`;
  const pushes = ctx.emu.pushes().filter((p) => p.body?.request?.push?.pin?.title?.startsWith(prefix)).length;
  const problems = res.status === 200 ? [] : [`webhook answered ${res.status}: ${answer.slice(0, 200)}`];
  const firstTitle = data?.resultData?.runData?.['Pin Items']?.[0]?.data?.main?.[0]?.[0]?.json?.title;
  if (!firstTitle?.startsWith(prefix)) problems.push(`execution ${summary.id} is not this run's (first title ${firstTitle})`);
  if (summary.status !== 'success') problems.push(`execution ${summary.id} ${summary.status}: ${data?.resultData?.error?.message ?? ''}`);
  if (!task) problems.push(`node "${c.node}" did not run`);
  if (outItems.length !== ITEMS) problems.push(`node output ${outItems.length} items, not ${ITEMS}`);
  const errorItems = outItems.filter((i) => i.json?.error).length;
  if (errorItems) problems.push(`${errorItems} error items`);
  if (pushes !== ITEMS) problems.push(`emulator processed ${pushes} pushes of this run, not ${ITEMS}`);
  return {
    contender: c.key,
    run,
    executionId: summary.id,
    ok: problems.length === 0,
    problems,
    nodeMs: task?.executionTime ?? null,
    executionMs: Date.parse(summary.stoppedAt) - Date.parse(summary.startedAt),
    webhookMs,
    cpuMs: cpu,
    emulatorAndScriptCpuMs: (self.user + self.system) / 1000,
    otherCores: Math.max(0, otherCores),
    pushes,
    outputItems: outItems.length,
    requestsAtEmulator: ctx.emu.requests.length,
    ...(queries ? { queries } : {}),
  };
}

function printRun(r, label) {
  const per = (ms) => (ms == null ? '-' : (ms / ITEMS).toFixed(3));
  H.info(
    `${label.padEnd(10)} ${r.contender.padEnd(12)} node ${per(r.nodeMs)} ms/item, execution ${per(r.executionMs)}, ` +
      `CPU n8n ${per(r.cpuMs.tree)} (main ${per(r.cpuMs.main)})` +
      `, other load ${r.otherCores.toFixed(2)} cores` +
      (r.queries ? `, SQL queries ${r.queries.all} (credential SELECTs ${r.queries.credentialSelects})` : '') +
      `${r.ok ? '' : `  FAILED: ${r.problems.join('; ')}`}`,
  );
}

function summarise(list, runs) {
  const rows = {};
  for (const c of list) {
    const ok = runs.filter((r) => r.contender === c.key && r.ok);
    const per = (f) => (ok.length ? median(ok.map(f)) / ITEMS : null);
    rows[c.key] = {
      label: c.label,
      runs: runs.filter((r) => r.contender === c.key).length,
      failedRuns: runs.filter((r) => r.contender === c.key && !r.ok).length,
      nodeMsPerItem: per((r) => r.nodeMs),
      executionMsPerItem: per((r) => r.executionMs),
      webhookMsPerItem: per((r) => r.webhookMs),
      cpuMsPerItem: per((r) => r.cpuMs.tree),
      cpuMainMsPerItem: per((r) => r.cpuMs.main),
      cpuMainSystemMsPerItem: per((r) => r.cpuMs.mainSystem),
      nodeMsMin: ok.length ? Math.min(...ok.map((r) => r.nodeMs)) / ITEMS : null,
      otherCoresMedian: ok.length ? median(ok.map((r) => r.otherCores)) : null,
      nodeMsRange: ok.length ? [Math.min(...ok.map((r) => r.nodeMs)) / ITEMS, Math.max(...ok.map((r) => r.nodeMs)) / ITEMS] : null,
    };
  }
  const a = rows.oneAll;
  const b = rows.httpRequest;
  const ratio = (k) => (a[k] != null && b[k] ? a[k] / b[k] : null);
  return {
    rows,
    ratio: { node: ratio('nodeMsPerItem'), nodeMin: ratio('nodeMsMin'), execution: ratio('executionMsPerItem'), cpu: ratio('cpuMsPerItem') },
  };
}

function printTable(list, result) {
  const f = (x, d = 3) => (x == null ? '-' : x.toFixed(d));
  const head = ['contender', 'node ms/item', '(min-max)', 'execution ms/item', 'webhook ms/item', 'n8n CPU ms/item', 'main CPU', 'other load', 'runs ok'];
  const lines = [head];
  for (const c of list) {
    const r = result.rows[c.key];
    lines.push([
      r.label,
      f(r.nodeMsPerItem),
      r.nodeMsRange ? `${f(r.nodeMsRange[0])}-${f(r.nodeMsRange[1])}` : '-',
      f(r.executionMsPerItem),
      f(r.webhookMsPerItem),
      f(r.cpuMsPerItem),
      f(r.cpuMainMsPerItem),
      r.otherCoresMedian == null ? '-' : `${f(r.otherCoresMedian, 2)} cores`,
      `${r.runs - r.failedRuns}/${r.runs}`,
    ]);
  }
  const minRatio = result.ratio.nodeMin == null ? '' : `(min ${f(result.ratio.nodeMin, 2)})`;
  lines.push(['OneAll / HTTP Request', f(result.ratio.node, 2), minRatio, f(result.ratio.execution, 2), '', f(result.ratio.cpu, 2), '', '', '']);
  const widths = head.map((_, i) => Math.max(...lines.map((l) => l[i].length)));
  process.stdout.write(`\n${lines.map((l) => l.map((x, i) => x.padEnd(widths[i])).join('  ')).join('\n')}\n`);
}

async function main() {
  H.exitOnSignals();
  const step = H.stepper(8);
  const loadBefore = os.loadavg();

  step(PACKAGE ? `Using the package ${PACKAGE}` : SKIP_BUILD ? 'Packing dist/ (npm pack)' : 'Building and packing n8n-nodes-oneall');
  const pkg = await preparePackage();
  const sha256 = createHash('sha256').update(fs.readFileSync(pkg.tarball)).digest('hex');
  H.info(`${path.relative(H.ROOT, pkg.tarball) || pkg.tarball} (${pkg.source}, sha256 ${sha256.slice(0, 12)})`);

  step(`Getting n8n ${H.N8N_VERSION}`);
  await H.ensureN8n();

  step(`Fresh user folder ${path.relative(H.ROOT, USER_FOLDER)} with the package as a community package`);
  const user = await H.prepareUserFolder(USER_FOLDER, pkg.tarball);
  if (!KEEP) H.onCleanup(() => fs.rmSync(USER_FOLDER, { recursive: true, force: true }));

  step(`Emulator (${LATENCY_MS} ms latency, no rate limit), credentials, workflows`);
  const { emu, DEFAULT_SITE } = await H.startOneAllEmulator({ latencyMs: LATENCY_MS });
  const dbLogging = COUNT_QUERIES ? { DB_LOGGING_ENABLED: 'true', DB_LOGGING_OPTIONS: 'query' } : {};
  const env = H.n8nEnv({ userFolder: USER_FOLDER, port: await H.pickPort(5698), brokerPort: await H.freePort(), extra: dbLogging });
  await H.importCredentials(env, [H.emulatorCredential(emu.url, DEFAULT_SITE), basicAuthCredential(DEFAULT_SITE)]);
  const list = contenders(emu.url);
  await H.importWorkflows(env, list.map((c) => c.workflow));
  for (const c of list) await H.publishWorkflow(env, c.workflow.id);
  H.info(`emulator ${emu.url}; workflows ${list.map((c) => c.workflow.id).join(', ')}`);

  step('Starting n8n');
  const srv = await H.startN8n(env, { logName: 'n8n-bench-real.log' });
  await H.setupOwner(srv.url);
  const n8nRequire = createRequire(path.join(H.N8N_DIR, 'node_modules', 'n8n', 'package.json'));
  const ctx = { url: srv.url, api: await H.restLogin(srv.url), emu, n8nPid: srv.child.pid, logFile: srv.logFile, flatted: n8nRequire('flatted') };
  await waitForWebhooks(srv.url, list);
  H.info(`${srv.url} (pid ${ctx.n8nPid}), both webhooks answer`);

  step(`Warm-up: ${WARMUPS} run(s) of ${ITEMS} items per contender`);
  const warmups = [];
  for (let w = 0; w < WARMUPS; w++) {
    for (const c of w % 2 ? [...list].reverse() : list) {
      const r = await runOnce(ctx, c);
      printRun(r, `warm-up ${w + 1}`);
      warmups.push(r);
    }
  }

  step(`${ROUNDS} rounds of ${ITEMS} items, alternating order`);
  const runs = [];
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 ? [...list].reverse() : list;
    for (const c of order) {
      const r = await runOnce(ctx, c);
      r.round = round + 1;
      printRun(r, `round ${round + 1}`);
      runs.push(r);
    }
  }

  // n8n's own background CPU (timers, pruning): part of every run's CPU figure, over the run + settle.
  const idleBefore = treeCpuMs(ctx.n8nPid);
  await H.sleep(3000);
  const idleCpuMsPerSecond = cpuDiff(idleBefore, treeCpuMs(ctx.n8nPid)).tree / 3;

  step('Results (medians over the rounds; per item = per pin)');
  H.info(`n8n's CPU when idle after the runs: ${idleCpuMsPerSecond.toFixed(1)} ms/s`);
  const result = summarise(list, runs);
  printTable(list, result);
  const loadAfter = os.loadavg();
  const log = fs.readFileSync(srv.logFile, 'utf8');
  const report = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, loadavgBefore: loadBefore, loadavgAfter: loadAfter },
    n8n: H.N8N_VERSION,
    node: process.version,
    package: { tarball: pkg.tarball, source: pkg.source, version: user.version, sha256 },
    settings: { items: ITEMS, rounds: ROUNDS, warmups: WARMUPS, emulatorLatencyMs: LATENCY_MS, rateLimit: null, settleMs: SETTLE_MS, database: 'sqlite', countQueries: COUNT_QUERIES },
    idleCpuMsPerSecond,
    n8nLogWarnings: log.split('\n').filter((l) => /warn|error/i.test(l)).slice(0, 50),
    ...result,
    warmups,
    runs,
  };
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(
    `\nload average before ${loadBefore.map((x) => x.toFixed(2)).join(' ')}, after ${loadAfter.map((x) => x.toFixed(2)).join(' ')}` +
      ` (${os.cpus().length} CPUs); ${path.relative(H.ROOT, OUT)} written; ${H.elapsed()} in all\n`,
  );
  return runs.every((r) => r.ok) && warmups.every((r) => r.ok);
}

let ok = false;
try {
  ok = await main();
} catch (e) {
  process.stderr.write(`\nbench:real failed: ${e.stack ?? e}\n`);
} finally {
  await H.cleanupAll();
}
if (KEEP) process.stdout.write(`user folder kept: ${path.relative(H.ROOT, USER_FOLDER)}\n`);
process.exit(ok ? 0 : 1);
