// npm run test:e2e
//
// End-to-end tests in a real n8n 2.41.1: the packed package installed as a community package,
// the OneAll emulator, the workflows of e2e-cases.mjs imported with `n8n import:workflow` and run
// with `n8n execute` (then webhook and REST rows against `n8n start`). Prints "N passed, N failed".
//
// Options (after `--`): --skip-build (pack the existing dist/), --only <text> (rows whose name
// contains <text>).

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { CASES } from './e2e-cases.mjs';
import * as H from './n8n-env.mjs';

H.ensureN8nNode();

const args = process.argv.slice(2);
const skipBuild = args.includes('--skip-build');
const onlyArg = args.indexOf('--only');
const only = onlyArg >= 0 ? args[onlyArg + 1] : undefined;

const USER_FOLDER = path.join(H.CACHE_DIR, `e2e-user${H.VERSION_TAG}`);
const SETUP_TIMEOUT = 40 * 60_000; // the first run installs n8n (~6 min); CI allows 90
const CASE_TIMEOUT = 4 * 60_000;

const order = { cli: 0, webhook: 1, rest: 2 };
const cases = CASES.filter((c) => !only || c.name.includes(only))
  .map((c, i) => ({ via: 'cli', expect: 'success', ...c, index: i }))
  .sort((a, b) => order[a.via] - order[b.via] || a.index - b.index);

let env;
let emu;
let FIXTURES;
let DEFAULT_SITE;
let server; // { url, api } once started
const workflowsById = new Map();
let passed = 0;

function loadWorkflow(c) {
  const wf = JSON.parse(fs.readFileSync(path.join(H.ROOT, c.workflow), 'utf8'));
  if (c.id) {
    wf.id = c.id;
    wf.name = `${wf.name} [e2e ${c.id}]`;
    for (const n of wf.nodes) n.id = randomUUID(); // node ids are unique per workflow copy
  }
  c.patch?.(wf, { FIXTURES, DEFAULT_SITE, emu });
  return wf;
}

async function startServer() {
  if (server) return server;
  for (const c of cases.filter((x) => x.via === 'webhook')) await H.publishWorkflow(env, workflowsById.get(c).id);
  const srv = await H.startN8n(env, { logName: 'n8n-e2e-start.log' });
  await H.setupOwner(srv.url);
  server = { url: srv.url, api: await H.restLogin(srv.url) };
  return server;
}

const flatted = () => createRequire(path.join(H.N8N_DIR, 'node_modules', 'n8n', 'package.json'))('flatted');

/** Calls the webhook, then waits (bounded) for the execution it started and loads its data. */
async function runViaWebhook(c, wf) {
  const { url, api } = await startServer();
  const startedAt = Date.now();
  const body = typeof c.webhook.body === 'function' ? c.webhook.body({ FIXTURES, DEFAULT_SITE }) : c.webhook.body;
  const res = await fetch(`${url}/webhook/${c.webhook.path}`, {
    method: c.webhook.method ?? 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body ?? {}),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  assert.equal(res.status, 200, `webhook answered ${res.status}: ${text.slice(0, 300)}`);
  const filter = encodeURIComponent(JSON.stringify({ workflowId: wf.id }));
  const deadline = Date.now() + 60_000;
  let summary;
  while (!summary) {
    const list = await api(`/rest/executions?filter=${filter}&limit=10`);
    const results = list.json?.data?.results ?? [];
    summary = results.find((e) => ['success', 'error', 'crashed', 'canceled'].includes(e.status) && Date.parse(e.startedAt ?? e.createdAt) >= startedAt - 2000);
    if (!summary) {
      assert.ok(Date.now() < deadline, `no finished execution of ${wf.id} within 60s (${list.status}: ${list.text.slice(0, 300)})`);
      await H.sleep(500);
    }
  }
  const full = await api(`/rest/executions/${summary.id}`);
  assert.equal(full.status, 200, full.text.slice(0, 300));
  const data = typeof full.json.data.data === 'string' ? flatted().parse(full.json.data.data) : full.json.data.data;
  const run = { data, status: summary.status, mode: summary.mode };
  const error = data?.resultData?.error;
  return { ok: summary.status === 'success' && !error, code: summary.status === 'success' ? 0 : 1, run, error, stdout: '', stderr: '', ms: Date.now() - startedAt };
}

describe(`n8n-nodes-oneall in a real n8n ${H.N8N_VERSION}`, () => {
  before(
    async () => {
      H.exitOnSignals();
      const step = H.stepper(5);
      const s = await H.setupInstance({ userFolder: USER_FOLDER, port: await H.pickPort(5688), step, skipBuild });
      ({ env, emu, FIXTURES, DEFAULT_SITE } = s);
      step('Importing the workflows of the e2e table');
      const list = [];
      const seen = new Set();
      for (const c of cases.filter((x) => x.workflow)) {
        const wf = loadWorkflow(c);
        workflowsById.set(c, wf);
        if (!seen.has(wf.id)) list.push(wf);
        seen.add(wf.id);
      }
      if (list.length) await H.importWorkflows(env, list);
      H.info(`${list.length} workflows, ${cases.length} rows`);
    },
    { timeout: SETUP_TIMEOUT },
  );

  after(async () => {
    await H.cleanupAll();
    process.stdout.write(`\ne2e: ${passed} passed, ${cases.length - passed} failed\n`);
  });

  for (const c of cases) {
    test(c.name, { timeout: CASE_TIMEOUT }, async () => {
      assert.ok(env, 'setup failed (see the before hook)');
      emu.reset();
      await c.setup?.({ emu, FIXTURES, DEFAULT_SITE });
      if (c.via === 'rest') {
        const { url, api } = await startServer();
        emu.reset();
        await c.check({ api, url, emu, FIXTURES, DEFAULT_SITE, requests: emu.requests, pushes: emu.pushes() });
        passed += 1;
        return;
      }
      const wf = workflowsById.get(c);
      const result = c.via === 'webhook' ? await runViaWebhook(c, wf) : await H.executeWorkflow(env, wf.id);
      const detail = () =>
        result.ok
          ? ''
          : `\n${result.error?.message ?? ''} ${result.error?.description ?? ''}\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-2000)}`;
      if (c.expect === 'error') assert.equal(result.ok, false, 'the execution should have failed');
      else assert.equal(result.ok, true, `the execution failed${detail()}`);

      const requests = emu.requests.map((r) => ({ ...r }));
      for (const r of requests) assert.equal(r.authOk, true, `${r.method} ${r.path} reached the emulator without valid keys`);
      assert.ok(!JSON.stringify(result.run ?? {}).includes(DEFAULT_SITE.privateKey), 'the private key leaked into the execution data');

      const out = (nodeName) => {
        const items = H.nodeItems(result.run, nodeName);
        assert.ok(items, `node "${nodeName}" did not run; ran: ${Object.keys(result.run?.data?.resultData?.runData ?? {}).join(', ')}`);
        return items;
      };
      await c.check({
        result,
        out,
        error: (nodeName) => H.nodeError(result.run, nodeName),
        emu,
        requests,
        pushes: emu.pushes(),
        FIXTURES,
        DEFAULT_SITE,
        workflow: wf,
        api: server?.api,
        url: server?.url,
        // The same workflow once more, as a new execution: its result and a reader of a node's items.
        runAgain: async () => {
          const again = await H.executeWorkflow(env, wf.id);
          return { result: again, out: (nodeName) => H.nodeItems(again.run, nodeName) };
        },
      });
      passed += 1;
    });
  }
});
