// npm run test:queue [-- --scale 1000] [--skip-build] [--concurrency 10] [--no-faults]
//                    [--only single,batch,batch-paced,mixed,contention,triggers] [--repeat N]
//
// The packed n8n-nodes-oneall in n8n 2.41.1 queue mode: Redis, Postgres, the OneAll emulator, one
// main process and two workers, all started here on free 127.0.0.1 ports and stopped by pid at the
// end (also on failure or Ctrl-C). Runs the throughput scenarios (each also without latency and rate
// limit first: the cluster's own floor), the contention scenario (the rate limit lowered below what
// the cluster runs), both OneAll triggers (callback and two poll ticks), then the faults, prints a table and writes
// test-output/queue.json. Fails on a duplicate push, a lost or stuck execution, or an unexpected
// count, or a scenario that uses less than half of OneAll's limit (over 2 × its bound in two runs).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import * as H from '../real-n8n/n8n-env.mjs';
import * as T from '../real-n8n/trigger-helpers.mjs';
import { startCluster } from './cluster.mjs';
import { runFaults } from './faults.mjs';
import { failureMessages, runLoad } from './load.mjs';
import { ensureDebianPackages, startPostgres, startRedis } from './services.mjs';
import { runTriggers } from './triggers.mjs';
import { pacedPinWorkflow, pinWorkflow, readWorkflow } from './workflows.mjs';

H.ensureN8nNode();

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const SCALE = flag('scale', 1000);
const CONCURRENCY = flag('concurrency', 10);
const LATENCY_MS = 100;
const LIMIT_RPS = 20;
// --repeat N: each scenario's limited run N times on the same cluster, to compare builds (the median is kept;
// runs after the first start with the paces the workers learnt in the one before).
const REPEAT = flag('repeat', 1);
const skipBuild = args.includes('--skip-build');
const withFaults = !args.includes('--no-faults');
// --only single,batch,batch-paced,mixed,contention,triggers: run just those steps (faults: --no-faults).
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : undefined;
const withTriggers = !only || only.includes('triggers');
if (!(SCALE >= 100 && SCALE % 100 === 0)) throw new Error('--scale must be a multiple of 100 (at least 100)');

// Two workers do not share a pace; together they must still use at least half of OneAll's limit. One
// measurement varies widely (1.19–1.77 × bound for the same build, on the same machine), so a scenario
// over this is measured once more and fails only if both runs are.
const MAX_RATIO = 2;

const failures = [];
const check = (ok, text) => {
  if (!ok) failures.push(text);
  return ok;
};

