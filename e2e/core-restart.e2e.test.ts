import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createConsoleLogger } from '../src-main/core/logger';
import { startWebPreview, type WebPreview } from '../src-main/web/preview-server';
import { eventually, REPO, startOperatorBooth, type BoothHarness } from './support/harness';

/**
 * A web-preview window whose core restarted: the new run answers at the same address with new tokens, so the
 * window's socket is refused. The window must say so and where to go, read every tile unconfirmed (never a
 * confirmed ON AIR with its timer running) and send nothing.
 */
let booth: BoothHarness;
let page: Page;
let next: WebPreview | null = null;
const operator = { role: 'operator' } as const;
const tile = (id: string) => page.locator(`[data-testid="destination-tile"][data-destination-id="${id}"]`);

beforeAll(async () => {
  booth = await startOperatorBooth();
  page = booth.page;
}, 60_000);
afterAll(async () => {
  await next?.close();
  await booth?.close();
});

describe('web preview window after its core restarted', () => {
  it('says the core restarted and where to go, marks every tile unconfirmed, and sends nothing', async () => {
    const started = await booth.core.router.invoke('channels.start', { destinationId: 'youtube' }, operator);
    expect(started.ok).toBe(true);
    await page.waitForSelector('[data-destination-id="youtube"][data-state="RUNNING"]', { timeout: 15_000 });

    // The core's run ends; a new run serves the same address with new tokens.
    const port = Number(new URL(booth.preview.origin).port);
    await booth.preview.close();
    next = await startWebPreview({
      router: booth.core.router,
      logger: createConsoleLogger('error'),
      rendererDir: path.join(REPO, 'out/renderer'),
      port,
    });

    await page.waitForSelector('[data-testid="link-indicator"][data-link="restarted"]', { timeout: 15_000 });
    const banner = page.getByTestId('unconfirmed-banner');
    await expect
      .poll(async () => banner.getByTestId('unconfirmed-title').textContent())
      .toMatch(
        /^The console core restarted since \d\d:\d\d:\d\d: 5 tiles show their last confirmed state “\?”, 1 last seen on air/,
      );
    expect(await banner.getByTestId('unconfirmed-advice').textContent()).toMatch(
      /Open the new operator address npm run web printed/,
    );
    expect(await page.locator('[data-testid="destination-tile"][data-unconfirmed="true"]').count()).toBe(5);
    expect(await tile('youtube').getByTestId('tile-state').textContent()).toBe('ON AIR?');

    // A take from this window sends nothing: the tile cannot even be armed.
    const before = booth.simulator.control.requests({ service: 'medialive', operation: 'StopChannel' }).length;
    await page.keyboard.press('2');
    await eventually(async () => (await page.getByTestId('event-line').textContent())?.includes('restarted'), 'a note');
    // The take that follows has nothing armed: it says so, and sends nothing.
    await page.keyboard.press('Enter');
    await eventually(
      async () => (await page.getByTestId('event-line').textContent())?.includes('Nothing is armed'),
      'the nothing-armed note',
    );
    expect(booth.simulator.control.requests({ service: 'medialive', operation: 'StopChannel' })).toHaveLength(before);
  });
});
