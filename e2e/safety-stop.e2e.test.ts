import { describe, expect, it } from 'vitest';
import { clockTime } from '../shared/domain/time-format';
import { SAFETY_STOP } from '../src-main/simulator/seed';
import { eventually, squashedText as text, useOperatorBooth } from './support/harness';

/**
 * The safety stop in AWS: take YouTube live and see its auto-stop time on the tile (the schedule the console made in
 * the simulator's EventBridge Scheduler), let the schedule fire (its time brought forward with the simulator's
 * control route), see the tile say the channel was stopped by its safety schedule, and find the show in the history
 * with its cost. At both screen sizes the booth is used at, with screenshots of both states.
 */

const operatorBooth = useOperatorBooth();

describe.each([
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
])('safety stop at $width x $height', (viewport) => {
  it('a live channel shows its auto-stop; when the schedule fires, the tile says why it stopped', async () => {
    const booth = await operatorBooth.start({ viewport });
    const { page, simulator } = booth;
    const tile = operatorBooth.tile('youtube');
    await operatorBooth.take('2', 'youtube', 'RUNNING');

    // No show planned: the stop is four hours after the take plus the default 30 min grace.
    const autoStop = tile.getByTestId('tile-auto-stop');
    await autoStop.waitFor();
    const schedule = simulator.control.schedules.list().find((s) => s.name === 'lunora-youtube');
    expect(schedule?.group).toBe(SAFETY_STOP.group);
    expect(schedule?.target.Arn).toBe('arn:aws:scheduler:::aws-sdk:medialive:stopChannel');
    expect(await text(autoStop)).toBe(`auto-stop ${clockTime(schedule?.at ?? 0, Date.now())}`);
    expect((schedule?.at ?? 0) - Date.now()).toBeGreaterThan(4 * 3_600_000 + 29 * 60_000);
    await booth.screenshot(`safety-stop-armed-${viewport.width}x${viewport.height}.png`);

    const fired = simulator.control.schedules.fireNow('lunora-youtube', SAFETY_STOP.group);
    expect(fired.outcome).toBe('invoked');
    await eventually(
      async () => (await tile.getAttribute('data-safety-stop')) === 'fired',
      'safety stop shown',
      15_000,
    );
    await eventually(async () => (await tile.getAttribute('data-state')) === 'IDLE', 'YouTube off air', 15_000);
    const line = tile.getByTestId('tile-safety');
    expect(await text(line)).toMatch(/^SAFETY STOP stopped by its safety schedule at \d\d:\d\d:\d\d$/);
    expect(await autoStop.count()).toBe(0);
    // The stop and why, never "off air, ready" or "on air 00:00:00" on a tile that was just stopped.
    expect(await text(tile.getByTestId('tile-hint'))).toMatch(/^off air since \d\d:\d\d:\d\d$/);
    expect(await text(tile.getByTestId('tile-on-air'))).toMatch(/^aired (<1 s|00:00:\d\d)$/);
    // One alarm for the stop: the safety stop's, not a second "stopped outside this console".
    const recent = (await booth.core.router.invoke('notifications.recent', {}, { role: 'operator' })) as {
      data: { notifications: { kind: string; title: string }[] };
    };
    const alerts = recent.data.notifications.filter((n) => n.kind === 'alert').map((n) => n.title);
    expect(alerts).toEqual([expect.stringMatching(/^YouTube Live: stopped by its safety schedule at /)]);
    expect(simulator.control.schedules.list()).toEqual([]);
    await booth.screenshot(`safety-stop-fired-${viewport.width}x${viewport.height}.png`);

    await page.getByTestId('open-history').click();
    const drawer = page.getByTestId('history-drawer');
    await drawer.waitFor();
    const rows = drawer.getByTestId('history-row');
    await eventually(async () => (await rows.count()) >= 1, 'the show listed');
    expect(await text(rows.first())).toMatch(/YouTube Live/);
    expect(await text(rows.first().getByTestId('history-row-cost'))).toMatch(/^\$0\.(09|[1-9]\d)$/);
  });
});
