// npm run test:community
//
// The install path people use, in n8n 2.41.1's editor (headless Debian Chromium + playwright-core):
// Settings > Community nodes > Install `n8n-nodes-oneall` from a local npm registry (Verdaccio,
// registry.mjs) holding the packed package as 0.1.0; without a restart OneAll is in the nodes
// panel and the saved Pinterest > Publish Pin workflow runs against the OneAll emulator; 0.1.1 is
// published, Update on the same page brings it in (its node description carries a release mark)
// and the saved workflow still runs; Uninstall removes the node from the panel and the workflow
// shows the node as missing while n8n keeps serving. Screenshots: test-output/community-*.png.
//
// n8n allows a custom registry only with an enterprise licence feature; n8n's own e2e test mode
// (E2E_TESTS=true) lifts that gate through PATCH /rest/e2e/feature. That mode also exposes
// /rest/e2e/reset (wipes the database): for throw-away test instances only, never a real one.
//
// Needs /usr/bin/chromium. Option: --skip-build. CHROMIUM_PATH overrides /usr/bin/chromium.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { assertChromium, browserSteps, launchChromium, newWorkflowWithManualTrigger, signIn } from './browser-steps.mjs';
import * as H from './n8n-env.mjs';
import * as R from './registry.mjs';

H.ensureN8nNode();

const args = process.argv.slice(2);
const skipBuild = args.includes('--skip-build');
const USER_FOLDER = path.join(H.CACHE_DIR, `community-user${H.VERSION_TAG}`);
const SETUP_TIMEOUT = 40 * 60_000;
const STEP_TIMEOUT = 4 * 60_000;
const WORKFLOW = 'examples/pinterest-publish-pin.json';
const PIN_NODE = 'Publish Pin';

let browser;
let page;
let emu;
let FIXTURES;
let url;
let api;
let server;
let registry;
let workflow;
let firstVersion;
let nextVersion;
let nextTarball;
const consoleLines = [];

const { shot, step, summary } = browserSteps({ prefix: 'community', dir: H.OUTPUT_DIR, timeoutMs: STEP_TIMEOUT, page: () => page });

const bumpPatch = (v) => v.replace(/(\d+)$/, (n) => String(Number(n) + 1));

/** The same n8n process throughout: a restart would hide a package that only loads at start. */
function assertSameServer() {
  assert.equal(server.exited(), null, 'n8n is still running');
}

/** GET /rest/community-packages: our package's row, if installed. */
async function installedPackage() {
  const res = await api('/rest/community-packages');
  assert.equal(res.status, 200, res.text.slice(0, 300));
  return res.json.data.find((p) => p.packageName === H.PACKAGE_NAME);
}

async function openCommunityNodesPage() {
  await page.goto(`${url}/settings/community-nodes`);
  // Either the empty state or the list of installed packages.
  await page.getByTestId('empty-state').or(page.getByTestId('community-package-card')).first().waitFor();
}

/** The package's card on Settings > Community nodes. */
const packageCard = () => page.getByTestId('community-package-card').filter({ hasText: H.PACKAGE_NAME });

/** Opens the nodes panel of a new workflow and searches; returns the OneAll item locator. */
async function searchNodesPanel(text) {
  // With a trigger in place the panel lists action nodes (the OneAll node carries the release mark).
  await newWorkflowWithManualTrigger(page, url, { timeoutMs: 120_000 });
  await page.getByTestId('node-creator-plus-button').click();
  await page.getByTestId('node-creator-search-bar').waitFor();
  await page.keyboard.type(text);
  await page.waitForTimeout(800); // search results settle
  return page.getByTestId('node-creator-item-name').filter({ hasText: /^OneAll$/ });
}

/** Opens the saved workflow, runs it with "Execute workflow", waits for its execution to finish. */
async function runSavedWorkflow() {
  emu.reset();
  const since = Date.now();
  await page.goto(`${url}/workflow/${workflow.id}`);
  await page.getByTestId('execute-workflow-button').waitFor();
  await page.getByTestId('execute-workflow-button').click();
  const filter = encodeURIComponent(JSON.stringify({ workflowId: workflow.id }));
  const deadline = Date.now() + 90_000;
  for (;;) {
    const list = await api(`/rest/executions?filter=${filter}&limit=5`);
    const done = (list.json?.data?.results ?? []).find(
      (e) => ['success', 'error', 'crashed', 'canceled'].includes(e.status) && Date.parse(e.startedAt ?? e.createdAt) >= since - 2000,
    );
    if (done) return done;
    assert.ok(Date.now() < deadline, `no finished execution of ${workflow.id} within 90 s`);
    await H.sleep(500);
  }
}

