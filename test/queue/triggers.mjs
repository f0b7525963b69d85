// Both OneAll triggers in the queue-mode cluster, driven as in trigger-e2e.mjs (the two examples, a
// browser-like callback POST, n8n's own every-minute schedule), with what queue mode adds: main takes
// the callback and runs the schedule; the executions run on a worker; every poll happens once per tick
// for the whole cluster, never once per process.

import * as H from '../real-n8n/n8n-env.mjs';
import * as T from '../real-n8n/trigger-helpers.mjs';
import { activate, deactivate, workerOf } from './cluster.mjs';

/** Requests the emulator logged after `seq`. */
const since = (emu, seq) => emu.requests.filter((r) => r.seq > seq);
const lastSeq = (emu) => (emu.requests.length ? emu.requests[emu.requests.length - 1].seq : 0);

/**
 * The activation poll (the first list request) and the schedule's ticks after it: a cron at a fixed
 * second each minute, so list requests less than 10 s apart belong to one tick. (The first tick may
 * come a second after activation: it is told apart by order, not time.)
 */
function ticksOf(polls) {
  const ticks = [];
  for (const p of polls.slice(1)) {
    const at = Date.parse(p.receivedAt);
    const last = ticks.at(-1);
    if (last && at - last.at < 10_000) last.requests.push(p);
    else ticks.push({ at, requests: [p] });
  }
  return ticks;
}

/** The login callback: a verified login and a forged one. Returns figures; `check` records failures. */
async function loginCallback({ cluster, emu, FIXTURES, welcome, check, seq }) {
  const callbackUrl = T.loginCallbackUrl(cluster.url, welcome);
  const [token] = emu.addEvents({ connections: [{ identity_token: FIXTURES.identities.twitter, date_creation: Date.now() }] }).connections;
  const res = await T.postLogin(callbackUrl, token);
  const location = res.headers.get('location');
  await res.text();
  check(res.status === 302 && location === `https://shop.example.com/welcome?user_token=${FIXTURES.users.primary}`, `login callback: main answered ${res.status} ${location}`);

  const [execution] = await T.waitForExecutions(cluster.api, welcome.id, 1, 60_000);
  const data = await T.executionData(cluster.api, execution.id);
  const login = H.nodeItems({ data }, 'OneAll Social Login')?.[0];
  const worker = workerOf(cluster, execution.id);
  const verifications = since(emu, seq).filter((r) => r.path === `/connections/${token}.json`).length;
  const tweets = since(emu, seq).filter((r) => r.kind === 'push' && r.outcome === 'processed' && r.path === `/push/identities/${FIXTURES.identities.twitter}/twitter/post.json`).length;
  check(execution.status === 'success', `login callback: execution ${execution.id} ${execution.status}`);
  check(login?.connection?.connection_token === token && login?.user?.user_token === FIXTURES.users.primary, 'login callback: the execution does not carry the verified login');
  check(Boolean(worker), `login callback: no worker log says it started execution ${execution.id}`);
  check(verifications === 1, `login callback: the token was verified ${verifications} times (expected once, by main)`);
  check(tweets === 1, `login callback: ${tweets} welcome tweets published (expected 1)`);
  H.info(`verified login: main answered 302 -> ${location}; token checked ${verifications}x; execution ${execution.id} (${execution.status}) ran on ${worker}; welcome tweets ${tweets}`);

  const forged = await T.postLogin(callbackUrl, T.FORGED_TOKEN);
  const forgedText = await forged.text();
  const forgedChecked = since(emu, seq).some((r) => r.path === `/connections/${T.FORGED_TOKEN}.json` && r.status === 404);
  await H.sleep(3000); // an execution it wrongly queued would have finished by now
  const after = (await T.finishedExecutions(cluster.api, welcome.id)).length;
  check(forged.status === 403 && /Login failed/.test(forgedText), `forged token: main answered ${forged.status} ${forgedText.slice(0, 120)}`);
  check(forgedChecked, 'forged token: not checked with OneAll');
  check(after === 1, `forged token: ${after - 1} executions started`);
  H.info(`forged token: main answered ${forged.status} (HTML), checked with OneAll (404), executions of the login workflow still ${after}`);
  return { status: res.status, location, executionId: execution.id, worker, verifications, tweets, forgedStatus: forged.status, forgedExecutions: after - 1 };
}

/** One tick's execution of the polling example: which users it carried and where it ran. */
async function tickExecution(cluster, sheet, count, timeoutMs) {
  const [execution] = await T.waitForExecutions(cluster.api, sheet.id, count, timeoutMs);
  const data = await T.executionData(cluster.api, execution.id);
  const users = (H.nodeItems({ data }, 'OneAll Trigger') ?? []).map((u) => u.user_token);
  return { id: execution.id, status: execution.status, users, worker: workerOf(cluster, execution.id), startedAt: execution.startedAt };
}

