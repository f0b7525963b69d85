// npm run test:browser
//
// Drives the n8n 2.41.1 editor in Debian's headless Chromium (playwright-core, no browser
// download): signs in as the owner, creates a workflow, finds "OneAll" in the nodes panel, adds
// Pinterest > Publish Pin, checks the credential and fields render, uses the board picker, fills
// identity / board id / title / picture URL, executes the node against the OneAll emulator and
// checks the output panel, what the emulator received and the node's subtitle on the canvas; adds
// Facebook > Publish Group Post and checks the notice that Meta removed group publishing (issue 21 #3).
// Then, in a new workflow, the OneAll Social Login Trigger: its panel shows the Test and Production URLs
// to paste into the widget and a setup notice without empty placeholders (issue 27 #1); "Execute step"
// listens, the test POSTs OneAll's login form (as a browser does) to the Test URL, and the output panel
// shows the verified login, then, listening again, a forged token's `{ refused, status, reason }` (#5).
// The nodes panel's OneAll entry is checked for the words people search ("publish", "sharing", ...) and
// for its text (issue 27 #2). Screenshots: test-output/browser-*.png.
//
// Needs /usr/bin/chromium (`apt-get install -y chromium`). Options: --skip-build. CHROMIUM_PATH overrides /usr/bin/chromium.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { assertChromium, browserSteps, chooseMode, launchChromium, newWorkflowWithManualTrigger, signIn } from './browser-steps.mjs';
import * as H from './n8n-env.mjs';
import * as T from './trigger-helpers.mjs';

H.ensureN8nNode();

const args = process.argv.slice(2);
const skipBuild = args.includes('--skip-build');
const USER_FOLDER = path.join(H.CACHE_DIR, `browser-user${H.VERSION_TAG}`);
const SHOTS = H.OUTPUT_DIR;
const SETUP_TIMEOUT = 40 * 60_000;
const STEP_TIMEOUT = 3 * 60_000;

const IDENTITY = '12345678-ABCD-WXYZ-1234-ABCABCABCABC';
const BOARD = '98765432101011';
const TITLE = 'OneAll';
const PICTURE = 'https://www.oneall.com/logo.jpg';
const ACTION = 'Publish a pin on a Pinterest board';
// What the nodes panel's OneAll entry says (n8n shows the OneAll Trigger's description for it); read
// from the build the test runs.
const panelDescription = () =>
  createRequire(import.meta.url)(path.join(H.ROOT, 'dist/nodes/OneAll/nodesPanel.js')).NODES_PANEL_DESCRIPTION;
const GROUP_ACTION = 'Publish a post in a Facebook group';
/** The notice on the Facebook group operations (nodes/OneAll/actions/common/caveats.ts), from the build. */
const groupNotice = () =>
  createRequire(import.meta.url)(path.join(H.ROOT, 'dist/nodes/OneAll/actions/common/caveats.js')).CAVEATS.facebookGroups.notice;
const escapeRe = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PANEL_SEARCHES = ['OneAll', 'pinterest', 'publish', 'sharing', 'share', 'tweet', 'social media'];

let browser;
let page;
let ndv;
let emu;
let FIXTURES;
let testUrl;
let url;
const consoleLines = [];

const { shot, step, summary } = browserSteps({ prefix: 'browser', dir: SHOTS, timeoutMs: STEP_TIMEOUT, page: () => page });

/** The nodes panel's entry named `name`: a node with several actions is an "action item", one without a "node item". */
function panelEntry(name) {
  return page
    .locator('[data-test-id="node-creator-action-item"], [data-test-id="node-creator-node-item"]')
    .filter({ has: page.getByTestId('node-creator-item-name').filter({ hasText: new RegExp(`^${name}$`) }) });
}

