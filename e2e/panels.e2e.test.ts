import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { eventually, startOperatorBooth, type BoothHarness } from './support/harness';

/**
 * Settings, Readiness, Notifications and Help are drawers beside the tiles: with one open the tally
 * stays visible and undimmed and the go-live keys keep working; a field in a drawer keeps the keys
 * typed into it; Escape closes the drawer first, then disarms.
 */

const SHOTS = process.env['LUNORA_SHOTS_DIR'];

let booth: BoothHarness;
let page: Page;

const tile = (id: string): Locator => page.locator(`[data-testid="destination-tile"][data-destination-id="${id}"]`);
const armedOf = (id: string) => tile(id).getAttribute('data-armed');
const armedCount = () => page.locator('[data-armed]').count();
const waitForState = (id: string, state: string, timeout = 15_000) =>
  page.waitForSelector(`[data-testid="destination-tile"][data-destination-id="${id}"][data-state="${state}"]`, {
    timeout,
  });

function channelOf(id: string): string {
  const found = booth.simulator.topology.destinations.find((d) => d.id === id);
  if (!found) throw new Error(`the simulated topology has no ${id} destination`);
  return found.channelId;
}

const requests = (operation: 'StartChannel' | 'StopChannel', id: string, since: number) =>
  booth.simulator.control
    .requests({ operation })
    .filter((r) => r.at >= since && JSON.stringify(r).includes(channelOf(id)));

/** No modal is on screen: nothing dims the tiles. */
const modalCount = () => page.locator('[aria-modal="true"]').count();

beforeAll(async () => {
  booth = await startOperatorBooth();
  page = booth.page;
});

afterEach(async () => {
  await booth.assertNoPageProblems();
});

afterAll(async () => {
  await booth?.close();
});

describe('drawers keep the console on line (web preview, simulation)', () => {
  it('with Settings open, a tile key arms and Enter takes: exactly one StartChannel', async () => {
    await page.getByTestId('open-settings').click();
    const panel = page.getByTestId('settings-panel');
    await panel.waitFor();
    expect(await modalCount()).toBe(0);
    expect(await tile('youtube').isVisible()).toBe(true);

    const since = Date.now();
    await page.keyboard.press('2');
    await eventually(async () => (await armedOf('youtube')) === 'start', 'YouTube armed with Settings open');
    await page.keyboard.press('Enter');
    await waitForState('youtube', 'RUNNING');
    expect(requests('StartChannel', 'youtube', since)).toHaveLength(1);
    expect(await panel.isVisible()).toBe(true);
  });

  it('digits typed into a Settings number field arm nothing', async () => {
    const panel = page.getByTestId('settings-panel');
    const timeout = panel.getByTestId('settings-arm-timeout');
    await timeout.click();
    await timeout.press('Control+a');
    await page.keyboard.type('13');
    expect(await timeout.inputValue()).toBe('13');
    expect(await armedCount()).toBe(0);
    // The tile digit 1 too: typed into the field, no arming, no request.
    const since = Date.now();
    await page.keyboard.press('1');
    expect(await timeout.inputValue()).toBe('131');
    expect(await armedCount()).toBe(0);
    expect(requests('StartChannel', 'primary', since)).toHaveLength(0);
  });

  it('Escape from the field closes the drawer first (nothing disarmed), focus returns; a second Escape disarms', async () => {
    const panel = page.getByTestId('settings-panel');
    // Arm from the drawer (focus off the field), then go back into the field.
    await panel.locator('h2').click();
    await page.keyboard.press('1');
    await eventually(async () => (await armedOf('primary')) === 'start', 'Primary armed with Settings open');
    await panel.getByTestId('settings-arm-timeout').focus();
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    expect(await armedOf('primary')).toBe('start');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('open-settings');
    await page.keyboard.press('Escape');
    await eventually(async () => (await armedCount()) === 0, 'disarmed by the second Escape');
  });

  it('with Notifications open, E opens End all (modal) over the drawer; confirming stops what is live', async () => {
    await page.getByTestId('open-notifications').click();
    const tray = page.getByTestId('notification-tray');
    await tray.waitFor();
    await page.keyboard.press('e');
    const dialog = page.getByTestId('end-all-dialog');
    await dialog.waitFor();
    // The confirmation is modal: a tile key does nothing behind it.
    await page.keyboard.press('1');
    expect(await armedCount()).toBe(0);
    const since = Date.now();
    await dialog.getByTestId('end-all-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    await waitForState('youtube', 'IDLE');
    expect(requests('StopChannel', 'youtube', since)).toHaveLength(1);
    expect(await tray.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await tray.waitFor({ state: 'detached' });
  });

  it('only one drawer at a time; Help opens and closes with its key', async () => {
    await page.getByTestId('open-readiness').click();
    await page.getByTestId('readiness-panel').waitFor();
    await page.keyboard.press('?');
    await page.getByTestId('help-overlay').waitFor();
    expect(await page.getByTestId('readiness-panel').count()).toBe(0);
    await page.keyboard.press('?');
    await page.getByTestId('help-overlay').waitFor({ state: 'detached' });
  });

  it('screenshots: each drawer open with a tile on air, at 1366x768 and 1920x1080', async () => {
    await page.keyboard.press('2');
    await page.keyboard.press('Enter');
    await waitForState('youtube', 'RUNNING');
    const drawers = [
      ['open-settings', 'settings-panel'],
      ['open-readiness', 'readiness-panel'],
      ['open-notifications', 'notification-tray'],
      ['open-help', 'help-overlay'],
    ] as const;
    for (const viewport of [
      { width: 1366, height: 768 },
      { width: 1920, height: 1080 },
    ]) {
      await page.setViewportSize(viewport);
      for (const [button, testid] of drawers) {
        await page.getByTestId(button).click();
        const drawer = page.getByTestId(testid);
        await drawer.waitFor();
        // Every tile stays on screen, whole, beside the drawer.
        const drawerBox = await drawer.boundingBox();
        for (const box of await page
          .getByTestId('destination-tile')
          .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect))) {
          expect(box.right).toBeLessThanOrEqual(drawerBox?.x ?? 0);
          expect(box.bottom).toBeLessThanOrEqual(viewport.height);
        }
        const shot = `panels-${testid}-${viewport.width}x${viewport.height}.png`;
        await booth.screenshot(shot);
        if (SHOTS) await page.screenshot({ path: `${SHOTS}/${shot}` });
        await page.keyboard.press('Escape');
        await drawer.waitFor({ state: 'detached' });
      }
    }
  });
});
