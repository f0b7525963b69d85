// npm run screenshots [-- --skip-build] [--out <dir>]
//
// The pictures of README.md and docs/ (docs/images/*.png), taken in a real n8n 2.41.1 editor in Debian's headless
// Chromium against the OneAll emulator, the way the browser test (browser.mjs) drives it: sign in, new workflow,
// nodes panel → OneAll (its actions), Pinterest → Publish Pin, the board picker open, the node executed with its
// output. No assertions beyond what the steps need to find (browser.mjs is the test); every picture is a clip of
// the interesting part at 1 CSS pixel per pixel, then, when Debian's `pngquant` is installed, reduced to a
// 256-colour palette (the files are then a third of the size; without it they are kept as Chromium wrote them).

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { assertChromium, chooseMode, launchChromium, newWorkflowWithManualTrigger, signIn } from './browser-steps.mjs';
import * as H from './n8n-env.mjs';

H.ensureN8nNode();

const args = process.argv.slice(2);
const skipBuild = args.includes('--skip-build');
const OUT = path.resolve(H.ROOT, args.includes('--out') ? args[args.indexOf('--out') + 1] : 'docs/images');
const USER_FOLDER = path.join(H.CACHE_DIR, `screenshots-user${H.VERSION_TAG}`);

const IDENTITY = '12345678-ABCD-WXYZ-1234-ABCABCABCABC';
const BOARD = '98765432101011';
const TITLE = 'Autumn collection: the oak side table';
const PICTURE = 'https://www.oneall.com/logo.jpg';
const ACTION = 'Publish a pin on a Pinterest board';

async function main() {
  H.exitOnSignals();
  assertChromium();
  fs.mkdirSync(OUT, { recursive: true });
  const s = await H.setupInstance({ userFolder: USER_FOLDER, port: await H.pickPort(5693), step: H.stepper(5), skipBuild });
  const srv = await H.startN8n(s.env, { logName: 'n8n-screenshots-start.log' });
  await H.setupOwner(srv.url);

  const { browser, page } = await launchChromium({ onCleanup: H.onCleanup, viewport: { width: 1280, height: 760 }, timeoutMs: 60_000 });
  const written = [];
  const shot = async (name, clip) => {
    const file = path.join(OUT, `${name}.png`);
    await page.waitForTimeout(800); // animations (panels slide in)
    await page.screenshot({ path: file, ...(clip ? { clip } : {}) });
    written.push(file);
  };

  // Sign in; a new workflow started by a manual trigger (so the nodes panel lists action nodes).
  await signIn(page, srv.url, H.OWNER);
  await newWorkflowWithManualTrigger(page, srv.url);

  // The nodes panel: OneAll's actions.
  await page.getByTestId('node-creator-plus-button').click();
  await page.keyboard.type('OneAll');
  await page.getByTestId('node-creator-item-name').filter({ hasText: /^OneAll$/ }).click();
  await page.getByText(ACTION, { exact: true }).waitFor();
  const panel = await page.getByTestId('node-creator').boundingBox({ timeout: 5000 }).catch(() => null);
  await shot('nodes-panel-oneall-actions', panel ?? undefined);

  // Pinterest → Publish Pin: identity by id, the board picker open on the emulator's boards.
  await page.getByText(ACTION, { exact: true }).click();
  const ndv = page.getByTestId('ndv');
  await ndv.waitFor();
  const identity = ndv.getByTestId('resource-locator-identity');
  await chooseMode(page, identity, 'By ID');
  await identity.getByTestId('rlc-input').fill(IDENTITY);
  const board = ndv.getByTestId('resource-locator-board');
  await board.getByTestId('rlc-input').click();
  await page.getByTestId('rlc-item').first().waitFor();
  await shot('publish-pin-board-picker');
  await page.keyboard.press('Escape');
  await chooseMode(page, board, 'By ID');
  await board.getByTestId('rlc-input').fill(BOARD);
  await ndv.getByTestId('parameter-input-title').locator('input, textarea').first().fill(TITLE);
  await ndv.getByTestId('parameter-input-picture').locator('input, textarea').first().fill(PICTURE);
  await page.keyboard.press('Tab');

  // Executed: the parameters and OneAll's answer side by side (the README's picture).
  await ndv.getByTestId('node-execute-button').click();
  await ndv.getByTestId('output-panel').getByText(BOARD).first().waitFor();
  await shot('publish-pin-executed');

  await browser.close();
  const quantizer = spawnSync('pngquant', ['--version'], { encoding: 'utf8' });
  for (const file of written) {
    if (quantizer.status === 0) spawnSync('pngquant', ['--force', '--skip-if-larger', '--quality=70-95', '--strip', '--ext', '.png', file]);
    H.info(`${path.relative(H.ROOT, file)}: ${(fs.statSync(file).size / 1024).toFixed(0)} kB`);
  }
  if (quantizer.status !== 0) H.info('pngquant not found (apt-get install -y pngquant): pictures kept as Chromium wrote them');
}

main()
  .then(() => H.cleanupAll())
  .then(() => process.exit(0))
  .catch(async (e) => {
    console.error(e);
    await H.cleanupAll().catch(() => {});
    process.exit(1);
  });
