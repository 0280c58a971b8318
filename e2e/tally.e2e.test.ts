import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { eventually, startOperatorBooth, type BoothHarness } from './support/harness';

/**
 * The tally never lies, against the simulator: through refused credentials the tiles keep their last confirmed
 * state (on air), marked unconfirmed, never IDLE and never "LIVE 0"; End all still stops what may be on air while
 * MediaLive throttles the reads; a channel that fails behind the console's back raises an alarm until acknowledged.
 *
 * H5_SHOTS=<dir> also saves screenshots of those states at 1366x768 and 1920x1080 there (not committed).
 */

let booth: BoothHarness;
let page: Page;
const operator = { role: 'operator' } as const;
const SHOTS = process.env['H5_SHOTS'] ?? null;

const tile = (id: string): Locator => page.locator(`[data-testid="destination-tile"][data-destination-id="${id}"]`);
const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
const tileSelector = (id: string, attrs: string) =>
  `[data-testid="destination-tile"][data-destination-id="${id}"]${attrs}`;

function channelOf(id: string): string {
  const found = booth.simulator.topology.destinations.find((d) => d.id === id);
  if (!found) throw new Error(`the simulated topology has no ${id} destination`);
  return found.channelId;
}

/** Starts channels as this console does (through the router: planned, no alarm) and waits for ON AIR on the tiles. */
async function goLive(...ids: string[]) {
  for (const id of ids) {
    const result = await booth.core.router.invoke('channels.start', { destinationId: id }, operator);
    expect(result.ok).toBe(true);
  }
  for (const id of ids) await page.waitForSelector(tileSelector(id, '[data-state="RUNNING"]'), { timeout: 15_000 });
}

async function endEverything() {
  booth.simulator.control.clearFaults();
  await booth.core.router.invoke('channels.endAll', { confirm: true }, operator);
  await eventually(
    async () => (await page.locator('[data-testid="destination-tile"][data-state="IDLE"]').count()) === 5,
    'every tile IDLE again',
    20_000,
  );
}

async function shoot(name: string) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  for (const size of [
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(size);
    // Two frames: the grid measures itself, then lays the tiles out.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.screenshot({ path: path.join(SHOTS, `${name}-${size.width}x${size.height}.png`) });
  }
  await page.setViewportSize({ width: 1600, height: 900 });
}

beforeAll(async () => {
  booth = await startOperatorBooth();
  page = booth.page;
});

afterEach(async () => {
  booth.simulator.control.clearFaults();
  await booth.assertNoPageProblems();
});

afterAll(async () => {
  await booth?.close();
});