/** The emulator received exactly one pin, with the example workflow's fields. */
function assertOnePin() {
  const pushes = emu.pushes();
  assert.equal(pushes.length, 1, `pins received: ${pushes.length}`);
  assert.equal(pushes[0].path, `/push/identities/${FIXTURES.identities.pinterest}/pinterest/board/${FIXTURES.pinterest.boardId}/pin.json`);
  assert.equal(pushes[0].body.request.push.pin.title, 'OneAll');
  assert.equal(pushes[0].authOk, true);
}

describe(`Community nodes in n8n ${H.N8N_VERSION}: install, update and uninstall from a local registry`, () => {
  before(
    async () => {
      H.exitOnSignals();
      assertChromium();
      fs.mkdirSync(H.OUTPUT_DIR, { recursive: true });
      for (const f of fs.readdirSync(H.OUTPUT_DIR)) if (/^community-.*\.png$/.test(f)) fs.rmSync(path.join(H.OUTPUT_DIR, f));
      const stepTo = H.stepper(7);

      stepTo(skipBuild ? 'Packing n8n-nodes-oneall (npm pack)' : 'Building and packing n8n-nodes-oneall');
      const pack = await H.buildAndPack({ skipBuild });
      firstVersion = pack.version;
      nextVersion = bumpPatch(firstVersion);
      nextTarball = await R.makeRelease(pack.tarball, nextVersion);
      H.info(`${path.basename(pack.tarball)}; next release ${path.basename(nextTarball)} (description + "${R.RELEASE_MARK(nextVersion)}")`);

      stepTo(`Getting n8n ${H.N8N_VERSION} and Verdaccio ${R.VERDACCIO_VERSION} (cached in .cache/)`);
      const n8n = await H.ensureN8n();
      const verdaccio = await R.ensureVerdaccio();
      H.info(`n8n ${n8n.cached ? 'cached' : `installed in ${(n8n.ms / 1000).toFixed(0)}s`}, verdaccio ${verdaccio.cached ? 'cached' : `installed in ${(verdaccio.ms / 1000).toFixed(0)}s`}`);

      stepTo(`Starting the local registry and publishing ${H.PACKAGE_NAME}@${firstVersion}`);
      registry = await R.startRegistry();
      await registry.publish(pack.tarball);
      const served = await registry.versions();
      assert.deepEqual(served.versions, [firstVersion]);
      H.info(`${registry.url} (pid ${registry.pid}) serves ${H.PACKAGE_NAME}@${served.latest}`);

      stepTo('Fresh user folder without the package; OneAll emulator; credential and workflow imported');
      fs.rmSync(USER_FOLDER, { recursive: true, force: true });
      fs.mkdirSync(path.join(USER_FOLDER, 'import'), { recursive: true });
      ({ emu, FIXTURES } = await H.startOneAllEmulator());
      const env = H.n8nEnv({
        userFolder: USER_FOLDER,
        port: await H.freePort(),
        brokerPort: await H.freePort(),
        extra: {
          N8N_COMMUNITY_PACKAGES_REGISTRY: registry.url,
          // n8n checks for updates with `npm outdated`, which reads the registry from npm's config.
          npm_config_registry: `${registry.url}/`,
          E2E_TESTS: 'true',
        },
      });
      const { DEFAULT_SITE } = H.emulatorModule();
      await H.importCredentials(env, [H.emulatorCredential(emu.url, DEFAULT_SITE)]);
      [workflow] = await H.importWorkflows(env, [path.join(H.ROOT, WORKFLOW)]);
      H.info(`emulator ${emu.url}; workflow "${workflow.name}" (id ${workflow.id}) saved before the node exists`);

      stepTo('Starting n8n (E2E_TESTS=true) and allowing the custom registry');
      server = await H.startN8n(env, { logName: 'n8n-community-start.log' });
      url = server.url;
      const gate = await fetch(`${url}/rest/e2e/feature`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ feature: 'feat:communityNodes:customRegistry', enabled: true }),
      });
      assert.equal(gate.status, 200, `PATCH /rest/e2e/feature: ${gate.status} ${await gate.text()}`);
      await H.setupOwner(url);
      api = await H.restLogin(url);
      assert.equal(await installedPackage(), undefined, 'the package is not installed yet');
      H.info(`${url} (pid ${server.child.pid})`);

      stepTo('Starting Chromium');
      // A 60 s default timeout: the editor can take >30 s to render on a busy 2-core machine.
      ({ browser, page } = await launchChromium({ onCleanup: H.onCleanup, viewport: { width: 1440, height: 900 }, timeoutMs: 60_000, consoleLines }));

      stepTo('Signing in');
      await signIn(page, url, H.OWNER);
    },
    { timeout: SETUP_TIMEOUT },
  );

  after(async () => {
    fs.mkdirSync(H.LOG_DIR, { recursive: true });
    fs.writeFileSync(path.join(H.LOG_DIR, 'community-console.log'), `${consoleLines.join('\n')}\n`);
    await H.cleanupAll();
    process.stdout.write(`\n${summary('community nodes')}\n`);
  });

  step('Settings > Community nodes > Install: the page lists the package at the first version', async () => {
    await openCommunityNodesPage();
    await shot('empty');
    // The empty page offers "Install a community node"; once a package is there, the header's "Install".
    await page.getByTestId('empty-state').getByRole('button').or(page.getByRole('button', { name: 'Install' })).first().click();
    const modal = page.getByTestId('communityPackageInstall-modal');
    await modal.waitFor();
    await modal.locator('input').first().fill(H.PACKAGE_NAME);
    await modal.getByTestId('user-agreement-checkbox').click();
    await shot('install-dialog');
    await modal.getByTestId('install-community-package-button').click();
    await packageCard().waitFor({ timeout: 120_000 });
    await packageCard().getByText(`v${firstVersion}`).waitFor();
    await shot('installed');
    const row = await installedPackage();
    assert.equal(row.installedVersion, firstVersion);
    // The action node and the two triggers.
    assert.deepEqual(
      row.installedNodes.map((n) => n.type).sort(),
      [H.NODE_TYPE, `${H.PACKAGE_NAME}.oneAllLoginTrigger`, `${H.PACKAGE_NAME}.oneAllTrigger`].sort(),
    );
    assertSameServer();
  });

  step('without a restart, OneAll is in the nodes panel', async () => {
    const item = await searchNodesPanel('OneAll');
    await item.waitFor();
    await shot('nodes-panel');
    assertSameServer();
  });

  step('the saved Pinterest > Publish Pin workflow runs against the emulator', async () => {
    const execution = await runSavedWorkflow();
    assert.equal(execution.status, 'success');
    assertOnePin();
    await page.getByTestId('canvas-node').filter({ hasText: PIN_NODE }).waitFor();
    await shot('workflow-ran');
  });

  step('Update to the next release from the same page; the new version shows', async () => {
    await registry.publish(nextTarball);
    assert.equal((await registry.versions()).latest, nextVersion);
    await openCommunityNodesPage();
    const card = packageCard();
    await card.waitFor();
    const update = card.getByRole('button', { name: 'Update' });
    await update.waitFor({ timeout: 60_000 });
    await shot('update-available');
    await update.click();
    const confirm = page.getByTestId('communityPackageManageConfirm-modal');
    await confirm.waitFor();
    await shot('update-confirm');
    await confirm.getByRole('button', { name: 'Confirm update' }).click();
    await confirm.waitFor({ state: 'hidden', timeout: 120_000 });
    await packageCard().getByText(`v${nextVersion}`).waitFor({ timeout: 120_000 });
    await shot('updated');
    assert.equal((await installedPackage()).installedVersion, nextVersion);
    // The new code is loaded, not only the version recorded: the panel shows its description.
    const item = await searchNodesPanel('OneAll');
    await item.waitFor();
    await page.getByText(R.RELEASE_MARK(nextVersion)).first().waitFor();
    await shot('nodes-panel-updated');
    assertSameServer();
  });

  step('the saved workflow still runs after the update', async () => {
    const execution = await runSavedWorkflow();
    assert.equal(execution.status, 'success');
    assertOnePin();
    await shot('workflow-ran-updated');
  });

  step('Uninstall: the node leaves the nodes panel', async () => {
    await openCommunityNodesPage();
    const card = packageCard();
    await card.getByTestId('action-toggle').click();
    await page.getByTestId('action-uninstall').click();
    const confirm = page.getByTestId('communityPackageManageConfirm-modal');
    await confirm.waitFor();
    await shot('uninstall-confirm');
    await confirm.getByRole('button', { name: 'Confirm uninstall' }).click();
    await confirm.waitFor({ state: 'hidden', timeout: 120_000 });
    await card.waitFor({ state: 'detached', timeout: 120_000 });
    await shot('uninstalled');
    assert.equal(await installedPackage(), undefined);
    const item = await searchNodesPanel('OneAll');
    await page.waitForTimeout(1000);
    assert.equal(await item.count(), 0, 'OneAll is no longer offered');
    await shot('nodes-panel-after-uninstall');
    assertSameServer();
  });

  step('the saved workflow says the node is missing; n8n keeps serving it', async () => {
    await page.goto(`${url}/workflow/${workflow.id}`);
    const node = page.getByTestId('canvas-node').filter({ hasText: PIN_NODE });
    await node.waitFor();
    await node.dblclick();
    await page.getByText(/install this node|not currently installed|node is not installed/i).first().waitFor();
    await shot('workflow-node-missing');
    const saved = await api(`/rest/workflows/${workflow.id}`);
    assert.equal(saved.status, 200);
    assert.ok(saved.json.data.nodes.some((n) => n.type === H.NODE_TYPE && n.name === PIN_NODE), 'the workflow keeps the node and its data');
    const health = await fetch(`${url}/healthz`);
    assert.equal(health.status, 200);
    assertSameServer();
  });
});