async function main() {
  H.exitOnSignals();
  const step = H.stepper(7 + (withTriggers ? 1 : 0) + (withFaults ? 1 : 0));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'oneall-queue-'));
  fs.chmodSync(tmp, 0o755); // the postgres user must reach its data folder
  H.onCleanup(() => fs.rmSync(tmp, { recursive: true, force: true }));
  fs.mkdirSync(H.LOG_DIR, { recursive: true });
  H.info(`scale ${SCALE} pins per scenario, worker concurrency ${CONCURRENCY}, temp ${tmp}, logs ${path.relative(H.ROOT, H.LOG_DIR)}/`);

  step('Debian packages redis-server and postgresql (apt-get when absent)');
  const installed = await ensureDebianPackages();
  H.info(installed.length ? `installed ${installed.join(', ')}` : 'already installed');

  step(skipBuild ? 'Packing n8n-nodes-oneall (npm pack)' : 'Building and packing n8n-nodes-oneall (npm run build, npm pack)');
  const pack = await H.buildAndPack({ skipBuild });
  H.info(`${path.relative(H.ROOT, pack.tarball)} (${(pack.size / 1024).toFixed(1)} kB)`);

  step(`Getting n8n ${H.N8N_VERSION} (cached in ${path.relative(H.ROOT, H.N8N_DIR)})`);
  const inst = await H.ensureN8n();
  H.info(inst.cached ? 'already installed (cache hit)' : `installed in ${(inst.ms / 1000).toFixed(0)}s`);

  step('Starting Redis, Postgres and the OneAll emulator');
  const redis = await startRedis(path.join(tmp, 'redis'));
  const pg = await startPostgres(path.join(tmp, 'postgres'));
  const { emu, DEFAULT_SITE, FIXTURES } = await H.startOneAllEmulator({ port: await H.pickPort() });
  H.info(`redis-server pid ${redis.pid} :${redis.port}; postgres pid ${pg.pid} :${pg.port}; emulator ${emu.url}`);

  step('Starting n8n: main + 2 workers in queue mode (package installed into each)');
  // Batches run 3 at once: each may use a third of the limit.
  const workflows = [pinWorkflow(FIXTURES), pacedPinWorkflow(FIXTURES, LIMIT_RPS / 3), readWorkflow(FIXTURES)];
  // The trigger examples are imported now and activated by their own step only.
  const [welcome, sheet] = [H.readJson(T.WELCOME_EXAMPLE), H.readJson(T.SHEET_EXAMPLE)];
  const cluster = await startCluster({ tmp, tarball: pack.tarball, redis, pg, emulatorUrl: emu.url, site: DEFAULT_SITE, workflows, inactiveWorkflows: [welcome, sheet], concurrency: CONCURRENCY });
  const ctx = { cluster, emu, pg, redis, FIXTURES };

  step('Warm-up: 20 executions (JIT, node loading), checked for success');
  const warm = await runLoad({ ...ctx, tag: 'warmup', calls: 20 });
  check(warm.published === 20 && warm.failedExecutions === 0, `warm-up: ${warm.published}/20 published, ${warm.failedExecutions} failed`);
  H.info(`${warm.published}/20 published in ${warm.wallS.toFixed(1)}s; per worker ${JSON.stringify(warm.perWorker)}`);

  step(`Scenarios at ${LATENCY_MS} ms latency and ${LIMIT_RPS} requests/s, each after its floor (no latency, no limit)`);
  const scenarios = [
    { name: `${SCALE} pins as ${SCALE} executions of 1 item`, key: 'single', calls: SCALE, pinsPerCall: 1 },
    { name: `${SCALE} pins as ${SCALE / 100} executions of 100 items`, key: 'batch', calls: SCALE / 100, pinsPerCall: 100 },
    { name: `${SCALE} pins as ${SCALE / 100} executions of 100 items, Max Requests per Second ${+(LIMIT_RPS / 3).toFixed(2)}`, key: 'batch-paced', calls: SCALE / 100, pinsPerCall: 100, paced: true },
    { name: `mixed: ${SCALE / 2} pin executions + ${SCALE / 5} reads + ${SCALE / 10} pickers`, key: 'mixed', calls: SCALE / 2, pinsPerCall: 1, reads: SCALE / 5, pickers: SCALE / 10 },
    // The cluster runs fewer single-item executions per second than OneAll's 20 requests/s, so the
    // limit is lowered to a third of the floor's rate: many executions, each pacing only itself, contend.
    { name: `${SCALE / 5} pins as ${SCALE / 5} executions of 1 item, rate limit lowered`, key: 'contention', calls: SCALE / 5, pinsPerCall: 1, contention: true },
  ];
  const rows = [];
  for (const s of scenarios.filter((x) => !only || only.includes(x.key))) {
    emu.setLatency(0);
    emu.setRateLimit(undefined);
    const floor = await runLoad({ ...ctx, ...s, tag: `${s.key}-floor` });
    const floorRate = s.calls / floor.wallS;
    const limit = s.contention ? Math.max(1, Math.floor(floorRate / 3)) : LIMIT_RPS;
    const name = s.contention ? `${s.name} to ${limit}/s (floor ${floorRate.toFixed(1)} executions/s ÷ 3)` : s.name;
    const measured = [];
    const measure = async () => {
      emu.setLatency(LATENCY_MS);
      emu.setRateLimit(limit);
      const real = await runLoad({ ...ctx, ...s, tag: `${s.key}-limited-${measured.length + 1}` });
      emu.setLatency(0);
      emu.setRateLimit(undefined);
      const rateBound = real.accepted / limit;
      const bound = Math.max(rateBound, floor.wallS);
      const errors = real.failedExecutions ? await failureMessages(cluster, pg, real.mark) : {};
      const row = { ...s, name, limit, floorRate, floor, real, rateBound, bound, ratio: real.wallS / bound, errors };
      measured.push(row);
      printScenario(row);
      return row;
    };
    for (let i = 0; i < REPEAT; i++) await measure();
    let row = [...measured].sort((a, b) => a.ratio - b.ratio)[Math.floor((REPEAT - 1) / 2)];
    if (REPEAT > 1) H.info(`${s.key}: ${measured.map((r) => r.ratio.toFixed(2)).join(', ')} × bound; median ${row.ratio.toFixed(2)}`);
    if (row.ratio > MAX_RATIO) {
      H.info(`${s.key}: ${row.ratio.toFixed(2)} × bound, over ${MAX_RATIO} ×; measuring once more (one run varies widely)`);
      const again = await measure();
      if (again.ratio < row.ratio) row = again;
    }
    rows.push(row);
    check(row.ratio <= MAX_RATIO, `${s.key}: ${measured.map((r) => r.ratio.toFixed(2)).join(' and ')} × bound: less than half of OneAll's limit used`);
    for (const [what, r] of [['floor', floor], ...measured.map((m) => ['limited', m.real])]) {
      check(!r.timedOut && r.unfinished === 0, `${s.key} ${what}: ${r.unfinished} executions unfinished`);
      check(r.duplicated === 0, `${s.key} ${what}: ${r.duplicated} duplicated pushes`);
      check(r.webhookFailures === 0 && r.pickerFailures === 0, `${s.key} ${what}: ${r.webhookFailures} webhook / ${r.pickerFailures} picker calls failed`);
      if (s.pinsPerCall === 1) {
        // Exactly one pin per successful execution, none for a failed one.
        check(r.uniquePublished === r.pinSuccesses, `${s.key} ${what}: ${r.uniquePublished} pins published but ${r.pinSuccesses} pin executions succeeded`);
      }
    }
    check(floor.failedExecutions === 0 && floor.published === floor.expectedPins, `${s.key} floor: ${floor.failedExecutions} failed executions`);
  }

  let triggers;
  if (withTriggers) {
    step('Triggers: the login callback on main, run on a worker; the poll once per tick for the whole cluster (two ticks, ~2 min)');
    try {
      triggers = await runTriggers({ ...ctx, welcome, sheet, latencyMs: LATENCY_MS, limitRps: LIMIT_RPS, check });
      H.info(`trigger step took ${triggers.durationS.toFixed(0)}s`);
    } catch (e) {
      check(false, `triggers: ${e.message}`);
    }
  }

  let faults = [];
  if (withFaults) {
    step('Faults: the emulator answering 503 for 10 s, Redis restarted, kill -9 of a worker');
    faults = await runFaults({ ...ctx, scale: SCALE, latencyMs: LATENCY_MS, limitRps: LIMIT_RPS, check });
  }

  printTable(rows, faults, triggers);
  const out = path.join(H.OUTPUT_DIR, 'queue.json');
  const loadAverage = os.loadavg().map((n) => +n.toFixed(2));
  H.info(`load average now ${loadAverage.join(', ')} (1, 5, 15 min); whole test ${H.elapsed()}`);
  const report = { scale: SCALE, concurrency: CONCURRENCY, latencyMs: LATENCY_MS, limitRps: LIMIT_RPS, at: new Date().toISOString(), loadAverage, rows: rows.map(slim), triggers, faults };
  fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  H.info(`figures written to ${path.relative(H.ROOT, out)}`);
}