describe('the tally never lies (web preview, simulation)', () => {
  it('through ~15 s of refused credentials, two live tiles read ON AIR, unconfirmed, never IDLE nor LIVE 0; the on-air start time survives', async () => {
    await goLive('youtube', 'twitch');
    const sinceBefore = await text(tile('youtube').getByTestId('tile-hint'));
    expect(sinceBefore).toMatch(/^on air since \d\d:\d\d:\d\d$/);
    const twitchSinceBefore = await text(tile('twitch').getByTestId('tile-hint'));

    // A GO LIVE armed when the outage starts is disarmed as soon as the tile is unconfirmed, not left to the take.
    await page.keyboard.press('1');
    expect(await tile('primary').getAttribute('data-armed')).toBe('start');
    const fault = booth.simulator.control.addFault({
      service: 'medialive',
      operation: 'ListChannels',
      kind: 'expired-token',
    });
    for (const id of ['youtube', 'twitch'])
      await page.waitForSelector(tileSelector(id, '[data-unconfirmed="true"]'), { timeout: 10_000 });
    await page.waitForSelector(tileSelector('primary', '[data-unconfirmed="true"]:not([data-armed])'), {
      timeout: 2_000,
    });
    const banner = page.getByTestId('unconfirmed-banner');
    expect(await text(banner.getByTestId('unconfirmed-title'))).toMatch(
      /^Channel states unconfirmed since \d\d:\d\d:\d\d: 5 tiles show their last confirmed state “\?”, 2 last seen on air$/,
    );
    expect(await text(banner.getByTestId('unconfirmed-reason'))).toMatch(/credentials have expired/);
    expect(await text(banner.getByTestId('unconfirmed-advice'))).toMatch(/Press Sign in/);
    expect(await text(banner.getByTestId('unconfirmed-ending'))).toBe('ENDING STAYS POSSIBLE');
    expect(await banner.getByTestId('unconfirmed-ending').getAttribute('title')).toMatch(/END on a tile and End all/);
    await shoot('unconfirmed');

    // Sampled all through the outage: what an operator glancing at any moment would read.
    const outageStart = Date.now();
    let samples = 0;
    while (Date.now() - outageStart < 15_000) {
      const seen = await page.evaluate(() => {
        const read = (id: string) => {
          const el = document.querySelector<HTMLElement>(
            `[data-testid="destination-tile"][data-destination-id="${id}"]`,
          );
          return {
            state: el?.dataset['state'],
            unconfirmed: el?.dataset['unconfirmed'],
            label: el?.querySelector('[data-testid="tile-state"]')?.textContent?.trim(),
            hint: el?.querySelector('[data-testid="tile-hint"]')?.textContent?.trim(),
            confirmed: el?.querySelector('[data-testid="tile-unconfirmed"]')?.textContent?.replace(/\s+/g, ' ').trim(),
            timer: el?.querySelector('[data-testid="tile-timer"]')?.textContent?.trim(),
          };
        };
        return {
          youtube: read('youtube'),
          twitch: read('twitch'),
          live: document.querySelector('[data-testid="live-count"]')?.textContent?.replace(/\s+/g, ' ').trim(),
          out: document.querySelector<HTMLElement>('[data-testid="outbound"]')?.dataset['estimated'],
        };
      });
      for (const t of [seen.youtube, seen.twitch]) {
        expect(t).toMatchObject({ state: 'RUNNING', unconfirmed: 'true', label: 'ON AIR?' });
        expect(t.confirmed).toMatch(/^UNCONFIRMED last confirmed \d\d:\d\d:\d\d$/);
        expect(t.timer).toMatch(/^\d\d:\d\d:\d\d\?$/);
      }
      // The on-air start time is the one AWS confirmed, all through the outage.
      expect([seen.youtube.hint, seen.twitch.hint]).toEqual([sinceBefore, twitchSinceBefore]);
      expect(seen.live).toBe('LIVE ≥2/5 unconfirmed');
      expect(seen.out).toBe('true');
      samples += 1;
    }
    expect(samples).toBeGreaterThan(20);
    // Going live is refused while unconfirmed, with the reason; ending may be armed.
    await page.keyboard.press('1');
    expect(await tile('primary').getAttribute('data-armed')).toBeNull();
    expect(await tile('primary').getByTestId('tile-arm').getAttribute('title')).toMatch(
      /^Cannot be armed: its state cannot be confirmed/,
    );

    booth.simulator.control.removeFault(fault.id);
    for (const id of ['youtube', 'twitch'])
      await page.waitForSelector(tileSelector(id, ':not([data-unconfirmed])[data-state="RUNNING"]'), {
        timeout: 10_000,
      });
    expect(await page.getByTestId('unconfirmed-banner').count()).toBe(0);
    expect(await text(tile('youtube').getByTestId('tile-hint'))).toBe(sinceBefore);
    expect(await text(tile('twitch').getByTestId('tile-hint'))).toBe(twitchSinceBefore);
    expect(await text(page.getByTestId('live-count'))).toBe('LIVE 2/5');
    // AWS confirmed them still running: nothing unplanned happened, no alarm.
    expect(await page.locator('[data-testid="destination-tile"][data-alarm]').count()).toBe(0);
    await endEverything();
  }, 90_000);

  it('with ListChannels throttled, End all from the keyboard (E, then confirm) stops both unconfirmed live channels', async () => {
    await goLive('youtube', 'primary');
    booth.simulator.control.addFault({ service: 'medialive', operation: 'ListChannels', kind: 'throttle' });
    for (const id of ['youtube', 'primary'])
      await page.waitForSelector(tileSelector(id, '[data-unconfirmed="true"]'), { timeout: 10_000 });
    const mark = Date.now();

    await page.keyboard.press('e');
    const dialog = page.getByTestId('end-all-dialog');
    await dialog.waitFor();
    // Every channel it will stop is listed; the unconfirmed ones say so (all five are unconfirmed: each may be on air).
    const rows = dialog.locator('[data-testid="end-all-targets"] li');
    expect(await rows.count()).toBe(5);
    expect(await dialog.locator('li[data-destination-id="youtube"][data-unconfirmed="true"]').count()).toBe(1);
    expect(await text(dialog.locator('li[data-destination-id="youtube"] .state'))).toBe('ON AIR?');
    expect(await text(dialog.getByTestId('end-all-unconfirmed-note'))).toMatch(/5 of them are unconfirmed/);
    await shoot('end-all');
    const confirm = dialog.getByTestId('end-all-confirm');
    await expect.poll(() => confirm.isEnabled()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await confirm.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });

    const stopped = () =>
      booth.simulator.control
        .requests({ operation: 'StopChannel' })
        .filter((r) => r.at >= mark)
        .map((r) => JSON.stringify(r));
    await expect
      .poll(() => ['youtube', 'primary'].map((id) => stopped().some((r) => r.includes(channelOf(id)))), {
        timeout: 10_000,
      })
      .toEqual([true, true]);
    booth.simulator.control.clearFaults();
    for (const id of ['youtube', 'primary'])
      await page.waitForSelector(tileSelector(id, ':not([data-unconfirmed])[data-state="IDLE"]'), { timeout: 15_000 });
    // The console's own stops are planned: no alarm.
    expect(await page.locator('[data-testid="destination-tile"][data-alarm]').count()).toBe(0);
  }, 60_000);

  it('a channel failed behind the console raises an alarm in words on its tile until acknowledged (A); then IDLE', async () => {
    await goLive('linkedin');
    booth.simulator.control.failChannel(channelOf('linkedin'), { recover: false, afterMs: 3_000 });
    // RECOVERING first: still on air (red tally), amber alarm.
    await page.waitForSelector(tileSelector('linkedin', '[data-state="RECOVERING"][data-alarm="recovering"]'), {
      timeout: 10_000,
    });
    expect(await tile('linkedin').getAttribute('data-tone')).toBe('live');
    expect(await text(tile('linkedin').getByTestId('tile-alarm-headline'))).toMatch(
      /^RECOVERING since \d\d:\d\d:\d\d$/,
    );
    await shoot('recovering');

    await page.waitForSelector(tileSelector('linkedin', '[data-state="IDLE"][data-alarm="dropped"]'), {
      timeout: 10_000,
    });
    const alarm = tile('linkedin').getByTestId('tile-alarm');
    expect(await text(alarm.getByTestId('tile-alarm-headline'))).toMatch(/^DROPPED \d\d:\d\d:\d\d after 00:00:\d\d$/);
    expect(await text(alarm)).toMatch(/went off air without a stop from this console/);
    await shoot('alarm');
    // Latched: still there polls later.
    await expect
      .poll(async () => booth.simulator.control.requests({ operation: 'ListChannels' }).length, { timeout: 5_000 })
      .toBeGreaterThan(booth.simulator.control.requests({ operation: 'ListChannels' }).length + 3);
    expect(await tile('linkedin').getAttribute('data-alarm')).toBe('dropped');
    expect(await tile('linkedin').getByTestId('tile-acknowledge').isVisible()).toBe(true);

    // In the tray too, in words (and as a desktop alert in the app: kind 'alert').
    await page.getByTestId('open-notifications').click();
    await expect
      .poll(async () => (await page.getByTestId('notification').allTextContents()).join(' | '))
      .toMatch(/LinkedIn Live DROPPED off air after 00:00:\d\d on air/);
    await page.keyboard.press('Escape');
    await page.getByTestId('notification').first().waitFor({ state: 'detached' });

    await page.keyboard.press('a');
    await page.waitForSelector(tileSelector('linkedin', ':not([data-alarm])'), { timeout: 5_000 });
    expect(await tile('linkedin').getByTestId('tile-alarm').count()).toBe(0);
    expect(await tile('linkedin').getByTestId('tile-acknowledge').count()).toBe(0);
    expect(await tile('linkedin').getAttribute('data-state')).toBe('IDLE');
    expect(await text(tile('linkedin').getByTestId('tile-state'))).toBe('IDLE');
  }, 60_000);

  it("the window's link to its core lost: every tile reads unconfirmed since then, arming refused with the reason; back when the link is", async () => {
    await goLive('youtube');
    // A second operator window whose socket the test can cut (and keep cut) between the page and the core.
    const context = await booth.browser.newContext({ viewport: { width: 1600, height: 900 }, colorScheme: 'dark' });
    let cut = false;
    const open: { close: () => Promise<void> }[] = [];
    await context.routeWebSocket(/.*/, (ws) => {
      if (cut) return void ws.close();
      ws.connectToServer();
      open.push(ws);
    });
    const second = await context.newPage();
    const on = (id: string, attrs: string) => `[data-testid="destination-tile"][data-destination-id="${id}"]${attrs}`;
    try {
      await second.goto(booth.preview.operatorUrl);
      await second.waitForSelector(on('youtube', '[data-state="RUNNING"]:not([data-unconfirmed])'));
      cut = true;
      for (const ws of open.splice(0)) await ws.close();
      await second.waitForSelector(on('youtube', '[data-state="RUNNING"][data-unconfirmed="true"]'), {
        timeout: 5_000,
      });
      expect(await second.locator('[data-testid="destination-tile"][data-unconfirmed="true"]').count()).toBe(5);
      const banner = second.getByTestId('unconfirmed-banner');
      expect(await banner.getAttribute('data-link-down')).toBe('true');
      expect(await text(banner.getByTestId('unconfirmed-title'))).toMatch(/^Link to the console core lost since/);
      expect(await text(banner.getByTestId('unconfirmed-ending'))).toBe('NOTHING CAN BE SENT');
      expect(await second.locator('[data-testid="source-card"][data-unconfirmed="true"]').count()).toBe(2);
      await second.keyboard.press('2');
      expect(await second.locator(on('youtube', '')).getAttribute('data-armed')).toBeNull();
      expect(await second.locator(on('youtube', ' [data-testid="tile-arm"]')).getAttribute('title')).toBe(
        "Cannot be armed: the console's link to its core is down",
      );
      if (SHOTS) {
        for (const size of [
          { width: 1366, height: 768 },
          { width: 1920, height: 1080 },
        ]) {
          await second.setViewportSize(size);
          await second.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
          await second.screenshot({ path: path.join(SHOTS, `link-down-${size.width}x${size.height}.png`) });
        }
      }
      cut = false;
      await second.waitForSelector(on('youtube', '[data-state="RUNNING"]:not([data-unconfirmed])'), {
        timeout: 15_000,
      });
      expect(await second.getByTestId('unconfirmed-banner').count()).toBe(0);
    } finally {
      await context.close();
    }
    await endEverything();
  }, 60_000);
});
