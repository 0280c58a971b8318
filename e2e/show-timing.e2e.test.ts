import { describe, expect, it } from 'vitest';
import { clockField } from '../shared/domain/show-plan';
import { clockTime } from '../shared/domain/time-format';
import { eventually, squashedText as text, useOperatorBooth } from './support/harness';

/**
 * Show timing as an operator meets it, against the simulator: a plan set from the status bar's SHOW cell in
 * 24-hour times, the countdown to its start, a channel taken live (countdown to the end, time on air on its tile),
 * End all, and the show time stopped. The admin window's Costs tab holds the rates and the budget.
 */
const SHOTS = process.env['LUNORA_SHOTS_DIR'] ?? '/work/wt/shots';

const operatorBooth = useOperatorBooth();

describe.each([
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
])('show timing at $width x $height', (viewport) => {
  const size = `${viewport.width}x${viewport.height}`;
  const shot = async (name: string) => {
    await operatorBooth.harness.page.screenshot({ path: `${SHOTS}/timing-${name}-${size}.png` });
  };

  it('sets a plan, counts down to it, counts time on air, and stops the show time after End all', async () => {
    const booth = await operatorBooth.start({ viewport });
    const { page } = booth;
    const showTime = page.getByTestId('show-time');
    const countdown = page.getByTestId('show-countdown');
    // The console has run for seconds, but nothing has gone live: no show time.
    expect(await text(showTime)).toBe('--:--:--');
    expect(await countdown.getAttribute('data-phase')).toBe('none');

    // The plan, from the SHOW cell: 24-hour times; a bad one is refused in words before anything is sent.
    await page.getByTestId('session-duration').click();
    const plan = page.getByTestId('show-plan');
    await plan.waitFor();
    const now = Date.now();
    const start = clockField(now + 11 * 60_000);
    const end = clockField(now + 71 * 60_000);
    await plan.getByTestId('show-plan-start').fill('7 pm');
    await plan.getByTestId('show-plan-end').fill(end);
    expect(await text(plan.getByTestId('show-plan-preview'))).toMatch(/^The planned start "7 pm" is not a time of day/);
    await plan.getByTestId('show-plan-start').fill(start);
    // Written as the console writes times: with the date when one falls on another day than today.
    const minute = (ms: number) => Math.floor(ms / 60_000) * 60_000;
    expect(await text(plan.getByTestId('show-plan-preview'))).toBe(
      `Show planned ${clockTime(minute(now + 11 * 60_000), now)} to ${clockTime(minute(now + 71 * 60_000), now)} (1 h 00 min).`,
    );
    // Digits typed in the plan are times, not arm keys.
    expect(await page.locator('[data-armed]').count()).toBe(0);
    await shot('plan-open');
    await plan.getByTestId('show-plan-save').click();
    await eventually(
      async () => (await text(plan.getByTestId('show-plan-answer'))).startsWith('Saved.'),
      'the plan saved',
    );
    await page.keyboard.press('Escape');
    await plan.waitFor({ state: 'detached' });

    // Before the show: the countdown to the planned start.
    await eventually(async () => (await countdown.getAttribute('data-phase')) === 'to-start', 'counting to the start');
    expect(await text(countdown)).toMatch(/^STARTS IN 00:1[01]:\d\d$/);
    // Within the lead time: the console ran the pre-show checklist by itself and said what it found; nothing started.
    const reminders = async () => {
      const recent = (await booth.core.router.invoke('notifications.recent', {}, { role: 'operator' })) as {
        data: { notifications: { title: string }[] };
      };
      return recent.data.notifications.filter((n) => /^Show at .+, in 1[01] min: (not )?ready$/.test(n.title));
    };
    await eventually(async () => (await reminders()).length === 1, 'the pre-show reminder');
    await eventually(async () => /Show at /.test(await text(page.getByTestId('event-line'))), 'the reminder shown');
    expect(booth.simulator.control.requests({ operation: 'StartChannel' })).toEqual([]);
    await booth.screenshot(`show-reminder-${size}.png`);
    await shot('before');

    // Live: the countdown to the planned end, the show time from the take, time on air on the tile.
    await page.keyboard.press('2');
    await page.keyboard.press('Enter');
    const youtube = page.locator('[data-testid="destination-tile"][data-destination-id="youtube"]');
    await eventually(async () => (await youtube.getAttribute('data-state')) === 'RUNNING', 'YouTube on air', 15_000);
    await eventually(async () => (await countdown.getAttribute('data-phase')) === 'to-end', 'counting to the end');
    expect(await text(countdown)).toMatch(/^ENDS IN 0[01]:\d\d:\d\d$/);
    await eventually(
      async () => /^on air 00:00:0[2-9]$/.test(await text(youtube.getByTestId('tile-on-air'))),
      'two seconds on air on the tile',
    );
    expect(await text(showTime)).toMatch(/^00:00:\d\d$/);
    expect(await page.getByTestId('show-caption').textContent()).toBe('SHOW');
    await shot('live');

    // End all: the show time stops and stays stopped while the clock runs on.
    await page.keyboard.press('e');
    const dialog = page.getByTestId('end-all-dialog');
    await dialog.waitFor();
    await dialog.getByTestId('end-all-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    await eventually(async () => (await page.getByTestId('show-caption').textContent()) === 'SHOW ENDED', 'show ended');
    const stopped = await text(showTime);
    const clock = page.getByTestId('clock');
    const tick = (from: string) =>
      eventually(async () => {
        const shown = await text(clock);
        return shown !== from ? shown : null;
      }, 'the clock ticking');
    await tick(await tick(await text(clock)));
    expect(await text(showTime)).toBe(stopped);
    expect(await countdown.getAttribute('data-phase')).toBe('to-start');
    const onAirAtStop = await text(youtube.getByTestId('tile-on-air'));
    expect(onAirAtStop).toMatch(/^aired 00:00:\d\d$/);
    await eventually(async () => (await youtube.getAttribute('data-state')) === 'IDLE', 'YouTube IDLE', 15_000);
    expect(await text(showTime)).toBe(stopped);
    expect(await text(youtube.getByTestId('tile-on-air'))).toBe(onAirAtStop);
    await shot('after-end-all');
    await booth.assertNoPageProblems();
  });

  it('keeps the rate card and the budget in the admin window, where they are saved', async () => {
    const booth = await operatorBooth.start({ window: 'admin', viewport });
    const { page } = booth;
    await page.getByTestId('tab-costs').click();
    const panel = page.getByTestId('admin-costs');
    await panel.waitFor();
    expect(await text(panel.getByTestId('admin-rate-page-medialiveHdHighFpsOutputPerHour'))).toMatch(
      /^Estimate ?AWS Elemental MediaLive Pricing, https:\/\/aws\.amazon\.com\/medialive\/pricing\/ .*check the AWS page$/,
    );
    await eventually(async () => (await panel.getByTestId('admin-budget').inputValue()) === '400', 'the budget read');
    await panel.getByTestId('admin-budget').fill('650');
    await panel.getByTestId('admin-costs-save').click();
    await eventually(async () => (await text(panel.getByTestId('admin-costs-answer'))).startsWith('Saved at'), 'saved');
    expect(booth.core.settings.get().monthlyBudgetUsd).toBe(650);
    await panel.getByTestId('admin-budget').fill('-3');
    await panel.getByTestId('admin-costs-save').click();
    await eventually(
      async () => (await text(panel.getByTestId('admin-costs-answer'))).startsWith('Not saved:'),
      'refused',
    );
    expect(booth.core.settings.get().monthlyBudgetUsd).toBe(650);
    await shot('admin-rates');
    await booth.assertNoPageProblems();
  });
});
