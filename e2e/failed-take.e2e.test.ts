import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { eventually, startOperatorBooth, type BoothHarness } from './support/harness';

/**
 * A failed go-live as the operator meets it, against the simulator's fault injection: MediaLive answers StartChannel
 * with 503 until the console gives up. The tile keeps its last confirmed state and says in one line what did not
 * happen; the details are one click away in the tray; RETRY only arms (the take sends exactly one request); the
 * acknowledge key and the ACK button clear the ring. Screenshots at 1366x768 and 1920x1080.
 */

let booth: BoothHarness;
let page: Page;
const SHOTS = process.env['LUNORA_SHOTS_DIR'];

const tile = (id: string): Locator => page.locator(`[data-testid="destination-tile"][data-destination-id="${id}"]`);
/** What the operator sees (innerText: hidden spans left out). */
const text = async (locator: Locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim();
const waitForState = (id: string, state: string, timeout = 15_000) =>
  page.waitForSelector(`[data-testid="destination-tile"][data-destination-id="${id}"][data-state="${state}"]`, {
    timeout,
  });

function channelOf(id: string): string {
  const found = booth.simulator.topology.destinations.find((d) => d.id === id);
  if (!found) throw new Error(`no ${id} destination`);
  return found.channelId;
}

const requestsFor = (operation: 'StartChannel' | 'StopChannel', id: string) =>
  booth.simulator.control.requests({ operation }).filter((r) => JSON.stringify(r).includes(channelOf(id)));

/** Every tile's and every action button's box: nothing may move under the pointer when a take fails. */
async function boxes(): Promise<string> {
  return page
    .locator('[data-testid="destination-tile"], [data-testid="tile-arm"], [data-testid="tile-take"]')
    .evaluateAll((elements) =>
      elements
        .map((el) => {
          const r = el.getBoundingClientRect();
          return `${r.x},${r.y},${r.width},${r.height}`;
        })
        .join(' '),
    );
}

/** The same screen at both sizes; copied to LUNORA_SHOTS_DIR when set (for review outside the repo). */
async function shoot(name: string) {
  for (const size of [
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(size);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const file = await booth.screenshot(`failure-${name}-${size.width}x${size.height}.png`);
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      copyFileSync(file, path.join(SHOTS, path.basename(file)));
    }
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

beforeAll(async () => {
  booth = await startOperatorBooth({ viewport: { width: 1366, height: 768 } });
  page = booth.page;
});

afterAll(async () => {
  await booth?.close();
});

describe('a failed go-live, in one line (web preview, simulation)', () => {
  it('Enter with nothing armed says so and sends nothing', async () => {
    await page.keyboard.press('Enter');
    await eventually(async () => /^Nothing is armed/.test(await text(page.getByTestId('event-text'))), 'the message');
    expect(booth.simulator.control.requests({ operation: 'StartChannel' })).toHaveLength(0);
    expect(booth.simulator.control.requests({ operation: 'StopChannel' })).toHaveLength(0);
  });

  it('503s until the console gives up: one headline with seconds, the state still IDLE, a dashed error ring', async () => {
    const before = await boxes();
    booth.simulator.control.addFault({
      service: 'medialive',
      operation: 'StartChannel',
      kind: 'server-error',
      status: 503,
      count: 5,
    });
    await page.keyboard.press('2');
    await eventually(async () => (await tile('youtube').getAttribute('data-armed')) === 'start', 'YouTube armed');
    await page.keyboard.press('Enter');
    const yt = tile('youtube');
    await yt.getByTestId('tile-failure').waitFor({ timeout: 25_000 });

    expect(await text(yt.getByTestId('tile-failure-headline'))).toBe('DID NOT GO LIVE — AWS service error');
    expect(await text(yt.getByTestId('tile-failure'))).toMatch(
      /^FAILED DID NOT GO LIVE — AWS service error \d\d:\d\d:\d\d DETAILS ›$/,
    );
    // The tally never lies: the last confirmed state, IDLE, with the ring of a failure (not the on-air red).
    expect(await yt.getAttribute('data-state')).toBe('IDLE');
    expect(await yt.getAttribute('data-failed')).toBe('start');
    expect(await yt.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('dashed');
    // No AWS jargon on the tile: no exception name, no ARN, no "retries".
    expect(await text(yt)).not.toMatch(/Exception|arn:|retries with backoff|503/);
    expect(await text(yt.getByTestId('tile-arm'))).toBe('RETRY');
    expect(await text(yt.getByTestId('tile-acknowledge'))).toBe('ACK A');
    expect(requestsFor('StartChannel', 'youtube').map((r) => r.status)).toEqual([503, 503, 503, 503, 503]);
    expect(booth.simulator.control.channelState(channelOf('youtube'))).toBe('IDLE');
    expect(await boxes()).toBe(before);
    await shoot('start-failed');
  });

  it('the details open from the tile in one click: the tray picks out what AWS said, the request id, the tries', async () => {
    await tile('youtube').getByTestId('tile-failure').click();
    const tray = page.getByTestId('notification-tray');
    await tray.waitFor();
    const focused = tray.locator('[data-testid="notification"][data-focused="true"]');
    await focused.waitFor();
    const words = await text(focused);
    expect(words).toContain('YouTube Live: DID NOT GO LIVE — AWS service error');
    expect(words).toMatch(/AWS kept answering 503 \(service unavailable\); gave up after 5 tries at \d\d:\d\d:\d\d\./);
    expect(words).toMatch(/AWS said \(HTTP 503\): ".+"\. Request id: [0-9a-f-]{36}\. Attempts: 5\./);
    expect(words).not.toMatch(/retries with backoff/);
    // Errors in the error colour, not the on-air red.
    const border = await focused.evaluate((el) => getComputedStyle(el).borderLeftColor);
    expect(border).toBe('rgb(217, 58, 208)');
    await shoot('tray-error');
    await page.keyboard.press('Escape');
    await tray.waitFor({ state: 'detached' });
    // Focus went back to the failure line, without a ring (it was clicked with the mouse).
    const ring = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? `${el.dataset['testid'] ?? el.tagName} ${getComputedStyle(el).outlineStyle}` : 'none';
    });
    expect(ring).toBe('tile-failure none');
  });

  it('the acknowledge key clears the ring; the state stays IDLE and the tray keeps the failure', async () => {
    await page.keyboard.press('a');
    const yt = tile('youtube');
    await eventually(async () => (await yt.getAttribute('data-failed')) === null, 'the failure acknowledged');
    expect(await yt.getByTestId('tile-failure').count()).toBe(0);
    expect(await yt.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('none');
    expect(await yt.getAttribute('data-state')).toBe('IDLE');
    expect(await text(yt.getByTestId('tile-arm'))).toBe('ARM GO LIVE');
    await shoot('start-failed-acknowledged');
  });

  it('RETRY only arms; the take then sends exactly one StartChannel and the channel goes live', async () => {
    booth.simulator.control.addFault({
      service: 'medialive',
      operation: 'StartChannel',
      kind: 'server-error',
      status: 503,
      count: 5,
    });
    await page.keyboard.press('3');
    await page.keyboard.press('Enter');
    const twitch = tile('twitch');
    await twitch.getByTestId('tile-failure').waitFor({ timeout: 25_000 });
    const sent = requestsFor('StartChannel', 'twitch').length;

    // A double click on RETRY: armed, nothing sent.
    await twitch.getByTestId('tile-arm').click();
    expect(await twitch.getAttribute('data-armed')).toBe('start');
    expect(await twitch.getByTestId('tile-failure').count()).toBe(0);
    expect(requestsFor('StartChannel', 'twitch')).toHaveLength(sent);
    // The take: one request, accepted.
    await twitch.getByTestId('tile-take').click();
    await page.keyboard.press('Enter');
    await waitForState('twitch', 'STARTING');
    expect(
      requestsFor('StartChannel', 'twitch')
        .slice(sent)
        .map((r) => r.status),
    ).toEqual([200]);
    await waitForState('twitch', 'RUNNING');
    // Success clears the failure everywhere.
    expect(await twitch.getAttribute('data-failed')).toBeNull();
  });

  it('the end take is white TAKE OFF AIR, never the amber go-live TAKE', async () => {
    await page.keyboard.press('3');
    const twitch = tile('twitch');
    await eventually(async () => (await twitch.getAttribute('data-armed')) === 'stop', 'Twitch armed to end');
    const take = twitch.getByTestId('tile-take');
    expect(await text(take)).toBe('TAKE OFF AIR');
    expect(await take.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(230, 234, 238)');
    await shoot('end-take');
    // The amber TAKE of a go-live, for comparison, has the same box.
    const box = await take.boundingBox();
    await page.keyboard.press('Escape');
    await page.keyboard.press('1');
    const primaryTake = tile('primary').getByTestId('tile-take');
    expect(await text(primaryTake)).toBe('TAKE');
    expect(await primaryTake.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(242, 165, 22)');
    await page.keyboard.press('Escape');
    expect(box?.width).toBe((await twitch.getByTestId('tile-take').boundingBox())?.width);
  });

  it("a STOPPING tile says why it can't be armed; a failed end says DID NOT STOP and ACK clears it by click", async () => {
    booth.simulator.control.setTimings({ channelStopMs: 6_000 });
    await page.keyboard.press('3');
    await page.keyboard.press('Enter');
    await waitForState('twitch', 'STOPPING');
    const twitch = tile('twitch');
    // At 1366 the reason alone shows on the disabled button; the tooltip says CAN'T ARM and the whole reason.
    expect(await text(twitch.getByTestId('tile-arm'))).toBe('stopping — wait for IDLE');
    expect(await twitch.getByTestId('tile-arm').getAttribute('title')).toMatch(/^Cannot be armed: it is stopping/);
    expect(await twitch.getByTestId('tile-arm').isDisabled()).toBe(true);
    await shoot('stopping');
    booth.simulator.control.setTimings({ channelStopMs: 1_200 });
    await waitForState('twitch', 'IDLE');

    // A refused end: RUNNING stays RUNNING, the tile says it did not stop.
    await page.keyboard.press('2');
    await page.keyboard.press('Enter');
    await waitForState('youtube', 'RUNNING');
    booth.simulator.control.addFault({
      service: 'medialive',
      operation: 'StopChannel',
      kind: 'access-denied',
      count: 1,
    });
    await page.keyboard.press('2');
    await page.keyboard.press('Enter');
    const yt = tile('youtube');
    await yt.getByTestId('tile-failure').waitFor({ timeout: 15_000 });
    expect(await text(yt.getByTestId('tile-failure-headline'))).toBe('DID NOT STOP — permission denied');
    expect(await yt.getAttribute('data-state')).toBe('RUNNING');
    await yt.getByTestId('tile-acknowledge').click();
    await eventually(async () => (await yt.getAttribute('data-failed')) === null, 'the failed end acknowledged');
    // Off air for good.
    await page.keyboard.press('2');
    await page.keyboard.press('Enter');
    await waitForState('youtube', 'IDLE');
    await booth.assertNoPageProblems();
  });

  it('the Notifications button keeps its width whether or not its badge shows a count', async () => {
    const button = page.getByTestId('open-notifications');
    const withCount = (await button.boundingBox())?.width;
    expect(Number(await text(page.getByTestId('notifications-badge')))).toBeGreaterThan(0);
    await button.click();
    await page.getByTestId('notification-tray').waitFor();
    // Seen: the count is hidden, its room kept.
    await eventually(async () => (await page.getByTestId('notifications-badge').textContent())?.trim() === '0', 'seen');
    expect((await button.boundingBox())?.width).toBe(withCount);
    await page.keyboard.press('Escape');
  });
});
