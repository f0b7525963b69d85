// npm run test:e2e:trigger
//
// The OneAll triggers in a real n8n 2.41.1 (packed package installed as a community package, the
// OneAll emulator): the two example workflows are activated; a browser-like form POST reaches the
// Social Login Trigger's production URL (302 + an execution with the right user + the welcome tweet;
// the same login again: an HTML 403, no execution, the token in the static data n8n saved; a forged
// token: an HTML 403 and no execution); the polling OneAll Trigger is run by n8n's own
// scheduler (every minute: activation stores the cursor, the next tick emits the new users).
// Prints "N passed, N failed". Options (after `--`): --skip-build.

import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import * as H from './n8n-env.mjs';
import * as T from './trigger-helpers.mjs';

H.ensureN8nNode();

const skipBuild = process.argv.includes('--skip-build');
const USER_FOLDER = path.join(H.CACHE_DIR, 'trigger-e2e-user');

let env;
let emu;
let FIXTURES;
let server;
let welcome;
let sheet;
let passed = 0;
let total = 0;

const executions = (workflowId) => T.finishedExecutions(server.api, workflowId);
const runData = async (executionId) => ({ data: await T.executionData(server.api, executionId) });
const postLogin = (token, query) => T.postLogin(T.loginCallbackUrl(server.url, welcome), token, query);

const check = (name, fn, timeout = 4 * 60_000) => {
  total += 1;
  test(name, { timeout }, async () => {
    assert.ok(server, 'setup failed (see the before hook)');
    await fn();
    passed += 1;
  });
};

