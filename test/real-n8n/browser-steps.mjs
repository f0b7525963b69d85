// The screenshot and step helpers of the browser tests (browser.mjs, community-install.mjs): numbered
// screenshots, and node:test steps that count towards the closing "N passed, N failed" line and leave a
// screenshot when they fail.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';

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