describe(`n8n ${H.N8N_VERSION} editor in Chromium: OneAll > Pinterest > Publish Pin`, () => {
  before(
    async () => {
      H.exitOnSignals();
      assertChromium();
      fs.mkdirSync(SHOTS, { recursive: true });
      for (const f of fs.readdirSync(SHOTS)) if (/^browser-.*\.png$/.test(f)) fs.rmSync(path.join(SHOTS, f));
      const stepper = H.stepper(5);
      const s = await H.setupInstance({ userFolder: USER_FOLDER, port: await H.pickPort(5689), step: stepper, skipBuild });
      emu = s.emu;
      FIXTURES = s.FIXTURES;
      stepper('Starting n8n and setting up the owner account');
      const srv = await H.startN8n(s.env, { logName: 'n8n-browser-start.log' });
      url = srv.url;
      await H.setupOwner(url);
      H.info(`${url} (owner ${H.OWNER.email})`);

      ({ browser, page } = await launchChromium({ onCleanup: H.onCleanup, viewport: { width: 1440, height: 900 }, timeoutMs: 30_000, consoleLines }));
    },
    { timeout: SETUP_TIMEOUT },
  );

  after(async () => {
    fs.mkdirSync(H.LOG_DIR, { recursive: true });
    fs.writeFileSync(path.join(H.LOG_DIR, 'browser-console.log'), `${consoleLines.join('\n')}\n`);
    await H.cleanupAll();
    process.stdout.write(`\n${summary('browser')}\n`);
  });

  step('signs in as the owner', async () => {
    await signIn(page, url, H.OWNER, { beforeSubmit: () => shot('signin') });
    await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => {});
    await shot('home');
  });

  step('creates a workflow and finds OneAll in the nodes panel', async () => {
    await newWorkflowWithManualTrigger(page, url);
    await page.getByTestId('node-creator-plus-button').click();
    const search = page.getByTestId('node-creator-search-bar');
    await search.waitFor();
    // Each word people type finds the OneAll entry, and the entry says what the node does.
    for (const words of PANEL_SEARCHES) {
      await search.fill(words);
      const entry = panelEntry('OneAll').first();
      await entry.waitFor({ timeout: 15_000 }).catch(() => {
        throw new Error(`searching "${words}" in the nodes panel does not show the OneAll entry`);
      });
      const description = (await entry.getByTestId('node-creator-item-description').innerText()).trim();
      assert.equal(description, panelDescription(), `the OneAll entry's text when searching "${words}"`);
      await shot(`nodes-panel-search-${words.replace(/\W+/g, '-').toLowerCase()}`);
    }
    await search.fill('OneAll');
    const item = page.getByTestId('node-creator-item-name').filter({ hasText: /^OneAll$/ });
    await item.waitFor();
    await item.click();
    // The details page shows the same text above the actions.
    await page.getByText(panelDescription()).first().waitFor();
    const action = page.getByText(ACTION, { exact: true });
    await action.waitFor();
    await page.getByText(/^Pinterest actions$/i).waitFor();
    await action.scrollIntoViewIfNeeded();
    await page.waitForTimeout(800); // let the panel's slide-in animation finish for the screenshot
    await shot('oneall-actions');
  });

  step('adds Pinterest > Publish Pin: credential and required fields render', async () => {
    await page.getByText(ACTION, { exact: true }).click();
    ndv = page.getByTestId('ndv');
    await ndv.waitFor();
    // The only OneAll credential is selected by itself.
    await assert.doesNotReject(
      ndv.getByTestId('node-credentials-select').locator('input').first().waitFor({ state: 'attached' }),
    );
    const credential = await ndv.getByTestId('node-credentials-select').locator('input').first().inputValue();
    assert.equal(credential, H.CREDENTIAL_NAME);
    assert.equal(await ndv.getByTestId('parameter-input-resource').locator('input').first().inputValue(), 'Pinterest');
    assert.equal(await ndv.getByTestId('parameter-input-operation').locator('input').first().inputValue(), 'Publish Pin');
    for (const id of ['resource-locator-identity', 'resource-locator-board', 'parameter-input-title', 'parameter-input-picture']) {
      assert.ok(await ndv.getByTestId(id).isVisible(), `${id} is visible`);
    }
    await shot('publish-pin-fields');
  });

  step('the identity picker tells people apart; identity by id; the board picker lists the boards from the emulator', async () => {
    const identity = ndv.getByTestId('resource-locator-identity');
    await identity.getByTestId('rlc-input').click();
    const people = page.getByTestId('rlc-item');
    await people.first().waitFor();
    const shown = (await people.allInnerTexts()).map((text) => text.trim()).filter(Boolean);
    assert.ok(shown.length > 1, 'the identity list has entries');
    assert.equal(new Set(shown).size, shown.length, `two identities read the same: ${shown.join(' | ')}`);
    assert.ok(shown.every((text) => / \(pinterest\)$/.test(text)), `names end with the network: ${shown.slice(0, 5).join(' | ')}`);
    await shot('identity-picker');
    await page.keyboard.press('Escape');
    await chooseMode(page, identity, 'By ID');
    await identity.getByTestId('rlc-input').fill(IDENTITY);
    emu.reset();
    const board = ndv.getByTestId('resource-locator-board');
    await board.getByTestId('rlc-input').click();
    const items = page.getByTestId('rlc-item');
    await items.first().waitFor();
    assert.ok((await items.count()) > 0, 'the board list has entries');
    await shot('board-picker');
    assert.ok(
      emu.requests.some((r) => r.path === `/pull/identities/${IDENTITY}/pinterest/boards.json` && r.status === 200),
      `the picker asked the emulator for the boards: ${emu.requests.map((r) => r.path).join(', ')}`,
    );
    await page.keyboard.press('Escape');
    await chooseMode(page, board, 'By ID');
    await board.getByTestId('rlc-input').fill(BOARD);
    await ndv.getByTestId('parameter-input-title').locator('input, textarea').first().fill(TITLE);
    await ndv.getByTestId('parameter-input-picture').locator('input, textarea').first().fill(PICTURE);
    await page.keyboard.press('Tab');
    await shot('publish-pin-filled');
  });

  step('executes the node against the emulator and shows the pin in the output panel', async () => {
    emu.reset();
    await ndv.getByTestId('node-execute-button').click();
    const output = ndv.getByTestId('output-panel');
    await output.getByText(BOARD).first().waitFor({ timeout: 60_000 });
    const text = await output.innerText();
    assert.match(text, /1 item/);
    assert.match(text, /pin_id/);
    assert.match(text, new RegExp(BOARD));
    await shot('executed');
    const pushes = emu.pushes();
    assert.equal(pushes.length, 1, 'one pin reached the emulator');
    assert.equal(pushes[0].path, `/push/identities/${IDENTITY}/pinterest/board/${BOARD}/pin.json`);
    assert.deepEqual(pushes[0].body.request.push.pin, { title: TITLE, picture: PICTURE });
    assert.equal(pushes[0].authOk, true);
  });

  step('executing the step again is a new execution: the same pin is published again (a deliberate re-run is never held back)', async () => {
    await ndv.getByTestId('node-execute-button').click();
    for (const until = Date.now() + 60_000; emu.pushes().length < 2 && Date.now() < until; ) await new Promise((r) => setTimeout(r, 250));
    const pushes = emu.pushes();
    assert.equal(pushes.length, 2, 'the second run sent the pin again (the re-run memory holds one execution only)');
    assert.deepEqual(pushes[1].body, pushes[0].body);
    assert.notEqual(pushes[1].result.pin_id, pushes[0].result.pin_id);
    await ndv.getByTestId('output-panel').getByText(String(pushes[1].result.pin_id)).first().waitFor({ timeout: 30_000 });
    await shot('executed-again');
  });

  step('the canvas names the node\'s operation as the dropdowns do ("Pinterest: Publish Pin")', async () => {
    await page.keyboard.press('Escape'); // close the node's panel
    await ndv.waitFor({ state: 'hidden' });
    const node = page.getByTestId('canvas-node').filter({ hasText: 'Publish Pin' }).first();
    await node.waitFor();
    assert.match(await node.innerText(), /Pinterest: Publish Pin/);
    assert.doesNotMatch(await node.innerText(), /pinterest: publishPin/);
    await shot('canvas-subtitle');
  });

  step('a Facebook group operation shows the notice that Meta removed group publishing (2024-04-22)', async () => {
    await page.getByTestId('node-creator-plus-button').click();
    const search = page.getByTestId('node-creator-search-bar');
    await search.waitFor();
    await search.fill('OneAll');
    await page.getByTestId('node-creator-item-name').filter({ hasText: /^OneAll$/ }).first().click();
    const action = page.getByText(GROUP_ACTION, { exact: true });
    await action.waitFor({ timeout: 30_000 }).catch(() => {
      throw new Error(`the OneAll actions list has no "${GROUP_ACTION}"`);
    });
    await action.click();
    ndv = page.getByTestId('ndv');
    await ndv.waitFor();
    assert.equal(await ndv.getByTestId('parameter-input-resource').locator('input').first().inputValue(), 'Facebook');
    assert.equal(await ndv.getByTestId('parameter-input-operation').locator('input').first().inputValue(), 'Publish Group Post');
    const notice = groupNotice();
    assert.match(notice, /22 April 2024/);
    await ndv.getByText(notice).first().waitFor({ timeout: 30_000 }).catch(() => {
      throw new Error(`the Publish Group Post panel does not show the notice "${notice}"`);
    });
    assert.ok(await ndv.getByText(notice).first().isVisible(), 'the group notice is visible');
    await shot('facebook-group-notice');
    await page.keyboard.press('Escape');
    await ndv.waitFor({ state: 'hidden' });
  });

  step('the OneAll Social Login Trigger panel shows the webhook URL to paste into the widget', async () => {
    // A fresh tab for a fresh workflow: leaving the unsaved one would ask "save changes?".
    page = await page.context().newPage();
    page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));
    await page.goto(`${url}/workflow/new`);
    await page.getByTestId('canvas-add-button').waitFor({ timeout: 60_000 });
    await page.getByTestId('canvas-add-button').click();
    await page.getByTestId('node-creator-search-bar').waitFor();
    await page.keyboard.type('OneAll Social Login');
    const item = page.getByTestId('node-creator-item-name').filter({ hasText: /^OneAll Social Login Trigger$/ });
    await item.first().waitFor({ timeout: 30_000 }).catch(() => {
      throw new Error('searching "OneAll Social Login" in the nodes panel does not show the OneAll Social Login Trigger');
    });
    await shot('trigger-search');
    await item.first().click();
    // A community trigger opens its details page first ("Installed", "Via npm") with "Add to workflow".
    await page.getByRole('button', { name: 'Add to workflow' }).click({ timeout: 30_000 }).catch(() => {
      throw new Error('the OneAll Social Login Trigger\'s details page shows no "Add to workflow" button');
    });
    ndv = page.getByTestId('ndv');
    await ndv.waitFor({ timeout: 60_000 });
    // n8n's "Webhook URLs" section above the parameters, collapsed at first.
    const section = ndv.getByText('Webhook URLs', { exact: true }).first();
    await section.waitFor({ timeout: 30_000 }).catch(() => {
      throw new Error('the trigger\'s panel has no "Webhook URLs" section');
    });
    await section.click();
    const shown = ndv.locator('.webhook-url').first();
    await shown.waitFor({ timeout: 30_000 }).catch(() => {
      throw new Error("the trigger's panel shows no webhook URL (n8n's Webhook URLs section)");
    });
    const webhookUrl = (await shown.innerText()).trim();
    assert.match(webhookUrl, new RegExp(`^${escapeRe(url)}/webhook-test/[0-9a-f-]{36}/oneall-login$`), 'the Test URL shown in the panel');
    testUrl = webhookUrl;
    // The Production URL, for the published workflow, is there too.
    await ndv.getByText('Production URL', { exact: true }).first().click();
    await ndv.locator('.webhook-url').filter({ hasText: '/webhook/' }).first().waitFor({ timeout: 15_000 }).catch(() => {
      throw new Error('the panel\'s "Production URL" tab shows no /webhook/ URL');
    });
    const productionUrl = (await ndv.locator('.webhook-url').first().innerText()).trim();
    assert.equal(productionUrl, webhookUrl.replace('/webhook-test/', '/webhook/'), 'the Production URL shown in the panel');
    await shot('login-trigger-production-url');
    await ndv.getByText('Test URL', { exact: true }).first().click();
    // The setup notice names no empty placeholder (issue 27 #1: `set_callback_uri', ''` once).
    const notice = (await ndv.getByText(/Set your OneAll widget's callback URI/).first().innerText()).trim();
    assert.match(notice, /Test URL/);
    assert.match(notice, /Production URL/);
    assert.doesNotMatch(notice, /''|""|<\s*>|\(\s*\)/, `the setup notice has an empty placeholder: ${notice}`);
    await shot('login-trigger-webhook-url');
  });

  /** Starts listening in the trigger's panel, POSTs the login form to the Test URL, returns the output panel's text. */
  async function testLogin(token, expected, label) {
    assert.ok(testUrl, 'the Test URL was read from the panel in an earlier step');
    await ndv.getByTestId('node-execute-button').first().click();
    await ndv.getByText(/Listening for test event/i).first().waitFor({ timeout: 60_000 }).catch(() => {
      throw new Error('after clicking the panel\'s execute button, the panel does not say "Listening for test event"');
    });
    await shot(`login-trigger-listening-${label}`);
    // The test webhook is registered when listening starts; until then n8n answers 404 and the node never runs.
    let answer;
    for (const until = Date.now() + 60_000; ; ) {
      answer = await T.postLogin(testUrl, token);
      if (answer.status !== 404 || Date.now() > until) break;
      await H.sleep(1000);
    }
    const body = await answer.text();
    const output = ndv.getByTestId('output-panel');
    await output.getByText(expected).first().waitFor({ timeout: 60_000 }).catch(() => {
      throw new Error(`the output panel does not show "${expected}" after the test login (the callback answered ${answer.status}: ${body.slice(0, 200)})`);
    });
    return { status: answer.status, text: await output.innerText() };
  }

  step('a test login reaches the editor: listen, POST the login form to the Test URL, the output panel shows the verified login', async () => {
    const [token] = emu.addEvents({ connections: [{ identity_token: FIXTURES.identities.twitter, date_creation: Date.now() }] }).connections;
    const { status, text } = await testLogin(token, token, 'valid');
    assert.equal(status, 200, 'the person sees the short page (no Redirect URL set)');
    assert.match(text, /1 item/);
    assert.match(text, /user_token/);
    assert.match(text, /social_login/);
    assert.ok(emu.requests.some((r) => r.path === `/connections/${token}.json` && r.status === 200), 'the token was verified with OneAll');
    await shot('login-trigger-test-login');
  });

  step('a refused test login reaches the editor too: the output panel says refused and why', async () => {
    const { status, text } = await testLogin(T.FORGED_TOKEN, 'OneAll does not know this connection token', 'refused');
    assert.equal(status, 403, 'the person sees the neutral failure page');
    assert.match(text, /refused/);
    assert.match(text, /403/);
    await shot('login-trigger-refused-login');
  });
});