describe(`OneAll triggers in a real n8n ${H.N8N_VERSION}`, () => {
  before(
    async () => {
      H.exitOnSignals();
      const step = H.stepper(6);
      const s = await H.setupInstance({
        userFolder: USER_FOLDER,
        port: await H.pickPort(),
        step,
        skipBuild,
        // OneAll's public answer shapes (lists without pagination, documented entry keys only): what a real site may send.
        emulatorOptions: { userCount: 60, connectionCount: 20, answers: 'public' },
      });
      ({ env, emu, FIXTURES } = s);
      step('Importing and publishing the two trigger examples');
      [welcome, sheet] = await H.importWorkflows(env, [T.WELCOME_EXAMPLE, T.SHEET_EXAMPLE]);
      await H.publishWorkflow(env, welcome.id);
      await H.publishWorkflow(env, sheet.id);
      step('Starting n8n (activates both: the webhook, and the poll that stores the cursor)');
      const srv = await H.startN8n(env, { logName: 'n8n-trigger-start.log' });
      await H.setupOwner(srv.url);
      server = { url: srv.url, api: await H.restLogin(srv.url) };
      // The activation poll (GET /users.json, newest first) must be over before users are added.
      await T.waitForActivationPoll(emu);
      const probe = await T.waitForLoginWebhook(T.loginCallbackUrl(server.url, welcome));
      assert.equal(probe.status, 400, probe.text.slice(0, 300));
      H.info(`activation poll seen: ${emu.requests.filter((r) => r.path === '/users.json').map((r) => `GET /users.json?order_direction=${r.query.order_direction}`).join(', ')}`);
    },
    { timeout: 40 * 60_000 },
  );

  after(async () => {
    await H.cleanupAll();
    process.stdout.write(`\ntrigger e2e: ${passed} passed, ${total - passed} failed\n`);
  });

  check('a verified login: 302 to the shop with the user token, one execution with that user, the welcome tweet lands', async () => {
    const [token] = emu.addEvents({ connections: [{ identity_token: FIXTURES.identities.twitter, date_creation: Date.now() }] }).connections;
    const res = await postLogin(token, '?oa_social_login_source=e2e');
    assert.equal(res.status, 302, await res.text());
    assert.equal(res.headers.get('location'), `https://shop.example.com/welcome?user_token=${FIXTURES.users.primary}`);

    const [execution] = await T.waitForExecutions(server.api, welcome.id, 1, 60_000);
    assert.equal(execution.status, 'success');
    const { data } = await runData(execution.id);
    const login = H.nodeItems({ data }, 'OneAll Social Login')[0];
    assert.equal(login.user.user_token, FIXTURES.users.primary);
    assert.equal(login.identity.identity_token, FIXTURES.identities.twitter);
    assert.equal(login.connection.connection_token, token);
    assert.deepEqual(login.query, { oa_social_login_source: 'e2e' });
    assert.ok(!JSON.stringify(data).includes('FAKE-ACCESS-TOKEN'), 'a provider token reached the execution data');
    assert.ok(!JSON.stringify(data).includes('browser-vault-key'), 'the identity vault key reached the execution data');
    const tweets = emu.pushes().filter((p) => p.path === `/push/identities/${FIXTURES.identities.twitter}/twitter/post.json`);
    assert.equal(tweets.length, 1, `pushes: ${emu.pushes().map((p) => p.path).join(', ')}`);
    H.info(`302 -> ${res.headers.get('location')}; execution ${execution.id} (${execution.status}); tweet pushed for ${FIXTURES.identities.twitter}`);
  });

  check('the same login posted again: an HTML 403, no execution, no user token; the used token is in the workflow static data n8n saved', async () => {
    const login = (await executions(welcome.id))[0];
    assert.ok(login, 'runs after the verified-login check');
    const { data } = await runData(login.id);
    const token = H.nodeItems({ data }, 'OneAll Social Login')[0].connection.connection_token;
    const before = (await executions(welcome.id)).length;
    for (let i = 0; i < 2; i++) {
      const res = await postLogin(token);
      assert.equal(res.status, 403);
      assert.equal(res.headers.get('location'), null);
      assert.ok(!(await res.text()).includes(FIXTURES.users.primary), 'the replayed login carried the user token');
    }
    // What another webhook process or main would read: n8n saved the node's static data after webhook().
    const stored = await server.api(`/rest/workflows/${welcome.id}`);
    const usedLogins = stored.json?.data?.staticData?.['node:OneAll Social Login']?.usedLogins ?? {};
    assert.ok(Number(usedLogins[token]) > Date.now(), `static data: ${JSON.stringify(stored.json?.data?.staticData)}`);
    await H.sleep(3000);
    assert.equal((await executions(welcome.id)).length, before, 'the replayed login started an execution');
  });

  check('a forged token: an HTML 403 page, no execution', async () => {
    const before = (await executions(welcome.id)).length;
    const res = await postLogin(T.FORGED_TOKEN);
    assert.equal(res.status, 403);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(await res.text(), /Login failed/);
    assert.ok(emu.requests.some((r) => r.path === `/connections/${T.FORGED_TOKEN}.json` && r.status === 404), 'the token was checked with OneAll');
    await H.sleep(3000);
    assert.equal((await executions(welcome.id)).length, before, 'the forged login started an execution');
  });

  check('polling by n8n\'s scheduler: the next tick after activation emits exactly the new users, oldest first', async () => {
    const start = Date.now();
    const users = T.addNewUsers(emu, [['linkedin', 'Ada Lovelace'], ['facebook', 'Alan Turing']], start);
    // Poll Time "every minute": the tick comes within ~60 s.
    const [execution] = await T.waitForExecutions(server.api, sheet.id, 1, 130_000);
    assert.equal(execution.status, 'success');
    const { data } = await runData(execution.id);
    const emitted = H.nodeItems({ data }, 'OneAll Trigger').map((user) => user.user_token);
    assert.deepEqual(emitted, users);
    const rows = H.nodeItems({ data }, 'Sheet Row');
    assert.deepEqual(rows.map((r) => [r.name, r.networks]), [['Ada Lovelace', 'linkedin'], ['Alan Turing', 'facebook']]);
    const csv = data.resultData.runData['New Users CSV'][0].data.main[0][0];
    assert.equal(csv.binary?.data?.fileName, 'new-oneall-users.csv');
    assert.equal((await executions(sheet.id)).length, 1, 'the activation poll must not have started an execution');
    H.info(`execution ${execution.id} ${((Date.now() - start) / 1000).toFixed(0)}s after the users were added: ${emitted.length} users, CSV ${csv.binary.data.fileName}`);
  });
});
