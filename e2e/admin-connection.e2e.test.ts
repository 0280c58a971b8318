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

  it('saves another stack for the next start and says a restart is needed', async () => {
    await page.getByTestId('connection-region').fill('eu-west-1');
    await page.getByTestId('connection-stack').fill('show-stack');
    await page.getByTestId('connection-save').click();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="connection-result"]')?.textContent?.includes('Restart'),
    );
    await booth.screenshot('admin-connection.png');
    await booth.assertNoPageProblems();
  });

  it('runs the readiness check from the admin window', async () => {
    await page.getByTestId('open-readiness').click();
    await page.waitForSelector('[data-testid="readiness-verdict"]');
    expect(await page.getByTestId('readiness-verdict').textContent()).toMatch(/^\s*READY/);
    await booth.assertNoPageProblems();
  });
});
