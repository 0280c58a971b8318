import { describe, expect, it } from 'vitest';
import { eventually, squashedText as text, useOperatorBooth } from './support/harness';

/**
 * The admin's grace period of the safety stop, in the admin window's Costs tab: each bad value is refused in words
 * before anything is saved (fractions, below 0, past 12 hours, empty), a good one is saved. At both screen sizes, with
 * screenshots of the refusal and of the saved state.
 */
const operatorBooth = useOperatorBooth();

describe.each([
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
])('safety grace at $width x $height', (viewport) => {
  it('refuses a bad grace period in words and saves a good one', async () => {
    const booth = await operatorBooth.start({ window: 'admin', viewport });
    const { page } = booth;
    await page.getByTestId('tab-costs').click();
    const field = page.getByTestId('admin-safety-grace');
    await field.scrollIntoViewIfNeeded();
    await eventually(async () => (await field.inputValue()) === '30', 'the saved grace (30 min by default)');
    const save = page.getByTestId('admin-safety-grace-save');
    expect(await save.isDisabled()).toBe(true);

    for (const [typed, words] of [
      ['1.5', 'The grace period must be whole minutes (no fractions).'],
      ['-5', 'The grace period cannot be negative: 0 stops the channel at the planned end.'],
      ['900', 'The grace period is at most 720 minutes (12 hours) after the planned end.'],
      ['', 'The grace period must be a number of minutes.'],
    ] as const) {
      await field.fill(typed);
      expect(await text(page.getByTestId('admin-safety-grace-problem'))).toBe(words);
      await save.click();
      expect(await text(page.getByTestId('admin-safety-grace-answer'))).toBe(`Not saved: ${words}`);
    }
    await field.fill('900');
    await page.getByTestId('admin-safety-grace-problem').scrollIntoViewIfNeeded();
    await booth.screenshot(`safety-grace-refused-${viewport.width}x${viewport.height}.png`);
    expect(booth.core.settings.get().safetyGraceMinutes).toBe(30);

    await field.fill('45');
    await save.click();
    const answer = page.getByTestId('admin-safety-grace-answer');
    await eventually(async () => (await text(answer)).startsWith('Saved at'), 'saved');
    expect(await text(answer)).toMatch(/: 45 min\. The safety stops of channels on air moved with it\.$/);
    expect(booth.core.settings.get().safetyGraceMinutes).toBe(45);
    expect(await field.inputValue()).toBe('45');
    await answer.scrollIntoViewIfNeeded();
    await booth.screenshot(`safety-grace-saved-${viewport.width}x${viewport.height}.png`);
    await booth.assertNoPageProblems();
  });
});
