import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newWatchedPage } from './support/browser';
import { ARTIFACTS, eventually, startBooth, type BoothHarness } from './support/harness';

/**
 * A console started with a stack name that does not exist: it opens (it does not stop), both windows say which
 * item failed and why, naming the stack and the region, and once the admin corrects the name the operator's
 * tiles appear without a restart.
 */
let booth: BoothHarness;
let admin: Page;
let operator: Page;
let operatorProblems: Awaited<ReturnType<typeof newWatchedPage>>['problems'];

/** LUNORA_SHOTS_DIR: also copy the screenshots there, for a look at the layout. */
const SHOTS = process.env['LUNORA_SHOTS_DIR'];
async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `stack-recovery-${name}`);
  await page.screenshot({ path: file });
  if (SHOTS) {
    mkdirSync(SHOTS, { recursive: true });
    copyFileSync(file, path.join(SHOTS, `region-${name}`));
  }
}

beforeAll(async () => {
  booth = await startBooth({
    window: 'admin',
    viewport: { width: 1366, height: 768 },
    settings: { connection: { profile: null, stackName: 'lunora-boot' } },
  });
  admin = booth.page;
  const opened = await newWatchedPage(booth.browser, { width: 1366, height: 768 });
  operator = opened.page;
  operatorProblems = opened.problems;
  await operator.goto(booth.preview.operatorUrl);
});

afterAll(async () => {
  await booth?.close();
});

const failedItem = (page: Page) =>
  page.locator('[data-testid="readiness-item"][data-check-id="connection-stack"][data-status="fail"]');

describe('starting with a stack that does not exist (web preview, simulation)', () => {
  it('opens the admin window on Connection & readiness, with the failed item and why', async () => {
    await admin.waitForSelector('[data-testid="connection-problem"]');
    expect(await admin.getByTestId('tab-connection').getAttribute('aria-selected')).toBe('true');
    expect(await admin.getByTestId('connection-problem').getAttribute('data-kind')).toBe('stack');
    expect(await admin.getByTestId('connection-problem').textContent()).toContain(
      'There is no stack "lunora-boot" in us-east-1',
    );
    await failedItem(admin).waitFor();
    expect(await failedItem(admin).textContent()).toMatch(/stack name and the region/);
    expect(await admin.getByTestId('mode-disconnected').isVisible()).toBe(true);
    await shot(admin, 'admin-not-connected-1366.png');
    await admin.setViewportSize({ width: 1920, height: 1080 });
    await shot(admin, 'admin-not-connected-1920.png');
    await booth.assertNoPageProblems();
  });

  it('shows the operator no tiles but what failed, with the readiness check open', async () => {
    await operator.waitForSelector('[data-testid="not-connected"]');
    await failedItem(operator).waitFor();
    expect(await operator.getByTestId('not-connected').textContent()).toContain('"lunora-boot" in us-east-1');
    expect(await operator.locator('[data-testid="destination-tile"]').count()).toBe(0);
    await shot(operator, 'operator-not-connected-1366.png');
    await operator.keyboard.press('Escape');
    await shot(operator, 'operator-not-connected-notice-1366.png');
    await operator.setViewportSize({ width: 1920, height: 1080 });
    await shot(operator, 'operator-not-connected-notice-1920.png');
  });

  it('shows the tiles without a restart once the admin corrects the stack name', async () => {
    await admin.keyboard.press('Escape');
    await admin.getByTestId('connection-stack').fill('lunora-booth');
    await admin.getByTestId('connection-save').click();
    await admin.waitForFunction(() =>
      document.querySelector('[data-testid="connection-result"]')?.textContent?.includes('Saved and connected'),
    );
    expect(await admin.getByTestId('connection-problem').count()).toBe(0);
    await eventually(
      async () => (await operator.locator('[data-testid="destination-tile"][data-state="IDLE"]').count()) === 5,
      'five IDLE tiles in the operator window',
    );
    expect(await operator.getByTestId('not-connected').count()).toBe(0);
    expect(await operator.getByTestId('mode-disconnected').count()).toBe(0);
    // The checklist, run again in the operator window, is green now.
    await operator.getByTestId('open-readiness').click();
    await operator.waitForSelector('[data-testid="readiness-verdict"]');
    await eventually(
      async () => /^\s*READY/.test((await operator.getByTestId('readiness-verdict').textContent()) ?? ''),
      'READY',
    );
    await shot(operator, 'operator-reconnected-1920.png');
    await booth.assertNoPageProblems();
    await operatorProblems.collectCsp(operator);
    expect(operatorProblems.take()).toEqual([]);
  });
});
