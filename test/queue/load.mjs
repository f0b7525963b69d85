// Load and measurement: webhook calls into main, picker calls over REST, and what came out of them,
// counted from the emulator's request log (published, 429s, duplicates), Postgres (execution status)
// and the workers' logs (which worker ran what).

import fs from 'node:fs';

import * as H from '../real-n8n/n8n-env.mjs';
import { executionErrorText } from '../real-n8n/trigger-helpers.mjs';
import { executionsByWorker } from './cluster.mjs';
import { PACED_PIN_PATH, PACED_PIN_WORKFLOW_ID, PIN_PATH, PIN_WORKFLOW_ID, READ_PATH, READ_WORKFLOW_ID } from './workflows.mjs';

const FINISHED = ['success', 'error', 'crashed', 'canceled'];

/** Runs `tasks` (async functions) with at most `limit` at once; resolves their results in order. */
export async function pool(tasks, limit) {
  const results = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/** POST /webhook/<path>; returns the HTTP status (0 when the connection failed). */
export async function callWebhook(url, pathName, body) {
  try {
    const res = await fetch(`${url}/webhook/${pathName}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
    await res.text();
    return res.status;
  } catch (e) {
    return `${e.cause?.code ?? e.name}`; // no HTTP answer: connection refused/reset, or our 60 s timeout
  }
}

/** The Pinterest board picker, as the editor calls it (runs in main, not on a worker). */
export async function callPicker(api, FIXTURES) {
  const res = await api('/rest/dynamic-node-parameters/resource-locator-results', {
    method: 'POST',
    body: JSON.stringify({
      path: 'parameters.board',
      nodeTypeAndVersion: { name: H.NODE_TYPE, version: 1 },
      currentNodeParameters: {
        resource: 'pinterest',
        operation: 'publishPin',
        identity: { __rl: true, mode: 'id', value: FIXTURES.identities.pinterest },
        board: { __rl: true, mode: 'list', value: '' },
      },
      methodName: 'searchPinterestBoards',
      credentials: { oneAllApi: { id: H.CREDENTIAL_ID, name: H.CREDENTIAL_NAME } },
    }),
    signal: AbortSignal.timeout(120_000),
  });
  const ok = res.status === 200 && Array.isArray(res.json?.data?.results) && res.json.data.results.length > 0;
  return ok ? true : `${res.status} ${res.text.slice(0, 160)}`;
}

/** Highest execution id so far: a scenario's executions are those above it. */
export function executionMark(pg) {
  return Number(pg.query('select coalesce(max(id), 0) from execution_entity')[0][0]);
}

/** Status counts of the executions after `mark`, per workflow. */
export function executionCounts(pg, mark) {
  const rows = pg.query(`select "workflowId", status, count(*) from execution_entity where id > ${mark} group by 1, 2`);
  const out = {};
  for (const [wf, status, n] of rows) {
    out[wf] ??= {};
    out[wf][status] = Number(n);
  }
  return out;
}

export function executionIds(pg, mark) {
  return pg.query(`select id, status from execution_entity where id > ${mark} order by id`).map(([id, status]) => ({ id: Number(id), status }));
}

/** The error messages of the failed executions after `mark` (at most `max` read), counted. */
export async function failureMessages(cluster, pg, mark, max = 200) {
  const failed = executionIds(pg, mark).filter((e) => e.status === 'error' || e.status === 'crashed').slice(0, max);
  const counts = {};
  for (const e of failed) {
    const text = (await executionErrorText(cluster.api, e.id).catch((err) => `(${err.message})`)) ?? `(status ${e.status}, no error recorded)`;
    counts[text] = (counts[text] ?? 0) + 1;
  }
  return counts;
}

const sumFinished = (c = {}) => FINISHED.reduce((s, k) => s + (c[k] ?? 0), 0);
const sumAll = (c = {}) => Object.values(c).reduce((s, n) => s + n, 0);

/**
 * Waits until `expected` executions (per workflow id) after `mark` have finished; returns the time
 * the last one finished (or undefined on timeout) and the counts.
 */
export async function waitForExecutions(pg, mark, expected, { timeoutMs, onTick } = {}) {
  const deadline = Date.now() + timeoutMs;
  let counts = {};
  let lastLine = 0;
  for (;;) {
    counts = executionCounts(pg, mark);
    const done = Object.entries(expected).every(([wf, n]) => sumFinished(counts[wf]) >= n);
    if (done) return { doneAt: Date.now(), counts, timedOut: false };
    if (Date.now() > deadline) return { doneAt: undefined, counts, timedOut: true };
    if (onTick && Date.now() - lastLine > 15_000) {
      lastLine = Date.now();
      onTick(counts);
    }
    await H.sleep(250);
  }
}

/**
 * What the emulator saw since `seq`: pushes processed (with our tag in the title), 429s, duplicates
 * (same path and body processed twice), accepted API requests, and the time of the last answer.
 */
export function emulatorFigures(emu, seq, tag) {
  const entries = emu.requests.filter((e) => e.seq > seq);
  const pushes = entries.filter((e) => e.kind === 'push' && e.outcome === 'processed' && e.rawBody.includes(tag));
  const byBody = new Map();
  for (const p of pushes) byBody.set(`${p.path} ${p.rawBody}`, (byBody.get(`${p.path} ${p.rawBody}`) ?? 0) + 1);
  const duplicated = [...byBody.values()].reduce((s, n) => s + (n > 1 ? n - 1 : 0), 0);
  return {
    requests: entries.length,
    accepted: entries.filter((e) => e.outcome !== 'rate-limited' && e.outcome !== 'fault').length,
    published: pushes.length,
    uniquePublished: byBody.size,
    duplicated,
    rateLimited: entries.filter((e) => e.outcome === 'rate-limited').length,
    faults: entries.filter((e) => e.outcome === 'fault').length,
    reads: entries.filter((e) => e.kind !== 'push' && e.outcome === 'processed').length,
  };
}

/** Executions of this run per worker, from the workers' logs. */
export function perWorker(cluster, ids) {
  const byWorker = executionsByWorker(cluster);
  const wanted = new Set(ids);
  return Object.fromEntries(Object.entries(byWorker).map(([name, set]) => [name, [...set].filter((id) => wanted.has(id)).length]));
}

/** CPU seconds (user + system) the cluster's n8n processes and their task runners used so far. */
export function clusterCpuSeconds(cluster) {
  const tick = 100; // USER_HZ on Linux
  let total = 0;
  const pids = Object.values(cluster.procs).map((p) => p.child?.pid).filter(Boolean);
  for (const pid of pids) {
    for (const p of [pid, ...childPids(pid)]) {
      try {
        const fields = fs.readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1].split(' ');
        total += (Number(fields[11]) + Number(fields[12])) / tick;
      } catch {
        /* gone */
      }
    }
  }
  return total;
}

function childPids(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

async function timed(fn) {
  const t = Date.now();
  const status = await fn();
  return { status, ms: Date.now() - t };
}

const countBy = (list) => list.reduce((m, k) => ({ ...m, [k]: (m[k] ?? 0) + 1 }), {});

/** Deterministic shuffle (fixed seed): runs stay comparable. */
function shuffle(list, seed = 42) {
  let x = seed;
  for (let i = list.length - 1; i > 0; i--) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const j = x % (i + 1);
    [list[i], list[j]] = [list[j], list[i]];
  }
}

export const pinTitle = (tag, n) => `${tag} pin ${n}`;

/**
 * One load: `calls` webhook calls of `pinsPerCall` pins each, `reads` identity reads, `pickers` picker
 * calls, all started at once (client concurrency `parallel`). Returns the wall time from the first
 * call to the last finished execution, and everything counted.
 */
export async function runLoad({ cluster, emu, pg, FIXTURES, tag, calls, pinsPerCall = 1, reads = 0, pickers = 0, paced = false, parallel = 50, callsPerSecond, during = [], timeoutMs = 600_000 }) {
  const mark = executionMark(pg);
  const seq = emu.requests.length ? emu.requests[emu.requests.length - 1].seq : 0;
  const tasks = [];
  for (let c = 0; c < calls; c++) {
    const pins = Array.from({ length: pinsPerCall }, (_, i) => ({ title: pinTitle(tag, c * pinsPerCall + i + 1) }));
    tasks.push(async () => ({ kind: 'pin', ...(await timed(() => callWebhook(cluster.url, paced ? PACED_PIN_PATH : PIN_PATH, { pins }))) }));
  }
  for (let r = 0; r < reads; r++) tasks.push(async () => ({ kind: 'read', ...(await timed(() => callWebhook(cluster.url, READ_PATH, { r }))) }));
  for (let p = 0; p < pickers; p++) {
    tasks.push(async () => {
      const answer = await callPicker(cluster.api, FIXTURES).catch((e) => `${e.name}: ${e.message}`);
      return { kind: 'picker', ok: answer === true, error: answer === true ? undefined : answer };
    });
  }
  // Interleave the kinds so a mixed load really is mixed.
  shuffle(tasks);

  const started = Date.now();
  const cpuBefore = clusterCpuSeconds(cluster);
  // callsPerSecond: a steady stream (for faults that must land mid-run) instead of all at once.
  const stream = callsPerSecond
    ? tasks.map((task, i) => async () => {
        const at = started + (i * 1000) / callsPerSecond;
        if (at > Date.now()) await H.sleep(at - Date.now());
        return await task();
      })
    : tasks;
  // Faults injected mid-run: { atMs, run } from the first call on.
  const actions = during.map(({ atMs, run }) => H.sleep(atMs).then(run));
  const results = await pool(stream, callsPerSecond ? tasks.length : parallel);
  await Promise.all(actions);
  const callsDoneAt = Date.now();
  const expected = {};
  const okPins = results.filter((r) => r.kind === 'pin' && r.status === 200).length;
  const okReads = results.filter((r) => r.kind === 'read' && r.status === 200).length;
  const pinWorkflowId = paced ? PACED_PIN_WORKFLOW_ID : PIN_WORKFLOW_ID;
  if (okPins) expected[pinWorkflowId] = okPins;
  if (okReads) expected[READ_WORKFLOW_ID] = okReads;
  const wait = await waitForExecutions(pg, mark, expected, {
    timeoutMs,
    onTick: (c) => H.info(`... ${tag}: ${Object.entries(c).map(([wf, s]) => `${wf} ${JSON.stringify(s)}`).join('; ')}`),
  });
  const end = wait.doneAt ?? Date.now();
  const ids = executionIds(pg, mark);
  const fig = emulatorFigures(emu, seq, tag);
  return {
    tag,
    cpuS: clusterCpuSeconds(cluster) - cpuBefore,
    wallS: (Math.max(end, callsDoneAt) - started) / 1000,
    startedAt: started,
    endedAt: Math.max(end, callsDoneAt),
    timedOut: wait.timedOut,
    webhookFailures: results.filter((r) => r.kind !== 'picker' && r.status !== 200).length,
    webhookStatuses: countBy(results.filter((r) => r.kind !== 'picker').map((r) => r.status)),
    webhookMaxMs: Math.max(0, ...results.filter((r) => r.kind !== 'picker').map((r) => r.ms)),
    pickerFailures: results.filter((r) => r.kind === 'picker' && !r.ok).length,
    pickerErrors: [...new Set(results.filter((r) => r.kind === 'picker' && !r.ok).map((r) => r.error))].slice(0, 3),
    expectedPins: calls * pinsPerCall,
    executions: ids.length,
    executionStatus: Object.fromEntries(Object.entries(wait.counts).map(([wf, c]) => [wf, c])),
    failedExecutions: ids.filter((e) => e.status !== 'success').length,
    pinSuccesses: wait.counts[pinWorkflowId]?.success ?? 0,
    unfinished: ids.filter((e) => !FINISHED.includes(e.status)).length,
    perWorker: perWorker(cluster, ids.map((e) => e.id)),
    ...fig,
    mark,
    seq,
  };
}

export { sumAll };
