import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { SimDestinationSeed } from '../src-main/simulator/index';
import {
  eventually,
  nextPaint,
  overlappingStatusCells,
  onOrOffAirCalls,
  recordConsoleCalls,
  startOperatorBooth,
  type BoothHarness,
} from './support/harness';

/**
 * The operator's whole job, from the keyboard, against the simulator: arm, take, on air, end;
 * exactly one request per take however the keys bounce; timeouts, Escape, throttling, failures,
 * a deleted channel, end all with its confirmation, the help and the settings.
 */

let booth: BoothHarness;
let page: Page;

const tile = (id: string): Locator => page.locator(`[data-testid="destination-tile"][data-destination-id="${id}"]`);
const waitForState = (id: string, state: string, timeout = 15_000) =>
  page.waitForSelector(`[data-testid="destination-tile"][data-destination-id="${id}"][data-state="${state}"]`, {
    timeout,
  });
const armedOf = (id: string) => tile(id).getAttribute('data-armed');
const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();

function destination(id: string): SimDestinationSeed {
  const found = booth.simulator.topology.destinations.find((d) => d.id === id);
  if (!found) throw new Error(`the simulated topology has no ${id} destination`);
  return found;
}

/** Requests the simulator received for one channel since a mark (epoch ms). */
function requestsFor(operation: 'StartChannel' | 'StopChannel', id: string, since: number) {
  const channelId = destination(id).channelId;
  return booth.simulator.control
    .requests({ operation })
    .filter((r) => r.at >= since && JSON.stringify(r).includes(channelId));
}

/** Every tile's and every action button's box: nothing may move under the pointer. */
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

/** The key that arms a destination, as its tile shows it. */
const keyOf = async (id: string) => text(tile(id).locator('kbd').first());

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

