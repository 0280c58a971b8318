import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clockTime } from '../shared/domain/time-format';
import type { Page } from 'playwright-core';
import { startBooth, type BoothHarness } from './support/harness';

/** The pre-show checklist as an operator runs it: all green on the seeded stack; a deleted channel turns its item red. */
let booth: BoothHarness;
let page: Page;

beforeAll(async () => {
  booth = await startBooth({ window: 'operator', viewport: { width: 1600, height: 900 } });
  page = booth.page;
  await page.waitForSelector('[data-testid="destination-tile"]');
});

afterAll(async () => {
  await booth?.close();
});

const item = (id: string) => page.locator(`[data-testid="readiness-item"][data-check-id="${id}"]`);
/** Each readiness run reads the identity once; after start, nothing else does in simulation. */
const readinessRuns = () => booth.simulator.control.requests({ service: 'sts', operation: 'GetCallerIdentity' }).length;
const runFinished = () => page.waitForSelector('[data-testid="readiness-run"]:not([disabled])');

describe('readiness check (web preview, simulation)', () => {
  it('is READY on the seeded topology, with what it found in the stack', async () => {
    const before = readinessRuns();
    await page.getByTestId('open-readiness').click();
    await page.waitForSelector('[data-testid="readiness-verdict"]');
    await runFinished();
    expect(readinessRuns()).toBe(before + 1);
    expect(await page.getByTestId('readiness-verdict').textContent()).toMatch(/^\s*READY/);
    expect(await page.locator('[data-testid="readiness-item"][data-status="fail"]').count()).toBe(0);
    expect(await item('destination-twitch').getAttribute('data-status')).toBe('pass');
    expect(await page.getByTestId('readiness-stack').textContent()).toMatch(/lunora-booth \(CREATE_COMPLETE\)/);
    await booth.screenshot('readiness-ready.png');
    await booth.assertNoPageProblems();
  });

  it("checks against the show plan's end, and runs again on request, not when the plan changes", async () => {
    expect(await page.getByTestId('readiness-show-end').textContent()).toMatch(
      /^\s*Checked at \d\d:\d\d:\d\d \(no show planned\) against/,
    );
    const before = readinessRuns();
    const endsAt = Math.floor((Date.now() + 2 * 3_600_000) / 60_000) * 60_000;
    const set = await booth.core.router.invoke(
      'show.setPlan',
      { startsAt: endsAt - 3_600_000, endsAt },
      { role: 'operator' },
    );
    expect(set.ok).toBe(true);
    expect(readinessRuns()).toBe(before);
    await page.getByTestId('readiness-run').click();
    await expect.poll(readinessRuns).toBeGreaterThan(before);
    await runFinished();
    expect(readinessRuns()).toBe(before + 1);
    expect(await page.getByTestId('readiness-show-end').textContent()).toContain(
      `against the planned end of the show, ${clockTime(endsAt, Date.now())}.`,
    );
    expect(await page.getByTestId('readiness-verdict').textContent()).toMatch(/^\s*READY/);
  });

  it('turns the item of a channel deleted in the simulator red, naming the destination and the fix', async () => {
    const twitch = booth.simulator.topology.destinations.find((d) => d.id === 'twitch')!;
    booth.simulator.control.deleteChannel(twitch.channelId);
    await page.getByTestId('readiness-run').click();
    await page.waitForSelector(
      '[data-testid="readiness-item"][data-check-id="destination-twitch"][data-status="fail"]',
    );
    const text = (await item('destination-twitch').textContent()) ?? '';
    expect(text).toContain('Twitch');
    expect(text).toContain(twitch.channelId);
    expect(text).toMatch(/Fix:/);
    expect(await page.getByTestId('readiness-verdict').textContent()).toMatch(/NOT READY/);
    expect(await item('destination-youtube').getAttribute('data-status')).toBe('pass');
    await booth.screenshot('readiness-not-ready.png');
    await booth.assertNoPageProblems();
  });
});
