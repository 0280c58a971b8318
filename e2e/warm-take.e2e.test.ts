import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { IncidentEntry } from '../shared/domain/incident';
import { eventually, startBooth, type BoothHarness } from './support/harness';
import type { ShowSnapshot } from '../shared/domain/show-time';

/**
 * Warm standby in Chromium against the simulator: YouTube standby on its slate (STANDBY with its cost), the take as
 * one BatchUpdateSchedule (no StartChannel), ON AIR when the simulator reports the live attachment, back to slate,
 * stop; LinkedIn (deployed without a slate) goes live cold beside it; a refused switch; screenshots at 1366x768 and
 * 1920x1080.
 */

let booth: BoothHarness;
let page: Page;

const tile = (id: string): Locator => page.locator(`[data-testid="destination-tile"][data-destination-id="${id}"]`);
const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
const channelOf = (id: string) => booth.simulator.topology.destinations.find((d) => d.id === id)!.channelId;
const writes = (id: string, since: number) =>
  booth.simulator.control
    .requests({ service: 'medialive' })
    .filter((r) => r.at >= since && r.params['channelId'] === channelOf(id))
    .filter((r) => ['StartChannel', 'StopChannel', 'BatchUpdateSchedule'].includes(r.operation))
    .map((r) => r.operation);
const warmOf = (id: string) => tile(id).getAttribute('data-warm');
const stateOf = (id: string) => tile(id).getAttribute('data-state');

/** Both screen sizes the booth runs on: the same moment, twice. */
async function shoot(name: string): Promise<void> {
  await booth.screenshot(`warm-take-${name}-1366.png`);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await booth.screenshot(`warm-take-${name}-1920.png`);
  await page.setViewportSize({ width: 1366, height: 768 });
}

/** Opens a warm act's dialog, checks its words, and confirms it once its settle time is over. */
async function confirmWarm(open: Locator, body: RegExp, shot?: string): Promise<void> {
  await open.click();
  const dialog = page.getByTestId('warm-dialog');
  await dialog.waitFor();
  expect(await text(dialog.getByTestId('warm-body'))).toMatch(body);
  if (shot) await shoot(shot);
  const confirm = dialog.getByTestId('warm-confirm');
  await eventually(async () => confirm.isEnabled(), 'the confirm button to settle');
  await confirm.click();
  await dialog.waitFor({ state: 'detached' });
}

beforeAll(async () => {
  booth = await startBooth({
    window: 'operator',
    viewport: { width: 1366, height: 768 },
    slateDestinations: ['youtube', 'twitch'],
    timings: { inputSwitchMs: 400, metricSampleMs: 200, failoverMs: 200, flowUpdateMs: 200 },
    flow: { steadyIntervalMs: 300, fastIntervalMs: 150, periodSec: 1 },
    warm: { readEveryMs: 250, switchReadEveryMs: 50 },
  });
  page = booth.page;
  await eventually(
    async () => (await page.locator('[data-testid="destination-tile"][data-state="IDLE"]').count()) === 5,
    'five IDLE tiles',
  );
});

afterEach(async () => {
  booth.simulator.control.clearFaults();
  await booth.assertNoPageProblems();
});

afterAll(async () => {
  await booth?.close();
});

