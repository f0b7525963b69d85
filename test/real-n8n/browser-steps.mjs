// The helpers of the browser tests and the screenshots (browser.mjs, community-install.mjs,
// screenshots.mjs): headless Chromium, the editor steps they all take (sign in, a new workflow started
// by a manual trigger, a resource locator's mode), numbered screenshots, and node:test steps that count
// towards the closing "N passed, N failed" line and leave a screenshot when they fail.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Fails early (before n8n is set up) when Debian's Chromium is missing. */
export function assertChromium() {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's Chromium first (apt-get install -y chromium)`);
}

/**
 * Headless Chromium with one page on n8n's editor (`getByTestId` finds n8n's `data-test-id`s). `onCleanup`
 * registers the browser's closing; `consoleLines`, when given, collects the page's console and errors.
 */
export async function launchChromium({ onCleanup, viewport, timeoutMs, consoleLines }) {
  assertChromium();
  const { chromium, selectors } = await import('playwright-core');
  selectors.setTestIdAttribute('data-test-id');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60_000 });
  onCleanup(() => browser.close());
  const page = await (await browser.newContext({ viewport })).newPage();
  page.setDefaultTimeout(timeoutMs);
  if (consoleLines) {
    page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));
  }
  return { browser, page };
}

/** Signs in to n8n's editor at `url`; `beforeSubmit` runs with the form filled (a screenshot). */
export async function signIn(page, url, { email, password }, { beforeSubmit } = {}) {
  await page.goto(`${url}/signin`);
  await page.locator('input[name=emailOrLdapLoginId]').fill(email);
  await page.locator('input[name=password]').fill(password);
  await beforeSubmit?.();
  await page.getByTestId('form-submit-button').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/signin'), { timeout: 30_000 });
}

/**
 * A new workflow started by a manual trigger, the nodes panel closed. An empty workflow's panel lists
 * triggers, where "OneAll" is the OneAll Trigger; with a trigger in place it lists action nodes.
 */
export async function newWorkflowWithManualTrigger(page, url, { timeoutMs } = {}) {
  await page.goto(`${url}/workflow/new`);
  await page.getByTestId('canvas-add-button').waitFor(timeoutMs ? { timeout: timeoutMs } : undefined);
  await page.getByTestId('node-creator-plus-button').click();
  await page.getByTestId('node-creator-search-bar').waitFor();
  await page.keyboard.type('manual');
  await page.getByTestId('node-creator-item-name').filter({ hasText: /^Trigger manually$/ }).click();
  await page.getByTestId('canvas-node').first().waitFor();
  await page.keyboard.press('Escape');
}

/** Picks a resource locator's mode ("By ID", "From List") in its element-plus dropdown. */
export async function chooseMode(page, locator, mode) {
  await locator.getByTestId('rlc-mode-selector').click();
  await page.locator('.el-select-dropdown__item:visible').filter({ hasText: mode }).first().click();
}

/** `page()` returns the current Playwright page (set up later, in the test's `before` hook). */
export function browserSteps({ prefix, dir, timeoutMs, page }) {
  const counts = { passed: 0, total: 0 };
  let shotNo = 0;

  async function shot(name) {
    shotNo += 1;
    const file = path.join(dir, `${prefix}-${String(shotNo).padStart(2, '0')}-${name}.png`);
    await page().screenshot({ path: file });
    return file;
  }

  function step(name, fn) {
    counts.total += 1;
    const index = counts.total;
    test(name, { timeout: timeoutMs }, async () => {
      assert.ok(page(), 'setup failed (see the before hook)');
      try {
        await fn();
        counts.passed += 1;
      } catch (e) {
        await page().screenshot({ path: path.join(dir, `${prefix}-failure-${index}.png`) }).catch(() => {});
        throw e;
      }
    });
  }

  /** "<label>: N passed, N failed". */
  const summary = (label) => `${label}: ${counts.passed} passed, ${counts.total - counts.passed} failed`;
  return { shot, step, summary };
}
