import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import {
  ARTIFACTS,
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

/** Zod's own sentences ("Too small: expected number to be >=0", "expected number, received NaN"): never a headline. */
const ZOD_WORDS = /expected|received|too small|too big|invalid input|invalid request|nan\b|>=|<=/i;

/**
 * The input is marked refused (aria-invalid) and described by the element that says so, whose words are `message`;
 * returns those words.
 */
async function expectRefused(page: Page, input: Locator, message: string | RegExp): Promise<string> {
  expect(await input.getAttribute('aria-invalid')).toBe('true');
  const describedBy = await input.getAttribute('aria-describedby');
  expect(describedBy).toBeTruthy();
  const said = await text(page.locator(`[id="${describedBy}"]`));
  if (typeof message === 'string') expect(said).toBe(message);
  else expect(said).toMatch(message);
  expect(said).not.toMatch(ZOD_WORDS);
  return said;
}

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
    await expectRefused(
      page,
      settings.getByTestId('settings-arm-timeout'),
      'Not saved: Arm timeout: enter whole seconds from 2 to 30.',
    );
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

  it("the Remote control's LAN checkbox sits on the middle line of its label, the port and Apply", async () => {
    booth = await startBooth({ window: 'admin', viewport: SIZES[0] });
    const { page } = booth;
    await page.getByTestId('tab-remote').click();
    const remote = page.getByTestId('admin-remote');
    await remote.getByTestId('admin-remote-lan-toggle').waitFor();
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await nextPaint(page);
      const middles = await remote.evaluate((panel) => {
        const middle = (r: DOMRect) => r.top + r.height / 2;
        const box = panel.querySelector<HTMLInputElement>('[data-testid="admin-remote-lan-toggle"]')!;
        const label = box.closest('label')!;
        const words = [...label.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())!;
        const range = document.createRange();
        range.selectNodeContents(words);
        return {
          box: middle(box.getBoundingClientRect()),
          words: middle(range.getClientRects()[0]!),
          port: middle(panel.querySelector('[data-testid="admin-remote-port"]')!.getBoundingClientRect()),
          apply: middle(panel.querySelector('[data-testid="admin-remote-save"]')!.getBoundingClientRect()),
        };
      });
      const at = `${size.width}x${size.height} ${JSON.stringify(middles)}`;
      expect(Math.abs(middles.box - middles.words), at).toBeLessThanOrEqual(1);
      expect(Math.abs(middles.box - middles.port), at).toBeLessThanOrEqual(1);
      expect(Math.abs(middles.box - middles.apply), at).toBeLessThanOrEqual(1);
      await booth.screenshot(`form-remote-lan-${size.width}x${size.height}.png`);
      await page
        .locator('[data-testid="admin-remote"] form.where')
        .screenshot({ path: path.join(ARTIFACTS, `form-remote-lan-row-${size.width}x${size.height}.png`) });
    }
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
    const budgetWords = 'Not saved: Monthly budget: enter an amount from 0 to 1,000,000 (US dollars a month).';
    await expectRefused(page, budget, budgetWords);
    // Only the refused field is marked.
    expect(await costs.getByTestId('admin-rate-source').getAttribute('aria-invalid')).toBeNull();
    // Typing clears the mark; an empty budget (NaN to main) is refused in the same words.
    await budget.fill('');
    expect(await budget.getAttribute('aria-invalid')).toBeNull();
    await costs.getByTestId('admin-costs-save').click();
    await eventually(async () => (await budget.getAttribute('aria-invalid')) === 'true', 'the empty budget refused');
    await expectRefused(page, budget, budgetWords);
    await budget.fill('-3');
    await costs.getByTestId('admin-costs-save').click();
    await eventually(async () => (await budget.getAttribute('aria-invalid')) === 'true', 'the budget refused again');
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
    await expectRefused(
      page,
      remote.getByTestId('admin-remote-port'),
      'Not saved: Port: enter a whole number from 1024 to 65535.',
    );
    expect(await remote.getByTestId('admin-remote-lan-toggle').getAttribute('aria-invalid')).toBeNull();
    await remote.getByTestId('admin-remote-create').click();
    await remote.getByTestId('admin-remote-create-error').waitFor();
    await expectRefused(
      page,
      remote.getByTestId('admin-remote-name'),
      /^Token name: enter a name of 1 to 60 characters/,
    );
    await shots(page, 'remote-refused', remote);
    await booth.assertNoPageProblems();
  });
});
