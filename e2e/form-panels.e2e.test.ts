import { afterEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import {
  eventually,
  nextPaint,
  squashedText as text,
  startBooth,
  startOperatorBooth,
  type BoothHarness,
} from './support/harness';

/**
 * The five forms that share the form styles (the operator's Settings and show plan; the admin's Costs, safety grace
 * and Remote control), each in its error state, at 1366x768 and 1920x1080: the refusal is said in words, and a
 * screenshot `form-<name>-<size>.png` of each is in e2e/artifacts.
 */
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

let booth: BoothHarness | null = null;
afterEach(async () => {
  await booth?.close();
  booth = null;
});

/** Both sizes, with `target` scrolled into view at each (a resize can move the scroll position). */
async function shots(page: Page, name: string, target: Locator) {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await target.scrollIntoViewIfNeeded();
    await nextPaint(page);
    await booth!.screenshot(`form-${name}-${size.width}x${size.height}.png`);
  }
}

describe('the form styles in their error states (web preview, simulation)', () => {
  it("the operator's Settings and show plan", async () => {
    booth = await startOperatorBooth();
    const { page } = booth;

    await page.getByTestId('open-settings').click();
    const settings = page.getByTestId('settings-panel');
    await settings.waitFor();
    await settings.getByTestId('settings-arm-timeout').fill('99');
    await settings.getByTestId('settings-save').click();
    const refused = settings.getByTestId('settings-error');
    await eventually(async () => (await text(refused)).startsWith('Not saved:'), 'the arm timeout refused');
    await shots(page, 'settings-refused', settings.getByTestId('settings-arm-timeout'));
    await page.keyboard.press('Escape');
    await settings.waitFor({ state: 'detached' });

    await page.getByTestId('session-duration').click();
    const plan = page.getByTestId('show-plan');
    await plan.waitFor();
    await plan.getByTestId('show-plan-start').fill('25:00');
    await plan.getByTestId('show-plan-end').fill('21:30');
    await plan.getByTestId('show-plan-save').click();
    await eventually(async () => (await text(plan.getByTestId('show-plan-answer'))) !== '', 'the plan refused');
    expect(await text(plan.getByTestId('show-plan-preview'))).toMatch(/^The planned start "25:00"/);
    await shots(page, 'show-plan-refused', plan);
    await booth.assertNoPageProblems();
  });

  it("the admin's Costs, safety grace and Remote control", async () => {
    booth = await startBooth({ window: 'admin', viewport: SIZES[0] });
    const { page } = booth;

    await page.getByTestId('tab-costs').click();
    const costs = page.getByTestId('admin-costs');
    const budget = costs.getByTestId('admin-budget');
    await eventually(async () => (await budget.inputValue()) === '400', 'the budget read');
    await budget.fill('-3');
    await costs.getByTestId('admin-costs-save').click();
    const costsAnswer = costs.getByTestId('admin-costs-answer');
    await eventually(async () => (await text(costsAnswer)).startsWith('Not saved:'), 'the budget refused');
    await shots(page, 'costs-refused', budget);
    await shots(page, 'costs-foot-refused', costsAnswer);

    const grace = page.getByTestId('admin-safety-grace');
    await eventually(async () => (await grace.inputValue()) === '30', 'the saved grace');
    await grace.fill('900');
    expect(await text(page.getByTestId('admin-safety-grace-problem'))).toMatch(/^The grace period is at most 720/);
    await shots(page, 'safety-grace-refused', page.getByTestId('admin-safety-grace-problem'));

    await page.getByTestId('tab-remote').click();
    const remote = page.getByTestId('admin-remote');
    await remote.getByTestId('admin-remote-port').fill('80');
    await remote.getByTestId('admin-remote-save').click();
    const remoteAnswer = remote.getByTestId('admin-remote-answer');
    await eventually(async () => (await text(remoteAnswer)).startsWith('Not saved:'), 'port 80 refused');
    await remote.getByTestId('admin-remote-create').click();
    await remote.getByTestId('admin-remote-create-error').waitFor();
    await shots(page, 'remote-refused', remote);
    await booth.assertNoPageProblems();
  });
});
