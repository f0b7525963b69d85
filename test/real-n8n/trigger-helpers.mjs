// What the trigger tests share (trigger-e2e.mjs on one n8n, test/queue/triggers.mjs on a queue-mode
// cluster): the two trigger examples, OneAll's login callback as a browser posts it, executions read
// over REST, and n8n's own poll schedule. Poll Time "every minute" is n8n's shortest (it refuses
// sub-minute crons for pollers) and fires at a random second: activation polls once at once (storing
// the cursor), the first tick comes within 60 s, the next 60 s later. The tests wait for those ticks.

import { createRequire } from 'node:module';
import path from 'node:path';

import * as H from './n8n-env.mjs';

export const WELCOME_EXAMPLE = path.join(H.ROOT, 'examples', 'new-login-welcome-post.json');
export const SHEET_EXAMPLE = path.join(H.ROOT, 'examples', 'new-user-to-sheet.json');
/** A connection token OneAll does not know: the callback must refuse it. */
export const FORGED_TOKEN = '0badc0de-0000-4000-8000-00000000f0f0';
/** The polling example's list request (newest first); one per poll while nothing is older than a page. */
export const USERS_LIST_PATH = '/users.json';
export const TICK_MS = 60_000;

const FINISHED = ['success', 'error', 'crashed', 'canceled'];
const flatted = () => createRequire(path.join(H.N8N_DIR, 'node_modules', 'n8n', 'package.json'))('flatted');

/** Finished executions of a workflow, newest first (the executions list over REST). */
export async function finishedExecutions(api, workflowId) {
  const filter = encodeURIComponent(JSON.stringify({ workflowId }));
  const list = await api(`/rest/executions?filter=${filter}&limit=50`);
  if (list.status !== 200) throw new Error(`GET /rest/executions: ${list.status} ${list.text.slice(0, 300)}`);
  return (list.json?.data?.results ?? []).filter((e) => FINISHED.includes(e.status));
}

/** Waits until a workflow has `count` finished executions; throws with what it saw on timeout. */
export async function waitForExecutions(api, workflowId, count, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await finishedExecutions(api, workflowId);
    if (found.length >= count) return found;
    if (Date.now() > deadline) throw new Error(`${found.length} of ${count} executions of ${workflowId} within ${timeoutMs / 1000}s`);
    await H.sleep(1000);
  }
}

/** An execution's run data (IRunExecutionData), as the execution view reads it. */
export async function executionData(api, executionId) {
  const full = await api(`/rest/executions/${executionId}`);
  if (full.status !== 200) throw new Error(`GET /rest/executions/${executionId}: ${full.status} ${full.text.slice(0, 300)}`);
  const raw = full.json.data.data;
  return typeof raw === 'string' ? flatted().parse(raw) : raw;
}

/** The error message a failed execution shows (message — description). */
export async function executionErrorText(api, executionId) {
  const err = (await executionData(api, executionId))?.resultData?.error;
  if (!err) return undefined;
  return `${err.message}${err.description ? ` — ${String(err.description).slice(0, 200)}` : ''}`.replace(/\s+/g, ' ');
}

/** The Social Login Trigger's production URL in a workflow (its first node). */
export const loginCallbackUrl = (baseUrl, workflow) => `${baseUrl}/webhook/${workflow.nodes[0].webhookId}/oneall-login`;

/** POSTs OneAll's callback form as the person's browser does (no redirect followed). */
export async function postLogin(callbackUrl, token, query = '') {
  return await fetch(`${callbackUrl}${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    body: new URLSearchParams({ oa_action: 'social_login', oa_social_login_token: token, connection_token: token, identity_vault_key: 'browser-vault-key' }),
    redirect: 'manual',
    signal: AbortSignal.timeout(60_000),
  });
}

/**
 * Webhooks are registered a moment after activation: waits until the callback URL answers something
 * other than 404 (a POST without a token gets the node's HTML 400 and starts nothing); returns that status.
 */
export async function waitForLoginWebhook(callbackUrl, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const probe = await fetch(callbackUrl, { method: 'POST', signal: AbortSignal.timeout(10_000) });
    const text = await probe.text();
    if (probe.status !== 404) return { status: probe.status, text };
    if (Date.now() > deadline) throw new Error(`the callback webhook was not registered within ${timeoutMs / 1000}s: ${text.slice(0, 200)}`);
    await H.sleep(500);
  }
}

/** The polling example's list requests the emulator answered after `sinceSeq` (one per poll). */
export const usersListRequests = (emu, sinceSeq = 0) => emu.requests.filter((r) => r.seq > sinceSeq && r.path === USERS_LIST_PATH && r.status !== null);

/**
 * Waits for the activation poll (a list request after `sinceSeq`, answered): only then may new users
 * be added, or the cursor would already include them.
 */
export async function waitForActivationPoll(emu, sinceSeq = 0, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const seen = usersListRequests(emu, sinceSeq);
    if (seen.length) return seen[0];
    if (Date.now() > deadline) throw new Error(`n8n did not run the activation poll within ${timeoutMs / 1000}s`);
    await H.sleep(250);
  }
}

/** Adds users who "just signed up" (one identity each), one second apart; returns their user tokens. */
export function addNewUsers(emu, people, start = Date.now()) {
  return emu.addEvents({
    users: people.map(([provider, displayName], i) => ({ date_creation: start + i * 1000, identities: [{ provider, displayName }] })),
  }).users;
}