describe('warm take (web preview, simulation)', () => {
  it('chooses WARM for YouTube; LinkedIn, deployed without a slate, says cold only', async () => {
    const mode = tile('youtube').getByTestId('tile-warm');
    await eventually(async () => (await mode.getAttribute('data-act')) === 'mode', 'the take-mode button');
    expect(await text(mode)).toBe('COLD');
    await mode.click();
    await eventually(async () => (await tile('youtube').getAttribute('data-take-mode')) === 'warm', 'WARM chosen');
    expect(await text(mode)).toBe('WARM');
    expect(await text(tile('youtube').getByTestId('tile-arm'))).toBe('STANDBY');
    expect(await tile('linkedin').getByTestId('tile-warm').count()).toBe(0);
    expect(await text(tile('linkedin').getByTestId('tile-activity'))).toBe('cold only');
    expect(await tile('linkedin').getByTestId('tile-activity').getAttribute('title')).toMatch(
      /no slate input attached/,
    );
  });

  it('standby: a confirmation with the cost, then STARTING TO STANDBY and STANDBY "$…/h, standby since …"', async () => {
    const since = Date.now();
    await confirmWarm(tile('youtube').getByTestId('tile-arm'), /bills about \$\d+\.\d\d\/h/, 'standby-dialog');
    await eventually(async () => (await warmOf('youtube')) === 'STARTING_TO_STANDBY', 'STARTING TO STANDBY');
    expect(await text(tile('youtube').getByTestId('tile-state'))).toBe('STARTING TO STANDBY');
    await eventually(async () => (await warmOf('youtube')) === 'STANDBY', 'STANDBY', 15_000);
    expect(await text(tile('youtube').getByTestId('tile-state'))).toBe('STANDBY');
    expect(await text(tile('youtube').getByTestId('tile-hint'))).toMatch(/^\$\d+\.\d\d\/h, standby since \d\d:\d\d$/);
    expect(await tile('youtube').getAttribute('data-tone')).toBe('standby');
    // Not counted live: the status bar's LIVE reads 0 while the slate runs.
    expect(await text(page.getByTestId('live-count'))).toMatch(/0\/5/);
    expect(writes('youtube', since)).toEqual(['BatchUpdateSchedule', 'StartChannel']);
    // The tile's clock counts the standby; no time on air is shown for it.
    expect(await tile('youtube').getByTestId('tile-on-air').count()).toBe(0);
    await shoot('standby');
  });

  it('takes YouTube live with one BatchUpdateSchedule (no StartChannel), ON AIR once the live input is active; LinkedIn goes live cold beside it', async () => {
    const since = Date.now();
    // A second in standby at least, as the console recorded it (it counts from the STANDBY it confirmed, later on a
    // loaded machine), so the tile has a standby figure to show beside the time on air.
    await eventually(async () => {
      const show = await booth.core.router.invoke('show.snapshot', {}, { role: 'operator' });
      const standby = show.ok
        ? (show.data as ShowSnapshot).timeline.destinations.find((d) => d.id === 'youtube')?.standby
        : undefined;
      return standby !== undefined && standby.since !== null && Date.now() - standby.since >= 1_000;
    }, 'a second of standby recorded');
    await page.keyboard.press('2');
    await eventually(async () => (await tile('youtube').getAttribute('data-armed')) === 'start', 'YouTube armed');
    await page.keyboard.press('Enter');
    await eventually(async () => (await warmOf('youtube')) === 'ON_AIR', 'YouTube ON AIR', 5_000);
    expect(await text(tile('youtube').getByTestId('tile-state'))).toBe('ON AIR');
    expect(writes('youtube', since)).toEqual(['BatchUpdateSchedule']);
    // The show's time: the standby counted apart, never as time on air.
    await eventually(
      async () =>
        /^on air \d\d:\d\d:\d\d · standby \d\d:\d\d:\d\d$/.test(await text(tile('youtube').getByTestId('tile-on-air'))),
      'time on air and in standby apart on the tile',
    );
    const active = booth.simulator.control.state().channels.find((c) => c.id === channelOf('youtube'));
    expect(active?.activeInputAttachment).toBe('lunora-youtube-input');
    expect(active?.picture).toBe('LIVE');

    const cold = Date.now();
    await page.keyboard.press('4');
    await eventually(async () => (await tile('linkedin').getAttribute('data-armed')) === 'start', 'LinkedIn armed');
    await page.keyboard.press('Enter');
    await eventually(async () => (await stateOf('linkedin')) === 'RUNNING', 'LinkedIn ON AIR', 15_000);
    expect(writes('linkedin', cold)).toEqual(['StartChannel']);
    expect(await text(page.getByTestId('live-count'))).toMatch(/2\/5/);
    await shoot('on-air');
  });

  it('the live source lost on air from warm: the slate is shown (input-loss behaviour), the tile and the incident log say so', async () => {
    const incidents = async () => {
      const answer = await booth.core.router.invoke('incidents.list', {}, { role: 'operator' });
      if (!answer.ok) throw new Error(answer.message);
      return (answer.data as { entries: IncidentEntry[] }).entries
        .filter((e) => e.destinationId === 'youtube' && e.kind === 'outage')
        .map((e) => e.title);
    };
    booth.simulator.control.loseSource('main');
    booth.simulator.control.loseSource('backup');
    const strip = tile('youtube').getByTestId('tile-input-strip');
    await eventually(async () => /SLATE SHOWN/.test(await text(strip)), 'SLATE SHOWN on the tile', 15_000);
    expect(await strip.getAttribute('title')).toMatch(/Viewers see the slate still/);
    await eventually(
      async () => (await incidents()).join() === 'YouTube Live: live input lost, viewers see the slate',
      'one incident for YouTube',
    );
    expect(booth.simulator.control.state().channels.find((c) => c.id === channelOf('youtube'))?.picture).toBe(
      'INPUT_LOSS_SLATE',
    );
    await shoot('slate-on-loss');
    booth.simulator.control.restoreSource('main');
    booth.simulator.control.restoreSource('backup');
    await eventually(async () => (await incidents()).length === 2, 'the live picture back in the incident log', 15_000);
    expect((await incidents())[1]).toBe('YouTube Live: live picture back');
    await eventually(async () => (await strip.count()) === 0, 'the strip gone', 15_000);
  });

  it('back to slate and stop are distinct, confirmed acts', async () => {
    const since = Date.now();
    const act = tile('youtube').getByTestId('tile-warm');
    expect(await act.getAttribute('data-act')).toBe('back-to-slate');
    await confirmWarm(act, /Viewers see the slate instead of the live picture/, 'back-to-slate-dialog');
    await eventually(async () => (await warmOf('youtube')) === 'STANDBY', 'back on the slate', 5_000);
    expect(await stateOf('youtube')).toBe('RUNNING');
    await eventually(async () => (await act.getAttribute('data-act')) === 'stop', 'the STOP button');
    await confirmWarm(act, /The channel stops \(it no longer bills\)/);
    await eventually(async () => (await stateOf('youtube')) === 'IDLE', 'YouTube IDLE', 15_000);
    // Then, once IDLE, the booth's own switches are deleted from the schedule (a third BatchUpdateSchedule).
    expect(writes('youtube', since).slice(0, 2)).toEqual(['BatchUpdateSchedule', 'StopChannel']);
  });

  it('a refused switch: one clear failure on the tile, nothing sent twice, still STANDBY', async () => {
    const mode = tile('twitch').getByTestId('tile-warm');
    await mode.click();
    await eventually(async () => (await tile('twitch').getAttribute('data-take-mode')) === 'warm', 'Twitch WARM');
    await confirmWarm(tile('twitch').getByTestId('tile-arm'), /starts now on its slate/);
    await eventually(async () => (await warmOf('twitch')) === 'STANDBY', 'Twitch STANDBY', 15_000);
    booth.simulator.control.addFault({ service: 'medialive', operation: 'BatchUpdateSchedule', kind: 'access-denied' });
    const since = Date.now();
    await page.keyboard.press('3');
    await eventually(async () => (await tile('twitch').getAttribute('data-armed')) === 'start', 'Twitch armed');
    await page.keyboard.press('Enter');
    await eventually(async () => (await tile('twitch').getAttribute('data-failed')) === 'start', 'the failed take');
    expect(await text(tile('twitch').getByTestId('tile-trouble'))).toMatch(/DID NOT GO LIVE — permission denied/);
    expect(writes('twitch', since)).toEqual(['BatchUpdateSchedule']);
    expect(await warmOf('twitch')).toBe('STANDBY');
    await shoot('switch-refused');
  });
});
