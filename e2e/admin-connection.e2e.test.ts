import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBooth, type BoothHarness } from './support/harness';

/** The admin chooses the account and stack the console connects to, and runs the readiness check from there. */
let booth: BoothHarness;
let page: Page;

beforeAll(async () => {
  booth = await startBooth({ window: 'admin', viewport: { width: 1600, height: 900 } });
  page = booth.page;
  await page.getByTestId('tab-connection').click();
  await page.waitForSelector('[data-testid="connection-panel"]');
});

afterAll(async () => {
  await booth?.close();
});

describe('connection and readiness (admin window)', () => {
  it('shows the connection in use and refuses a malformed region with the reason', async () => {
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="connection-active"]')?.textContent?.includes('SIMULATION'),
    );
    await page.getByTestId('connection-region').fill('moon-1');
    await page.getByTestId('connection-save').click();
    const result = page.getByTestId('connection-result');
    await result.waitFor();
    expect(await result.textContent()).toMatch(/region/i);
    await booth.assertNoPageProblems();
  });

  it('connects at once to what is saved, and says so; a stack that does not exist is named with the region', async () => {
    await page.getByTestId('connection-region').fill('');
    await page.getByTestId('connection-stack').fill('show-stack');
    await page.getByTestId('connection-save').click();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="connection-result"]')?.textContent?.includes('not connected'),
    );
    expect(await page.getByTestId('connection-problem').textContent()).toContain(
      'There is no stack "show-stack" in us-east-1',
    );
    await booth.screenshot('admin-connection.png');
    // The readiness panel opened for the failure: close it and connect back.
    await page.keyboard.press('Escape');
    await page.getByTestId('connection-stack').fill('lunora-booth');
    await page.getByTestId('connection-save').click();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="connection-result"]')?.textContent?.includes('Saved and connected'),
    );
    await booth.assertNoPageProblems();
  });

  it('runs the readiness check from the admin window', async () => {
    await page.getByTestId('open-readiness').click();
    await page.waitForSelector('[data-testid="readiness-verdict"]');
    expect(await page.getByTestId('readiness-verdict').textContent()).toMatch(/^\s*READY/);
    await booth.assertNoPageProblems();
  });
});