const sameList = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Activates both examples on the running cluster, proves the callback and two poll ticks, and
 * deactivates them again (a poller would otherwise keep polling through the faults).
 */
export async function runTriggers({ cluster, emu, FIXTURES, welcome, sheet, latencyMs, limitRps, check }) {
  emu.setLatency(latencyMs);
  emu.setRateLimit(limitRps);
  const seq = lastSeq(emu);
  const startedAt = Date.now();
  try {
    await activate(cluster.api, welcome.id);
    await activate(cluster.api, sheet.id);
    await T.waitForActivationPoll(emu, seq);
    const probe = await T.waitForLoginWebhook(T.loginCallbackUrl(cluster.url, welcome));
    check(probe.status === 400, `callback without a token: ${probe.status} (expected the node's 400)`);
    // Added right after the activation poll: the first tick emits them.
    const batch1 = T.addNewUsers(emu, [['linkedin', 'Ada Lovelace'], ['facebook', 'Alan Turing']]);
    H.info(`both examples activated; activation poll seen; ${batch1.length} new users added`);

    const login = await loginCallback({ cluster, emu, FIXTURES, welcome, check, seq });

    // The first tick is at a random second within a minute of activation; allow one empty tick more.
    const tick1 = await tickExecution(cluster, sheet, 1, 2 * T.TICK_MS + 20_000);
    const batch2 = T.addNewUsers(emu, [['twitter', 'Grace Hopper'], ['linkedin', 'Edsger Dijkstra'], ['youtube', 'Barbara Liskov']]);
    const tick2 = await tickExecution(cluster, sheet, 2, T.TICK_MS + 20_000);
    await H.sleep(5000); // a second poller (a worker's) would have polled by now too
    const executions = (await T.finishedExecutions(cluster.api, sheet.id)).length;

    const polls = T.usersListRequests(emu, seq);
    const ticks = ticksOf(polls);
    const activationPolls = polls.length ? 1 : 0;
    const gapsS = ticks.slice(1).map((t, i) => (t.at - ticks[i].at) / 1000);
    const userReads = [...batch1, ...batch2].map((u) => since(emu, seq).filter((r) => r.path === `/users/${u}.json`).length);
    for (const [name, tick, batch] of [['tick 1', tick1, batch1], ['tick 2', tick2, batch2]]) {
      check(tick.status === 'success', `poll ${name}: execution ${tick.id} ${tick.status}`);
      check(sameList(tick.users, batch), `poll ${name}: emitted ${JSON.stringify(tick.users)}, expected ${JSON.stringify(batch)}`);
      check(Boolean(tick.worker), `poll ${name}: no worker log says it started execution ${tick.id}`);
      H.info(`${name}: execution ${tick.id} (${tick.status}) on ${tick.worker} with exactly the ${tick.users.length} users added before it`);
    }
    check(executions === 2, `polling: ${executions} executions, expected 2 (one per tick with new users)`);
    check(ticks.length >= 2, `polling: ${ticks.length} ticks seen (at least 2 expected)`);
    check(ticks.every((t) => t.requests.length === 1), `polling: list requests per tick ${JSON.stringify(ticks.map((t) => t.requests.length))} (expected 1 each)`);
    check(gapsS.every((g) => g > 40 && g < 80), `polling: ${JSON.stringify(gapsS)} s between ticks (expected one per minute)`);
    check(userReads.every((n) => n === 1), `polling: each new user read ${JSON.stringify(userReads)} times (expected once)`);
    H.info(
      `polls: ${activationPolls} at activation + ${ticks.length} ticks, list requests per tick ${JSON.stringify(ticks.map((t) => t.requests.length))}, ` +
        `ticks ${gapsS.map((g) => g.toFixed(1)).join(' s, ')} s apart; each new user read ${[...new Set(userReads)].join('/')}x`,
    );
    return {
      login,
      activationPolls,
      ticks: ticks.length,
      listRequestsPerTick: ticks.map((t) => t.requests.length),
      secondsBetweenTicks: gapsS,
      tickExecutions: [tick1, tick2].map((t, i) => ({ ...t, expected: [batch1, batch2][i].length })),
      pollExecutions: executions,
      durationS: (Date.now() - startedAt) / 1000,
    };
  } finally {
    await deactivate(cluster.api, sheet.id).catch((e) => H.info(`deactivating ${sheet.id}: ${e.message}`));
    await deactivate(cluster.api, welcome.id).catch((e) => H.info(`deactivating ${welcome.id}: ${e.message}`));
    emu.setLatency(0);
    emu.setRateLimit(undefined);
  }
}