describe('two-step go-live from the keyboard (web preview, simulation)', () => {
  let initialBoxes = '';

  it('arms YouTube with its digit: ARMED "go live" with a countdown; Enter takes: STARTING, then ON AIR with the on-air timer', async () => {
    initialBoxes = await boxes();
    expect(await keyOf('youtube')).toBe('2');
    const since = Date.now();

    await page.keyboard.press('2');
    await eventually(async () => (await armedOf('youtube')) === 'start', 'YouTube armed');
    const yt = tile('youtube');
    expect(await text(yt.getByTestId('tile-armed'))).toBe('ARMED: GO LIVE');
    expect(await text(yt.getByTestId('tile-countdown'))).toMatch(/^[45]s$/);
    expect(await text(yt.getByTestId('tile-hint'))).toMatch(/now IDLE · Enter = take/);
    expect(await yt.getByTestId('tile-take').isEnabled()).toBe(true);
    expect(await text(yt.getByTestId('tile-arm'))).toBe('CANCEL');
    expect(await text(page.getByTestId('event-text'))).toMatch(
      /YouTube Live armed \(go live\): press Enter within 5 s/,
    );
    // Only one tile is armed, and nothing was sent by arming.
    expect(await page.locator('[data-armed]').count()).toBe(1);
    expect(requestsFor('StartChannel', 'youtube', since)).toHaveLength(0);
    expect(await boxes()).toBe(initialBoxes);
    await booth.screenshot('go-live-armed-1600x900.png');

    await page.keyboard.press('Enter');
    await waitForState('youtube', 'STARTING');
    expect(await armedOf('youtube')).toBeNull();
    expect(await text(yt.getByTestId('tile-state'))).toBe('STARTING');
    await waitForState('youtube', 'RUNNING');
    expect(await text(yt.getByTestId('tile-state'))).toBe('ON AIR');
    const timer = yt.getByTestId('tile-timer');
    const first = await text(timer);
    expect(first).toMatch(/^\d\d:\d\d:\d\d$/);
    await eventually(async () => (await text(timer)) > first, 'the on-air timer to tick', 3_000);

    expect(requestsFor('StartChannel', 'youtube', since)).toHaveLength(1);
    await eventually(async () => (await text(page.getByTestId('live-count'))) === 'LIVE 1/5', 'LIVE 1/5');
    // 6 Mbps video + 128 kbps audio of the YouTube preset.
    expect(await text(page.getByTestId('outbound'))).toBe('OUT 6.1 Mbps');
    await eventually(async () => /^\$\d+\.\d\d/.test(await text(yt.getByTestId('tile-cost'))), 'a cost on the tile');
    expect(await text(page.getByTestId('session-cost'))).toMatch(/^SESSION \$\d+\.\d\d$/);
    expect(await boxes()).toBe(initialBoxes);
    await booth.screenshot('go-live-on-air-1600x900.png');
    expect(await overlappingStatusCells(page)).toEqual([]);
  });

  it('ends YouTube the same way: arm shows "end", Enter sends one stop, back to IDLE', async () => {
    const since = Date.now();
    await page.keyboard.press('2');
    await eventually(async () => (await armedOf('youtube')) === 'stop', 'YouTube armed to end');
    expect(await text(tile('youtube').getByTestId('tile-armed'))).toBe('ARMED: END');
    // The tile is still on air while armed: the tally stays truthful.
    expect(await tile('youtube').getAttribute('data-state')).toBe('RUNNING');
    await booth.screenshot('go-live-armed-end-1600x900.png');
    await page.keyboard.press('Enter');
    await waitForState('youtube', 'STOPPING');
    await waitForState('youtube', 'IDLE');
    expect(requestsFor('StopChannel', 'youtube', since)).toHaveLength(1);
    expect(requestsFor('StartChannel', 'youtube', since)).toHaveLength(0);
  });

  it('hammering the take key (30 presses and a held, auto-repeating Enter) sends exactly ONE StartChannel', async () => {
    const since = Date.now();
    // A bouncing digit (re-arming the same destination is harmless), then a held digit (auto-repeat).
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('2');
    for (let i = 0; i < 5; i += 1) await page.keyboard.down('2');
    await page.keyboard.up('2');
    await eventually(async () => (await armedOf('youtube')) === 'start', 'YouTube armed');
    const hammered = await recordConsoleCalls(page);
    for (let i = 0; i < 30; i += 1) await page.keyboard.press('Enter');
    // A held key: the first down is a press, the others are auto-repeats (event.repeat).
    for (let i = 0; i < 20; i += 1) await page.keyboard.down('Enter');
    await page.keyboard.up('Enter');
    // The window asked the core once; the core sent AWS once (below).
    expect(onOrOffAirCalls(await hammered())).toEqual(['arming.take']);
    await waitForState('youtube', 'RUNNING');
    // More takes once on air: nothing is armed, nothing is sent (ending needs its own arm).
    const calls = await recordConsoleCalls(page);
    for (let i = 0; i < 10; i += 1) await page.keyboard.press('Enter');
    expect(onOrOffAirCalls(await calls())).toEqual([]);
    expect(await text(page.getByTestId('event-text'))).toMatch(/^Nothing is armed/);
    const starts = booth.simulator.control.requests({ operation: 'StartChannel' }).filter((r) => r.at >= since);
    expect(starts).toHaveLength(1);
    expect(requestsFor('StopChannel', 'youtube', since)).toHaveLength(0);
  });

  it('the mouse follows the same two steps: ARM END, then the separate TAKE button; a double click on ARM cancels', async () => {
    const since = Date.now();
    const yt = tile('youtube');
    const before = await boxes();
    // A double click on the arm button arms then cancels: nothing is sent, nothing is armed.
    await yt.getByTestId('tile-arm').dblclick();
    expect(await armedOf('youtube')).toBeNull();
    await yt.getByTestId('tile-arm').click();
    expect(await armedOf('youtube')).toBe('stop');
    expect(await boxes()).toBe(before);
    await yt.getByTestId('tile-take').click({ clickCount: 3 });
    await waitForState('youtube', 'IDLE');
    expect(requestsFor('StopChannel', 'youtube', since)).toHaveLength(1);
  });

  it('an arming that is not taken expires (countdown visible) and nothing is sent', async () => {
    const since = Date.now();
    await page.keyboard.press(await keyOf('twitch'));
    await eventually(async () => (await armedOf('twitch')) === 'start', 'Twitch armed');
    const seen = new Set<string>();
    await eventually(
      async () => {
        for (const left of await tile('twitch').getByTestId('tile-countdown').allTextContents()) seen.add(left.trim());
        return (await armedOf('twitch')) === null;
      },
      'Twitch to disarm by itself',
      8_000,
    );
    expect(seen.size).toBeGreaterThanOrEqual(3); // 5s, 4s, 3s, ...: it counted down
    expect(await text(page.getByTestId('event-text'))).toMatch(/Twitch disarmed .*nothing sent/);
    // A take now finds nothing armed.
    const calls = await recordConsoleCalls(page);
    await page.keyboard.press('Enter');
    expect(onOrOffAirCalls(await calls())).toEqual([]);
    expect(requestsFor('StartChannel', 'twitch', since)).toHaveLength(0);
    expect(await tile('twitch').getAttribute('data-state')).toBe('IDLE');
  });

  it('Escape disarms; a take after it sends nothing', async () => {
    const since = Date.now();
    await page.keyboard.press(await keyOf('custom'));
    await eventually(async () => (await armedOf('custom')) === 'start', 'Custom armed');
    // Arming another replaces it: only one armed at a time.
    await page.keyboard.press(await keyOf('primary'));
    await eventually(async () => (await armedOf('primary')) === 'start', 'Primary armed');
    expect(await armedOf('custom')).toBeNull();
    await page.keyboard.press('Escape');
    await eventually(async () => (await page.locator('[data-armed]').count()) === 0, 'nothing armed');
    const calls = await recordConsoleCalls(page);
    await page.keyboard.press('Enter');
    expect(onOrOffAirCalls(await calls())).toEqual([]);
    expect(booth.simulator.control.requests({ operation: 'StartChannel' }).filter((r) => r.at >= since)).toHaveLength(
      0,
    );
  });

  it('throttling during a start: the tile says it is retrying, then ON AIR; one take, one request from the console', async () => {
    booth.simulator.control.addFault({ service: 'medialive', operation: 'StartChannel', kind: 'throttle', count: 2 });
    // Record every retry line the tile shows, however briefly.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __pending: string[] }).__pending = seen;
      new MutationObserver(() => {
        for (const el of document.querySelectorAll('[data-destination-id="twitch"] [data-testid="tile-pending"]')) {
          const t = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
          if (!seen.includes(t)) seen.push(t);
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.keyboard.press(await keyOf('twitch'));
    await eventually(async () => (await armedOf('twitch')) === 'start', 'Twitch armed');
    await page.keyboard.press('Enter');
    await eventually(
      async () =>
        (await page.evaluate(() => (window as unknown as { __pending: string[] }).__pending)).some((t) =>
          /retrying/i.test(t),
        ),
      'the tile to say it is retrying',
      8_000,
    );
    if ((await tile('twitch').getAttribute('data-pending')) === 'true') await booth.screenshot('go-live-retrying.png');
    const lines = await page.evaluate(() => (window as unknown as { __pending: string[] }).__pending);
    expect(lines.find((t) => /retrying/i.test(t))).toMatch(/^RETRY retrying go live \(attempt [23]\): AWS .+/);
    await waitForState('twitch', 'RUNNING');
    expect(await tile('twitch').getByTestId('tile-pending').count()).toBe(0);
    const starts = booth.simulator.control
      .requests({ operation: 'StartChannel' })
      .filter((r) => JSON.stringify(r).includes(destination('twitch').channelId));
    // Two throttled, one accepted: the retries are main's, bounded, and the take was one.
    expect(starts.map((r) => r.status).slice(-3)).toEqual([429, 429, 200]);
    // Off air again for the next tests.
    await page.keyboard.press(await keyOf('twitch'));
    await page.keyboard.press('Enter');
    await waitForState('twitch', 'IDLE');
  });

  it('five server errors in a row: a clear error with AWS reason on the tile, the channel still IDLE in the simulator', async () => {
    booth.simulator.control.addFault({
      service: 'medialive',
      operation: 'StartChannel',
      kind: 'server-error',
      count: 5,
    });
    await page.keyboard.press(await keyOf('custom'));
    await eventually(async () => (await armedOf('custom')) === 'start', 'Custom armed');
    await page.keyboard.press('Enter');
    const failed = tile('custom').getByTestId('tile-failure');
    await failed.waitFor({ timeout: 20_000 });
    expect(await text(failed)).toMatch(/^FAILED DID NOT GO LIVE — AWS service error \d\d:\d\d:\d\d DETAILS ›$/);
    expect(await text(tile('custom').getByTestId('tile-arm'))).toBe('RETRY');
    // The failure is shown once the retries are spent: every StartChannel AWS saw was refused, none is still to come.
    const starts = booth.simulator.control
      .requests({ operation: 'StartChannel' })
      .filter((r) => JSON.stringify(r).includes(destination('custom').channelId));
    expect(starts.map((r) => r.status).slice(-5)).toEqual([500, 500, 500, 500, 500]);
    expect(booth.simulator.control.channelState(destination('custom').channelId)).toBe('IDLE');
    expect(await tile('custom').getAttribute('data-state')).toBe('IDLE');
    await booth.screenshot('go-live-start-failed.png');
  });

  it('a deleted channel: its tile says so and cannot be armed; the others keep working', async () => {
    booth.simulator.control.deleteChannel(destination('linkedin').channelId);
    await waitForState('linkedin', 'MISSING');
    const li = tile('linkedin');
    expect(await text(li.getByTestId('tile-problem'))).toMatch(/does not exist/);
    expect(await li.getByTestId('tile-arm').isDisabled()).toBe(true);
    expect(await text(li.getByTestId('tile-arm'))).toBe("CAN'T ARM · no channel in AWS");
    await page.keyboard.press(await keyOf('linkedin'));
    expect(await text(page.getByTestId('event-text'))).toMatch(/LinkedIn Live cannot be armed: .*does not exist/);
    expect(await armedOf('linkedin')).toBeNull();

    // The others: Primary and Custom go live from the keyboard.
    await page.keyboard.press(await keyOf('primary'));
    await page.keyboard.press('Enter');
    await page.keyboard.press(await keyOf('custom'));
    await eventually(async () => (await armedOf('custom')) === 'start', 'Custom armed');
    // The earlier failure has left the tile when it was armed again.
    expect(await tile('custom').getByTestId('tile-failure').count()).toBe(0);
    await page.keyboard.press('Enter');
    await waitForState('primary', 'RUNNING');
    await waitForState('custom', 'RUNNING');
    expect(await li.getAttribute('data-state')).toBe('MISSING');
  });

  it('"End all live" asks first, naming what it will end; Enter cancels; the confirm click stops every live channel', async () => {
    const since = Date.now();
    await page.keyboard.press('e');
    const dialog = page.getByTestId('end-all-dialog');
    await dialog.waitFor();
    expect(await text(dialog.getByTestId('end-all-targets'))).toMatch(/Primary HLS.*ON AIR.*Custom RTMP.*ON AIR/);
    expect(await dialog.getByTestId('end-all-targets').locator('li').count()).toBe(2);
    expect(await text(dialog.getByTestId('end-all-confirm'))).toBe('END 2 LIVE');
    // Focus is on Cancel: Enter (the take key, maybe still held) cancels, never confirms.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('end-all-cancel');
    // Digits and the take key do nothing behind the dialog.
    await page.keyboard.press('2');
    expect(await page.locator('[data-armed]').count()).toBe(0);
    // Focus stays inside: Tab cycles between Cancel and Confirm.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('end-all-cancel');
    await booth.screenshot('end-all-dialog.png');
    const calls = await recordConsoleCalls(page);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    expect(onOrOffAirCalls(await calls())).toEqual([]);
    expect(booth.simulator.control.requests({ operation: 'StopChannel' }).filter((r) => r.at >= since)).toHaveLength(0);

    // Escape cancels too.
    await page.getByTestId('open-end-all').click();
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // Confirm is a deliberate click on its own button.
    await page.getByTestId('open-end-all').click();
    await dialog.getByTestId('end-all-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    await waitForState('primary', 'IDLE');
    await waitForState('custom', 'IDLE');
    const stops = booth.simulator.control.requests({ operation: 'StopChannel' }).filter((r) => r.at >= since);
    expect(stops).toHaveLength(2);
    expect(await text(page.getByTestId('live-count'))).toBe('LIVE 0/5');
  });

  it('"?" shows every shortcut from the settings, and closes again', async () => {
    await page.keyboard.press('?');
    const help = page.getByTestId('help-overlay');
    await help.waitFor();
    const body = await text(help);
    for (const word of [
      'Enter',
      'Esc',
      'End all live',
      'Global shortcuts',
      'YouTube Live',
      'Destinations (arm)',
      '5 s',
    ])
      expect(body).toContain(word);
    expect(await help.getByTestId('help-destination').count()).toBe(5);
    await booth.screenshot('help-overlay.png');
    await page.keyboard.press('?');
    await help.waitFor({ state: 'detached' });
  });

  it('settings: change a key and the arm timeout; main refuses what is out of range, with its reason', async () => {
    await page.getByTestId('open-settings').click();
    const panel = page.getByTestId('settings-panel');
    await panel.waitFor();
    // Digits typed in a field are not shortcuts.
    const timeout = panel.getByTestId('settings-arm-timeout');
    await timeout.fill('1');
    expect(await page.locator('[data-armed]').count()).toBe(0);
    await panel.getByTestId('settings-save').click();
    const error = panel.getByTestId('settings-error');
    await error.waitFor();
    expect(await text(error)).toMatch(/^Not saved: .+/);
    await booth.screenshot('settings-error.png');

    await timeout.fill('3');
    await panel.getByTestId('settings-dest-key-youtube').click();
    await page.keyboard.press('y');
    await panel.getByTestId('settings-save').click();
    await panel.getByTestId('settings-saved').waitFor();
    await booth.screenshot('settings-panel.png');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });

    // The new key arms YouTube, shown on its tile; the freed digit 2 goes to the next tile.
    await eventually(async () => (await keyOf('youtube')) === 'Y', 'Y on the YouTube tile');
    await page.keyboard.press('y');
    await eventually(async () => (await armedOf('youtube')) === 'start', 'YouTube armed by Y');
    expect(await text(tile('youtube').getByTestId('tile-countdown'))).toMatch(/^[23]s$/);
    await page.keyboard.press('Escape');
  });

  it('notifications: the tray lists every outcome with AWS reasons', async () => {
    await page.getByTestId('open-notifications').click();
    const tray = page.getByTestId('notification-tray');
    await tray.waitFor();
    expect(await tray.getByTestId('notification').count()).toBeGreaterThan(3);
    expect(await tray.locator('[data-testid="notification"][data-level="error"]').count()).toBeGreaterThan(0);
    await booth.screenshot('notifications.png');
    await page.keyboard.press('Escape');
    await tray.waitFor({ state: 'detached' });
  });

  it('global shortcuts (Electron globalShortcut, delivered as events) behave like the keys: still two steps, one request', async () => {
    const since = Date.now();
    const press = (payload: { action: 'arm'; destinationId: string } | { action: 'take' } | { action: 'disarm' }) =>
      booth.core.router.publish('shortcuts.global', payload);
    press({ action: 'take' }); // nothing armed: nothing happens
    press({ action: 'arm', destinationId: 'primary' });
    await eventually(async () => (await armedOf('primary')) === 'start', 'Primary armed from a global shortcut');
    press({ action: 'disarm' });
    await eventually(async () => (await page.locator('[data-armed]').count()) === 0, 'disarmed from a global shortcut');
    press({ action: 'arm', destinationId: 'primary' });
    await eventually(async () => (await armedOf('primary')) === 'start', 'Primary armed again');
    // A held global accelerator repeats: only the first take counts.
    for (let i = 0; i < 10; i += 1) press({ action: 'take' });
    await waitForState('primary', 'RUNNING');
    expect(requestsFor('StartChannel', 'primary', since)).toHaveLength(1);
    press({ action: 'arm', destinationId: 'primary' });
    await eventually(async () => (await armedOf('primary')) === 'stop', 'Primary armed to end');
    press({ action: 'take' });
    await waitForState('primary', 'IDLE');
    expect(requestsFor('StopChannel', 'primary', since)).toHaveLength(1);
  });

  it('reads well on a 1366x768 screen: armed and on air', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await nextPaint(page);
    await page.keyboard.press(await keyOf('twitch'));
    await eventually(async () => (await armedOf('twitch')) === 'start', 'Twitch armed');
    await booth.screenshot('go-live-armed-1366x768.png');
    await page.keyboard.press('Enter');
    await waitForState('twitch', 'RUNNING');
    // On air for a second at least, so the picture shows a running timer.
    await eventually(
      async () => (await text(tile('twitch').getByTestId('tile-timer'))) > '00:00:00',
      'the on-air timer to tick',
    );
    await booth.screenshot('go-live-on-air-1366x768.png');
    const overflow = await page.evaluate(
      () =>
        document.documentElement.scrollWidth > window.innerWidth ||
        document.querySelector('header')!.scrollWidth > window.innerWidth,
    );
    expect(overflow).toBe(false);
    await page.keyboard.press(await keyOf('twitch'));
    await page.keyboard.press('Enter');
    await waitForState('twitch', 'IDLE');
  });
});
