// Faults in the middle of a steady stream of single-pin webhook executions (100 ms latency, rate
// limit on): the emulator answering 503 for 10 s, Redis restarted, one worker killed with SIGKILL.
// For each: what was published, what n8n marked failed, what never finished, what was sent twice,
// what the webhook callers got, and the error text a user sees in the failed executions.

import fs from 'node:fs';

import * as H from '../real-n8n/n8n-env.mjs';
import * as T from '../real-n8n/trigger-helpers.mjs';
import { executionIds, runLoad } from './load.mjs';
import { PIN_WORKFLOW_ID } from './workflows.mjs';

const CALLS_PER_SECOND = 10;

/** The error message of one failed execution, as the executions list / execution view shows it. */
async function firstErrorText(cluster, pg, mark) {
  const failed = executionIds(pg, mark).find((e) => e.status === 'error' || e.status === 'crashed');
  if (!failed) return undefined;
  const text = await T.executionErrorText(cluster.api, failed.id).catch((e) => `(${e.message})`);
  return text ?? `(status ${failed.status}, no error recorded)`;
}

function summarize(name, r, extra = {}) {
  const succeeded = r.executionStatus[PIN_WORKFLOW_ID]?.success ?? 0;
  return {
    name,
    calls: r.expectedPins,
    published: r.uniquePublished,
    succeeded,
    failed: r.failedExecutions - r.unfinished,
    unfinished: r.unfinished + (r.expectedPins - r.webhookFailures - r.executions),
    publishedButFailed: r.uniquePublished - succeeded,
    duplicated: r.duplicated,
    webhookFailures: r.webhookFailures,
    webhookStatuses: r.webhookStatuses,
    webhookMaxMs: r.webhookMaxMs,
    rateLimited: r.rateLimited,
    perWorker: r.perWorker,
    wallS: r.wallS,
    ...extra,
  };
}

export async function runFaults({ cluster, emu, pg, redis, FIXTURES, scale, latencyMs, limitRps, check }) {
  const calls = Math.min(scale / 2, 200);
  const base = { cluster, emu, pg, FIXTURES, calls, callsPerSecond: CALLS_PER_SECOND, timeoutMs: 300_000 };
  const out = [];
  emu.setLatency(latencyMs);
  emu.setRateLimit(limitRps);

  // 1. OneAll (the emulator) answers 503 to every push for 10 s.
  let faultAt;
  const r503 = await runLoad({
    ...base,
    tag: 'fault-503',
    during: [{ atMs: 3000, run: () => ((faultAt = Date.now()), emu.addFault({ type: 'status', status: 503, path: '/push/', forMs: 10_000 })) }],
  });
  const f503 = summarize('OneAll answers 503 for 10 s', r503, {
    settledS: (r503.endedAt - faultAt) / 1000,
    errorText: await firstErrorText(cluster, pg, r503.mark),
    faultAnswers: r503.faults,
  });
  out.push(f503);
  print(f503);
  check(f503.duplicated === 0, `503: ${f503.duplicated} duplicated pushes`);
  check(f503.unfinished === 0, `503: ${f503.unfinished} executions never finished`);
  check(f503.publishedButFailed === 0 && f503.failed === f503.calls - f503.published, `503: published ${f503.published}, failed ${f503.failed} of ${f503.calls}`);
  check(f503.failed > 0, '503: the outage hit no execution (did the fault fire mid-run?)');

  // 2. Redis stopped (SIGTERM: it saves its snapshot) and started again 3 s later.
  let redisBackAt;
  const rRedis = await runLoad({
    ...base,
    tag: 'fault-redis',
    during: [{ atMs: 4000, run: async () => {
      await redis.restart(3000);
      redisBackAt = Date.now();
    } }],
  });
  const alive = Object.values(cluster.procs).filter((p) => p.child.exitCode === null && p.child.signalCode === null).map((p) => p.name);
  const fRedis = summarize('Redis restarted (down 3 s)', rRedis, {
    settledS: (rRedis.endedAt - redisBackAt) / 1000,
    errorText: await firstErrorText(cluster, pg, rRedis.mark),
    processesAlive: alive,
  });
  out.push(fRedis);
  print(fRedis);
  check(fRedis.duplicated === 0, `Redis restart: ${fRedis.duplicated} duplicated pushes`);
  check(fRedis.unfinished === 0, `Redis restart: ${fRedis.unfinished} executions never finished`);
  check(alive.length === cluster.names.length, `Redis restart: only ${alive.join(', ')} still running`);

  // 3. kill -9 of worker 2 while executions are in flight on it. n8n never re-runs a stalled job
  //    (no duplicates); its executions are marked failed once the lock expires, published or not.
  const victim = cluster.procs[cluster.workerNames.at(-1)];
  let killedAt;
  let inFlightAtKill;
  const rKill = await runLoad({
    ...base,
    tag: 'fault-kill',
    callsPerSecond: CALLS_PER_SECOND * 2,
    during: [{ atMs: 1000, run: async () => {
      // Kill while it runs executions: started minus finished in its log (bounded wait).
      const deadline = Date.now() + 30_000;
      while (inFlight(victim) < Math.min(3, cluster.concurrency) && Date.now() < deadline) await H.sleep(50);
      inFlightAtKill = inFlight(victim);
      killedAt = Date.now();
      process.kill(victim.child.pid, 'SIGKILL');
      H.onCleanup(() => {
        try {
          process.kill(-victim.child.pid, 'SIGKILL'); // its task runner, left without its parent
        } catch {
          /* gone */
        }
      });
    } }],
  });
  const fKill = summarize(`kill -9 of ${victim.name}`, rKill, {
    inFlightAtKill,
    settledS: (rKill.endedAt - killedAt) / 1000,
    errorText: await firstErrorText(cluster, pg, rKill.mark),
  });
  out.push(fKill);
  print(fKill);
  check(fKill.duplicated === 0, `kill -9: ${fKill.duplicated} duplicated pushes`);
  check(fKill.unfinished === 0, `kill -9: ${fKill.unfinished} executions never finished`);
  check(fKill.webhookFailures === 0, `kill -9: ${fKill.webhookFailures} webhook calls refused`);
  return out;
}

function inFlight(proc) {
  const text = fs.readFileSync(proc.logFile, 'utf8');
  return (text.match(/Worker started execution/g) ?? []).length - (text.match(/Worker finished execution/g) ?? []).length;
}

function print(f) {
  H.info(
    `${f.name}: ${f.calls} calls, published ${f.published}, succeeded ${f.succeeded}, marked failed ${f.failed} ` +
      `(${f.publishedButFailed} of them published), unfinished ${f.unfinished}, duplicated ${f.duplicated}, ` +
      `webhook answers ${JSON.stringify(f.webhookStatuses)} (slowest ${f.webhookMaxMs} ms), settled ${f.settledS?.toFixed(1)} s after the fault, per worker ${JSON.stringify(f.perWorker)}`,
  );
  if (f.inFlightAtKill !== undefined) H.info(`  executions in flight on the killed worker: ${f.inFlightAtKill}`);
  if (f.errorText) H.info(`  a failed execution says: ${f.errorText}`);
}