function slim(row) {
  const pick = (r) => ({
    wallS: r.wallS, cpuS: r.cpuS, executions: r.executions, failedExecutions: r.failedExecutions, unfinished: r.unfinished,
    expectedPins: r.expectedPins, published: r.published, duplicated: r.duplicated, rateLimited: r.rateLimited,
    accepted: r.accepted, reads: r.reads, perWorker: r.perWorker, webhookFailures: r.webhookFailures, webhookStatuses: r.webhookStatuses, pickerFailures: r.pickerFailures, pickerErrors: r.pickerErrors,
  });
  return { name: row.name, key: row.key, limitRps: row.limit, rateBoundS: row.rateBound, boundS: row.bound, ratio: row.ratio, errors: row.errors, floor: pick(row.floor), limited: pick(row.real) };
}

function printScenario(row) {
  const r = row.real;
  H.info(
    `${row.name}: floor ${row.floor.wallS.toFixed(1)}s (${row.floor.cpuS.toFixed(0)} CPU-s), limited ${r.wallS.toFixed(1)}s, ` +
      `bound ${row.bound.toFixed(1)}s (rate ${row.rateBound.toFixed(1)}s) -> ${row.ratio.toFixed(2)}x; published ${r.published}/${r.expectedPins}, ` +
      `failed executions ${r.failedExecutions}, duplicated ${r.duplicated}, 429s ${r.rateLimited}, per worker ${JSON.stringify(r.perWorker)}, ` +
      `webhook answers ${JSON.stringify(r.webhookStatuses)}${r.pickerFailures ? `, ${r.pickerFailures} picker calls failed` : ''}`,
  );
  for (const [text, n] of Object.entries(row.errors)) H.info(`  ${n} failed executions say: ${text}`);
}

function printTable(rows, faults, triggers) {
  const lines = [];
  if (rows.length) {
    lines.push(
      '',
      `| Scenario (scale ${SCALE}, worker concurrency ${CONCURRENCY}) | Floor | Wall | Bound | × bound | Published | Failed executions | Duplicated | 429s | Executions per worker |`,
      '|---|---|---|---|---|---|---|---|---|---|',
    );
  }
  for (const row of rows) {
    const r = row.real;
    lines.push(
      `| ${row.name} | ${row.floor.wallS.toFixed(1)} s | ${r.wallS.toFixed(1)} s | ${row.bound.toFixed(1)} s | ${row.ratio.toFixed(2)} | ${r.published} / ${r.expectedPins} | ${r.failedExecutions} | ${r.duplicated} | ${r.rateLimited} | ${Object.values(r.perWorker).join(' / ')} |`,
    );
  }
  if (triggers) {
    const { login, tickExecutions } = triggers;
    lines.push(
      '',
      '| Trigger | What happened |',
      '|---|---|',
      `| Social Login callback, valid token | main answered ${login.status}, token verified ${login.verifications}×, 1 execution (${login.worker}), welcome tweets ${login.tweets} |`,
      `| Social Login callback, forged token | main answered ${login.forgedStatus}, executions ${login.forgedExecutions} |`,
      `| OneAll Trigger, every minute | ${triggers.activationPolls} poll at activation, then ${triggers.ticks} ticks ${triggers.secondsBetweenTicks.map((g) => g.toFixed(0)).join(' s, ')} s apart; list requests per tick ${triggers.listRequestsPerTick.join('/')} |`,
      ...tickExecutions.map((t, i) => `| tick with new users ${i + 1} | 1 execution (${t.status}) on ${t.worker}: ${t.users.length} users emitted of ${t.expected} added |`),
    );
  }
  if (faults.length) {
    lines.push('', '| Fault | Pin executions | Published | Succeeded | Marked failed (published) | Unfinished | Duplicated | Webhook calls refused | Settled after the fault |', '|---|---|---|---|---|---|---|---|---|');
    for (const f of faults) {
      lines.push(`| ${f.name} | ${f.calls} | ${f.published} | ${f.succeeded} | ${f.failed} (${f.publishedButFailed}) | ${f.unfinished} | ${f.duplicated} | ${f.webhookFailures} | ${f.settledS === undefined ? '–' : `${f.settledS.toFixed(0)} s`} |`);
    }
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

let exitCode = 0;
try {
  await main();
  if (failures.length) {
    exitCode = 1;
    process.stdout.write(`FAILED checks:\n${failures.map((f) => `  - ${f}`).join('\n')}\n`);
  } else process.stdout.write(`queue mode: all checks passed (${H.elapsed()})\n`);
} catch (e) {
  exitCode = 1;
  process.stderr.write(`\nqueue-mode test failed: ${e.stack ?? e}\n`);
  if (failures.length) process.stdout.write(`FAILED checks:\n${failures.map((f) => `  - ${f}`).join('\n')}\n`);
} finally {
  H.info('stopping n8n, Redis, Postgres and the emulator');
  await H.cleanupAll();
}
process.exit(exitCode);
